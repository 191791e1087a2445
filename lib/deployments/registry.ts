import { getAddress, isAddress, zeroAddress, type Address } from "viem";

/** Where Canopy lives on one chain. */
export interface Deployment {
  chainId: number;
  metaPoolFactory: Address;
  /** Block the factory was deployed in: event scans start here. */
  startBlock: bigint;
  /** Faucet tokens, on local chains only (a fork of a real chain uses the real assets). */
  demoTokens: readonly Address[];
}

/** `lib/deployments/<chainId>.json` as contracts/script/Deploy.s.sol writes it (zero addresses where nothing was deployed). */
export interface DeploymentFile {
  chainId: number;
  metaPoolFactory: string;
  startBlock: number;
  demoUsd?: string;
  demoDai?: string;
  demoUsdt?: string;
}

/** NEXT_PUBLIC_FACTORY_ADDRESS and NEXT_PUBLIC_FACTORY_START_BLOCK, as strings from the environment. */
export interface DeploymentOverrides {
  factory?: string | undefined;
  startBlock?: string | undefined;
}

/** Only Anvil's own chain gets faucet tokens; Deploy.s.sol deploys them nowhere else. */
export const LOCAL_CHAIN_ID = 31_337;

function address(raw: string, what: string): Address {
  if (!isAddress(raw, { strict: false })) throw new Error(`${what} must be a 0x-prefixed 20-byte address, got "${raw}"`);
  return getAddress(raw);
}

function block(raw: string | number, what: string): bigint {
  const text = String(raw).trim();
  if (!/^\d+$/.test(text)) throw new Error(`${what} must be a block number (a whole number ≥ 0), got "${raw}"`);
  return BigInt(text);
}

export function parseDeployment(file: DeploymentFile): Deployment {
  const demo = [file.demoUsd, file.demoDai, file.demoUsdt]
    .filter((t): t is string => typeof t === "string" && t.toLowerCase() !== zeroAddress)
    .map((t) => address(t, `demo token of chain ${file.chainId}`));
  return {
    chainId: file.chainId,
    metaPoolFactory: address(file.metaPoolFactory, `metaPoolFactory of chain ${file.chainId}`),
    startBlock: block(file.startBlock, `startBlock of chain ${file.chainId}`),
    demoTokens: file.chainId === LOCAL_CHAIN_ID ? demo : [],
  };
}

/**
 * The deployment on `chainId`: the committed file, with the environment's factory and start block over it when
 * given (a fork, a chain deployed outside this repository). An override without a start block scans from the
 * file's start block if the factory is the same, else from block 0.
 */
export function resolveDeployment(
  chainId: number,
  files: readonly DeploymentFile[],
  overrides: DeploymentOverrides = {},
): Deployment | null {
  const file = files.find((f) => f.chainId === chainId);
  const known = file ? parseDeployment(file) : null;
  if (!overrides.factory) {
    if (overrides.startBlock && known) {
      return { ...known, startBlock: block(overrides.startBlock, "NEXT_PUBLIC_FACTORY_START_BLOCK") };
    }
    return known;
  }
  const factory = address(overrides.factory, "NEXT_PUBLIC_FACTORY_ADDRESS");
  const sameFactory = known?.metaPoolFactory === factory;
  return {
    chainId,
    metaPoolFactory: factory,
    startBlock: overrides.startBlock
      ? block(overrides.startBlock, "NEXT_PUBLIC_FACTORY_START_BLOCK")
      : sameFactory
        ? known.startBlock
        : 0n,
    demoTokens: sameFactory ? known.demoTokens : [],
  };
}
