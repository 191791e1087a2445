import type { Wallet, WalletList } from "@rainbow-me/rainbowkit";
import { injectedWallet, walletConnectWallet } from "@rainbow-me/rainbowkit/wallets";
import { createConfig, http } from "wagmi";

import { appChain, rpcUrl } from "@/lib/chain";
import { readBatching } from "@/lib/reads/transport";
import { connectorsForWallets } from "@/lib/walletConnectors";

// RainbowKit offers "Browser Wallet" even when no window.ethereum exists, and clicking it
// then fails; list it only when an injected provider is actually there.
const browserWallet = (): Wallet => ({
  ...injectedWallet(),
  installed: typeof window !== "undefined" && "ethereum" in window && Boolean(window.ethereum),
});

// WalletConnect wallets need a project id; without one only injected and EIP-6963-announced wallets (listed by
// RainbowKit as "Installed") are offered. next.config.ts inlines the id ("" when unset), so without one the bundler
// drops WalletConnect's connector: the test stays on `process.env` literally for that.
const wallets: WalletList = [
  {
    groupName: "Wallets",
    wallets: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ? [browserWallet, walletConnectWallet] : [browserWallet],
  },
];

const connectors = connectorsForWallets(wallets, {
  appName: "Canopy",
  projectId: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ?? "",
});

// Multicall3 where the chain has one, JSON-RPC batches on Anvil (lib/reads/transport.ts says why).
const batching = readBatching(appChain);

export const wagmiConfig = createConfig({
  chains: [appChain],
  connectors,
  multiInjectedProviderDiscovery: true,
  ssr: true,
  batch: batching.batch,
  transports: { [appChain.id]: http(rpcUrl, batching.transport) },
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
