import { appChain } from "@/lib/chain";
import { deploymentFiles } from "@/lib/deployments";
import { resolveDeployment, type Deployment } from "@/lib/deployments/registry";

export type { Deployment };

// Literal `process.env.NEXT_PUBLIC_*` reads so Next inlines them into the client bundle. They move the app's chain's
// deployment (a fork, a chain deployed outside this repository) without a new lib/deployments file.
const overrides = {
  factory: process.env.NEXT_PUBLIC_FACTORY_ADDRESS,
  startBlock: process.env.NEXT_PUBLIC_FACTORY_START_BLOCK,
};

/**
 * Where Canopy lives on `chainId`, or null when it is not deployed there: lib/deployments/<chainId>.json, with the
 * environment's overrides on the app's chain. The app, the reads and the e2e fixtures all ask here.
 */
export function deploymentFor(chainId: number): Deployment | null {
  return resolveDeployment(chainId, deploymentFiles, chainId === appChain.id ? overrides : {});
}

/** Where Canopy lives on the app's chain, or null when it is not deployed there. */
export const deployment: Deployment | null = deploymentFor(appChain.id);
