import { defineChain, type Chain } from "viem";
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

// The app runs against exactly one chain, chosen at build time by the environment.
const DEFAULT_CHAIN_ID = 31337;
const LOCAL_RPC_URL = "http://127.0.0.1:8545";

/**
 * The configured chain as viem defines it (name, explorer, its Multicall3, through which lib/reads/transport.ts
 * batches reads), if Canopy is configured for it (lib/chains.ts lists them); any other id gets a bare definition
 * without Multicall3. Each test reads the literal `process.env.NEXT_PUBLIC_CHAIN_ID`: Next inlines it (next.config.ts
 * writes it as a plain integer, 31337 by default), webpack folds the comparisons, and the bundle carries this one
 * chain's definition, not all nine (Base's and Optimism's bring the OP-stack formatters).
 */
const configuredChain: Chain | undefined =
  !process.env.NEXT_PUBLIC_CHAIN_ID || process.env.NEXT_PUBLIC_CHAIN_ID === "31337"
    ? anvil
    : process.env.NEXT_PUBLIC_CHAIN_ID === "1"
      ? mainnet
      : process.env.NEXT_PUBLIC_CHAIN_ID === "11155111"
        ? sepolia
        : process.env.NEXT_PUBLIC_CHAIN_ID === "8453"
          ? base
          : process.env.NEXT_PUBLIC_CHAIN_ID === "84532"
            ? baseSepolia
            : process.env.NEXT_PUBLIC_CHAIN_ID === "42161"
              ? arbitrum
              : process.env.NEXT_PUBLIC_CHAIN_ID === "421614"
                ? arbitrumSepolia
                : process.env.NEXT_PUBLIC_CHAIN_ID === "10"
                  ? optimism
                  : process.env.NEXT_PUBLIC_CHAIN_ID === "11155420"
                    ? optimismSepolia
                    : undefined;

function parseChainId(raw: string | undefined): number {
  if (!raw) return DEFAULT_CHAIN_ID;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new Error(`NEXT_PUBLIC_CHAIN_ID must be a positive integer, got "${raw}"`);
  }
  return id;
}

function withRpc(chain: Chain, rpcUrl: string): Chain {
  return { ...chain, rpcUrls: { default: { http: [rpcUrl] } } };
}

function chainFor(id: number, rpcUrl: string): Chain {
  const known = configuredChain?.id === id ? configuredChain : undefined;
  if (known) return withRpc(known, rpcUrl);
  return defineChain({
    id,
    name: `Chain ${id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** NEXT_PUBLIC_RPC_URL, else the chain's public RPC in viem's definition (rate-limited), else the local node. */
function rpcUrlFor(id: number, configured: string | undefined): string {
  if (configured) return configured;
  if (id === anvil.id) return LOCAL_RPC_URL;
  return (configuredChain?.id === id && configuredChain.rpcUrls.default.http[0]) || LOCAL_RPC_URL;
}

// Literal `process.env.NEXT_PUBLIC_*` reads so Next inlines them into the client bundle.
const appChainId = parseChainId(process.env.NEXT_PUBLIC_CHAIN_ID);
export const rpcUrl: string = rpcUrlFor(appChainId, process.env.NEXT_PUBLIC_RPC_URL);
export const appChain: Chain = chainFor(appChainId, rpcUrl);
export const isLocalChain: boolean = appChain.id === anvil.id;

// Names of the networks a wallet may be on: the chains Canopy is configured for (viem's names, which a test holds to
// lib/chains.ts) and a few others.
export const networkNames: Record<number, string> = {
  31337: "Anvil",
  1: "Ethereum",
  11155111: "Sepolia",
  8453: "Base",
  84532: "Base Sepolia",
  42161: "Arbitrum One",
  421614: "Arbitrum Sepolia",
  10: "OP Mainnet",
  11155420: "OP Sepolia",
  56: "BNB Smart Chain",
  100: "Gnosis",
  137: "Polygon",
  324: "zkSync Era",
  5000: "Mantle",
  59144: "Linea",
  81457: "Blast",
  534352: "Scroll",
  17000: "Holesky",
};

/** A wallet's network as people call it ("Ethereum (chain 1)"); the id alone when unknown. */
export function networkName(id: number): string {
  const name = networkNames[id];
  return name ? `${name} (chain ${id})` : `chain ${id}`;
}
