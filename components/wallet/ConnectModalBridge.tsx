"use client";

import { useConnectModal } from "@rainbow-me/rainbowkit";
import type { ReactNode } from "react";

import { ConnectModalContext } from "@/components/wallet/connectModal";

/** Inside RainbowKitProvider (layout only): hands its connect modal to pages through context. */
export function ConnectModalBridge({ children }: { children: ReactNode }) {
  const { openConnectModal } = useConnectModal();
  return <ConnectModalContext.Provider value={openConnectModal}>{children}</ConnectModalContext.Provider>;
}
