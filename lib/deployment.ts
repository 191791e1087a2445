import type { Address } from "viem";

import { appChain } from "@/lib/chain";
import local from "@/lib/deployments/31337.json";

export interface Deployment {
  chainId: number;
  metaPoolFactory: Address;
  /** Block the factory was deployed in: event scans start here. */
  startBlock: bigint;
  /** Faucet tokens, on local chains only. */
  demoTokens: readonly Address[];
}

const deployments: Record<number, Deployment> = {
  31337: {
    chainId: 31337,
    metaPoolFactory: local.metaPoolFactory as Address,
    startBlock: BigInt(local.startBlock),
    demoTokens: [local.demoUsd as Address, local.demoDai as Address, local.demoUsdt as Address],
  },
};

// Another chain (or a fork with moved addresses) is configured without a rebuild of the ABIs.
const factoryOverride = process.env.NEXT_PUBLIC_FACTORY_ADDRESS as Address | undefined;
const startBlockOverride = process.env.NEXT_PUBLIC_FACTORY_START_BLOCK;

function deploymentFor(chainId: number): Deployment | null {
  const known = deployments[chainId];
  if (!factoryOverride) return known ?? null;
  return {
    chainId,
    metaPoolFactory: factoryOverride,
    startBlock: startBlockOverride ? BigInt(startBlockOverride) : (known?.startBlock ?? 0n),
    demoTokens: known?.demoTokens ?? [],
  };
}

/** Where Canopy lives on the app's chain, or null when it is not deployed there. */
export const deployment: Deployment | null = deploymentFor(appChain.id);
