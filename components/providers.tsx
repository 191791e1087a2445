"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";

import { WalletUiProvider } from "@/components/wallet/WalletUiProvider";
import { wagmiConfig } from "@/lib/wagmi";

// RainbowKit is not here: it loads in the header when first needed (components/wallet/WalletUiProvider.tsx).
export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created lazily so the server never shares it between requests.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <WalletUiProvider>{children}</WalletUiProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
