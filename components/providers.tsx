"use client";

import "@rainbow-me/rainbowkit/styles.css";

import { darkTheme, lightTheme, RainbowKitProvider } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";

import { ConnectModalBridge } from "@/components/wallet/ConnectModalBridge";
import { appChain } from "@/lib/chain";
import { wagmiConfig } from "@/lib/wagmi";

// RainbowKit switches between these with prefers-color-scheme, like the rest of the app.
const walletTheme = {
  lightMode: lightTheme({ accentColor: "#15803d" }),
  darkMode: darkTheme({ accentColor: "#22c55e", accentColorForeground: "#052e16" }),
};

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created lazily so the server never shares it between requests.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={walletTheme} initialChain={appChain} appInfo={{ appName: "Canopy" }}>
          <ConnectModalBridge>{children}</ConnectModalBridge>
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
