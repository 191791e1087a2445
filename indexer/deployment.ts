// Which chain and factory the indexer follows. Defaults: the app's chain (NEXT_PUBLIC_CHAIN_ID, NEXT_PUBLIC_RPC_URL,
// else Anvil on 127.0.0.1:8545) and the factory and start block in lib/deployments/<chainId>.json.
// CANOPY_CHAIN_ID, CANOPY_RPC_URL, CANOPY_FACTORY and CANOPY_START_BLOCK override them (tests, other chains), then the
// app's own overrides NEXT_PUBLIC_FACTORY_ADDRESS and NEXT_PUBLIC_FACTORY_START_BLOCK (lib/deployment.ts): one
// environment points both at a deployment kept outside the registry (a fork's, scripts/dev.mjs).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { getAddress, type Address } from "viem";

export interface IndexerTarget {
  chainId: number;
  rpcUrl: string;
  factory: Address;
  startBlock: number;
}

/** Anvil's chain id. */
export const LOCAL_CHAIN_ID = 31_337;

const deploymentsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "lib", "deployments");

export function indexerTarget(env: NodeJS.ProcessEnv = process.env): IndexerTarget {
  const chainId = Number(env.CANOPY_CHAIN_ID ?? env.NEXT_PUBLIC_CHAIN_ID ?? LOCAL_CHAIN_ID);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`invalid chain id "${chainId}"`);
  const rpcUrl = env.CANOPY_RPC_URL ?? env.NEXT_PUBLIC_RPC_URL ?? "http://127.0.0.1:8545";
  const file = join(deploymentsDir, `${chainId}.json`);
  const deployment: { metaPoolFactory?: string; startBlock?: number } = existsSync(file)
    ? JSON.parse(readFileSync(file, "utf8"))
    : {};
  const factory = env.CANOPY_FACTORY ?? env.NEXT_PUBLIC_FACTORY_ADDRESS ?? deployment.metaPoolFactory;
  if (!factory) throw new Error(`no factory address: set CANOPY_FACTORY or deploy to chain ${chainId} (${file})`);
  // A factory from the environment without a start block is scanned from block 0, as in lib/deployments/registry.ts.
  const sameFactory = factory.toLowerCase() === deployment.metaPoolFactory?.toLowerCase();
  const startBlock = Number(
    env.CANOPY_START_BLOCK ?? env.NEXT_PUBLIC_FACTORY_START_BLOCK ?? (sameFactory ? deployment.startBlock : 0) ?? 0,
  );
  return { chainId, rpcUrl, factory: getAddress(factory), startBlock };
}
