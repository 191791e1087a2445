// Which chain and factory the indexer follows. Defaults: the app's chain (NEXT_PUBLIC_CHAIN_ID, NEXT_PUBLIC_RPC_URL,
// else Anvil on 127.0.0.1:8545) and the factory and start block in lib/deployments/<chainId>.json.
// CANOPY_CHAIN_ID, CANOPY_RPC_URL, CANOPY_FACTORY and CANOPY_START_BLOCK override them (tests, other chains).
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
  const factory = env.CANOPY_FACTORY ?? deployment.metaPoolFactory;
  if (!factory) throw new Error(`no factory address: set CANOPY_FACTORY or deploy to chain ${chainId} (${file})`);
  const startBlock = Number(env.CANOPY_START_BLOCK ?? deployment.startBlock ?? 0);
  return { chainId, rpcUrl, factory: getAddress(factory), startBlock };
}
