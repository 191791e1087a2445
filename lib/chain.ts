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
 * The chains Canopy is configured for, as viem defines them (names, explorers, and each one's Multicall3, through
 * which lib/reads/transport.ts batches reads). Any other id gets a bare definition without Multicall3.
 */
export const knownChains: Record<number, Chain> = Object.fromEntries(
  [anvil, mainnet, sepolia, base, baseSepolia, arbitrum, arbitrumSepolia, optimism, optimismSepolia].map((c) => [
    c.id,
    c,
  ]),
);

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
  const known = knownChains[id];
  if (known) return withRpc(known, rpcUrl);
  return defineChain({
    id,
    name: `Chain ${id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** NEXT_PUBLIC_RPC_URL, else the chain's public RPC in viem's definition (rate-limited), else the local node. */
export function rpcUrlFor(id: number, configured: string | undefined): string {
  if (configured) return configured;
  if (id === anvil.id) return LOCAL_RPC_URL;
  return knownChains[id]?.rpcUrls.default.http[0] ?? LOCAL_RPC_URL;
}

// Literal `process.env.NEXT_PUBLIC_*` reads so Next inlines them into the client bundle.
const appChainId = parseChainId(process.env.NEXT_PUBLIC_CHAIN_ID);
export const rpcUrl: string = rpcUrlFor(appChainId, process.env.NEXT_PUBLIC_RPC_URL);
export const appChain: Chain = chainFor(appChainId, rpcUrl);
export const isLocalChain: boolean = appChain.id === anvil.id;

// Names of other networks a wallet may be on (the app's chains above name themselves).
const otherNetworks: Record<number, string> = {
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
  const name = knownChains[id]?.name ?? otherNetworks[id];
  return name ? `${name} (chain ${id})` : `chain ${id}`;
}
