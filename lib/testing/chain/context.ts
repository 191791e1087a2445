/** What the chain suites' globalSetup provides (`inject('chain')`). */
import type { Address } from "viem";

export interface ChainDeployment {
  chainId: number;
  startBlock: number;
  metaPoolFactory: Address;
  metaPoolImplementation: Address;
  metaPoolExtension: Address;
  coverTokenImplementation: Address;
  demoUsd: Address;
  demoDai: Address;
}

export interface ChainTestContext {
  rpcUrl: string;
  deployment: ChainDeployment;
}

declare module "vitest" {
  export interface ProvidedContext {
    chain: ChainTestContext;
  }
}
