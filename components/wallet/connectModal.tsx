"use client";

import { createContext, useContext } from "react";

/**
 * Opens RainbowKit's connect modal from any page. The modal lives in the layout; pages reach it
 * through this context instead of importing RainbowKit themselves, which would ship a second copy
 * of its chunks with each page.
 */
export const ConnectModalContext = createContext<(() => void) | undefined>(undefined);

/** The opener, or undefined while a wallet is connected (or before RainbowKit is ready). */
export function useOpenConnectModal(): (() => void) | undefined {
  return useContext(ConnectModalContext);
}
