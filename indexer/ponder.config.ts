// Ponder follows one chain: the factory's MetaPoolCreated finds every MetaPool (EIP-1167 clones), and each
// MetaPool's CoverEpochOpened finds its cover tokens. ABIs come from abis/index.ts (generated from the forge build).
import { createConfig, factory, mergeAbis } from "ponder";
import { getAbiItem } from "viem";

import { coverTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "./abis";
import { indexerTarget, LOCAL_CHAIN_ID } from "./deployment";

const target = indexerTarget();
// Anvil (or a fork on this machine): blocks are not final and a restarted node reuses their numbers, so nothing is
// cached between runs, and blocks are polled often.
const local = target.chainId === LOCAL_CHAIN_ID || /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(target.rpcUrl);

/** A clone answers both facets; events are declared in both, so merge them once. */
export const metaPoolCloneAbi = mergeAbis([metaPoolAbi, metaPoolExtensionAbi]);

export default createConfig({
  // PGlite (embedded, in .ponder/) unless DATABASE_URL names a PostgreSQL database.
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.CANOPY_PGLITE_DIR },
  chains: {
    chain: {
      id: target.chainId,
      rpc: target.rpcUrl,
      pollingInterval: Number(process.env.CANOPY_POLLING_MS ?? (local ? 250 : 1_000)),
      disableCache: local,
    },
  },
  contracts: {
    MetaPoolFactory: {
      chain: "chain",
      abi: metaPoolFactoryAbi,
      address: target.factory,
      startBlock: target.startBlock,
    },
    MetaPool: {
      chain: "chain",
      abi: metaPoolCloneAbi,
      address: factory({
        address: target.factory,
        event: getAbiItem({ abi: metaPoolFactoryAbi, name: "MetaPoolCreated" }),
        parameter: "metaPool",
      }),
      startBlock: target.startBlock,
    },
    // Any contract can emit a CoverEpochOpened; the handlers keep only tokens a known MetaPool opened.
    CoverToken: {
      chain: "chain",
      abi: coverTokenAbi,
      address: factory({
        event: getAbiItem({ abi: metaPoolAbi, name: "CoverEpochOpened" }),
        parameter: "token",
      }),
      startBlock: target.startBlock,
    },
  },
});
