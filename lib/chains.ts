import type { Chain } from "viem";
import {
  anvil,
  arbitrum,
  arbitrumSepolia,
  base,
  baseSepolia,
  mainnet,
  optimism,
  optimismSepolia,
  sepolia,
} from "viem/chains";

/**
 * Every chain Canopy is configured for, as viem defines it (names, explorers, each one's Multicall3, Base's and
 * Optimism's OP-stack formatters). For tests and tools: the app imports lib/chain.ts, which bundles only the chain
 * the build is for.
 */
export const knownChains: Record<number, Chain> = Object.fromEntries(
  [anvil, mainnet, sepolia, base, baseSepolia, arbitrum, arbitrumSepolia, optimism, optimismSepolia].map((c) => [
    c.id,
    c,
  ]),
);
