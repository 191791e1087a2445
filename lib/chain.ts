import { defineChain, type Chain } from "viem";
import { anvil, arbitrum, base, baseSepolia, mainnet, optimism, sepolia } from "viem/chains";

// The app runs against exactly one chain, chosen at build time by the environment.
const DEFAULT_CHAIN_ID = 31337;
const DEFAULT_RPC_URL = "http://127.0.0.1:8545";

const knownChains: Record<number, Chain> = {
  [anvil.id]: anvil,
  [mainnet.id]: mainnet,
  [sepolia.id]: sepolia,
  [base.id]: base,
  [baseSepolia.id]: baseSepolia,
  [arbitrum.id]: arbitrum,
  [optimism.id]: optimism,
};

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

// Literal `process.env.NEXT_PUBLIC_*` reads so Next inlines them into the client bundle.
export const rpcUrl: string = process.env.NEXT_PUBLIC_RPC_URL || DEFAULT_RPC_URL;
export const appChain: Chain = chainFor(parseChainId(process.env.NEXT_PUBLIC_CHAIN_ID), rpcUrl);
export const isLocalChain: boolean = appChain.id === anvil.id;

// Names of other networks a wallet may be on (the app's chains above name themselves).
const otherNetworks: Record<number, string> = {
  10: "OP Mainnet",
  56: "BNB Smart Chain",
  100: "Gnosis",
  137: "Polygon",
  324: "zkSync Era",
  5000: "Mantle",
  59144: "Linea",
  81457: "Blast",
  534352: "Scroll",
  17000: "Holesky",
  421614: "Arbitrum Sepolia",
  11155420: "OP Sepolia",
};

/** A wallet's network as people call it ("Ethereum (chain 1)"); the id alone when unknown. */
export function networkName(id: number): string {
  const name = knownChains[id]?.name ?? otherNetworks[id];
  return name ? `${name} (chain ${id})` : `chain ${id}`;
}
