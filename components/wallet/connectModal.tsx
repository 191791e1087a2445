"use client";

import { createContext, useContext } from "react";

/**
 * Opens RainbowKit's connect modal from any page, loading RainbowKit first if it is not there yet
 * (components/wallet/WalletUiProvider.tsx). Pages reach it through this context instead of importing
 * RainbowKit themselves, which would put it back in their first load.
 */
export const ConnectModalContext = createContext<(() => void) | undefined>(undefined);

/** The opener, or undefined while a wallet is connected. */
export function useOpenConnectModal(): (() => void) | undefined {
  return useContext(ConnectModalContext);
}
