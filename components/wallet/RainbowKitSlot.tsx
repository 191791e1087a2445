"use client";

import "@rainbow-me/rainbowkit/styles.css";

import { ConnectButton, darkTheme, lightTheme, RainbowKitProvider, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect } from "react";

import { useWalletUi } from "@/components/wallet/walletUi";
import { appChain } from "@/lib/chain";

// RainbowKit switches between these with prefers-color-scheme, like the rest of the app.
const walletTheme = {
  lightMode: lightTheme({ accentColor: "#15803d" }),
  darkMode: darkTheme({ accentColor: "#22c55e", accentColorForeground: "#052e16" }),
};

/** Hands RainbowKit's connect-modal opener to WalletUiProvider, which gives it to every page. */
function OpenerBridge() {
  const { openConnectModal } = useConnectModal();
  const { registerOpener } = useWalletUi();
  useEffect(() => registerOpener(openConnectModal), [openConnectModal, registerOpener]);
  return null;
}

/**
 * RainbowKit's chunk, loaded by components/wallet/HeaderWallet.tsx when it is first needed: its provider sits in the
 * header's wallet slot (its modals render into document.body), under the layout's WagmiProvider.
 */
export default function RainbowKitSlot() {
  return (
    <RainbowKitProvider theme={walletTheme} initialChain={appChain} appInfo={{ appName: "Canopy" }}>
      <OpenerBridge />
      <ConnectButton
        accountStatus={{ smallScreen: "address", largeScreen: "full" }}
        chainStatus={{ smallScreen: "none", largeScreen: "icon" }}
        showBalance={{ smallScreen: false, largeScreen: true }}
      />
    </RainbowKitProvider>
  );
}
