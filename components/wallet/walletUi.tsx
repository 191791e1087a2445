"use client";

import { createContext, useContext } from "react";

/** What the header's wallet slot needs from components/wallet/WalletUiProvider.tsx. */
export type WalletUi = {
  /** True once RainbowKit is wanted: a wallet is connected, or someone asked for the connect modal. */
  rainbowKitWanted: boolean;
  /** Loads RainbowKit and opens its connect modal once it is there. */
  openConnectModal: () => void;
  /** The connect modal was asked for and RainbowKit's chunk is still on its way. */
  opening: boolean;
  /** Called from inside RainbowKit with its connect-modal opener (undefined while a wallet is connected). */
  registerOpener: (open: (() => void) | undefined) => void;
};

export const WalletUiContext = createContext<WalletUi | null>(null);

export function useWalletUi(): WalletUi {
  const ui = useContext(WalletUiContext);
  if (!ui) throw new Error("useWalletUi needs WalletUiProvider above it (components/providers.tsx)");
  return ui;
}
