"use client";

import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useAccount } from "wagmi";

import { ConnectModalContext } from "@/components/wallet/connectModal";
import { WalletUiContext, type WalletUi } from "@/components/wallet/walletUi";

/**
 * RainbowKit only where it is used. Reads need wagmi alone; RainbowKit's provider, modals, button and styles
 * (components/wallet/RainbowKitSlot.tsx) are a chunk of their own, rendered in the header once a wallet is connected
 * (wagmi reconnects it on load without RainbowKit) or once someone asks for the connect modal: the header's button
 * or any page's "connect" through useOpenConnectModal. That request is kept until RainbowKit hands over its opener.
 */
export function WalletUiProvider({ children }: { children: ReactNode }) {
  const { isConnected } = useAccount();
  // Sticky: RainbowKit stays once loaded, so disconnecting shows its button and modal as before.
  const [wanted, setWanted] = useState(false);
  // RainbowKit's opener once it runs (`loaded`), which like ours is undefined while a wallet is connected.
  const [rainbowKit, setRainbowKit] = useState<{ open: (() => void) | undefined } | null>(null);
  const [opening, setOpening] = useState(false);

  const openConnectModal = useCallback(() => {
    setOpening(true);
    setWanted(true);
  }, []);
  const registerOpener = useCallback((open: (() => void) | undefined) => setRainbowKit({ open }), []);

  useEffect(() => {
    if (isConnected) setWanted(true);
  }, [isConnected]);

  useEffect(() => {
    if (!rainbowKit?.open || !opening) return;
    setOpening(false);
    rainbowKit.open();
  }, [rainbowKit, opening]);

  const ui: WalletUi = useMemo(
    () => ({ rainbowKitWanted: wanted || isConnected, openConnectModal, opening, registerOpener }),
    [wanted, isConnected, openConnectModal, opening, registerOpener],
  );
  const opener = rainbowKit ? rainbowKit.open : isConnected ? undefined : openConnectModal;
  return (
    <WalletUiContext.Provider value={ui}>
      <ConnectModalContext.Provider value={opener}>{children}</ConnectModalContext.Provider>
    </WalletUiContext.Provider>
  );
}
