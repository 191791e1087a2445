"use client";

import { connectorsForWallets, RainbowKitProvider } from "@rainbow-me/rainbowkit";
import { injectedWallet } from "@rainbow-me/rainbowkit/wallets";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { http } from "viem";
import { foundry } from "viem/chains";
import { createConfig, WagmiProvider } from "wagmi";

// The wallets Canopy offers without a WalletConnect project id: injected ones only.
const config = createConfig({
  chains: [foundry],
  connectors: connectorsForWallets([{ groupName: "Wallets", wallets: [injectedWallet] }], {
    appName: "bare",
    projectId: "",
  }),
  ssr: true,
  transports: { [foundry.id]: http() },
});

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider>{children}</RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
