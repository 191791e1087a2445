import type { Address } from "viem";

import { asRecord, getIndexerJson, IndexerError, toBigInt } from "./http";

/**
 * The block in which the factory created `metaPool`, as the indexer saw it (`/canopy/metapool/:address/creation`);
 * null when the indexer has not indexed it (404). Only a hint: the creation texts are still read from the chain.
 */
export async function fetchCreationBlock(
  base: string,
  metaPool: Address,
  signal?: AbortSignal,
): Promise<bigint | null> {
  try {
    const json = await getIndexerJson(base, `/canopy/metapool/${metaPool.toLowerCase()}/creation`, {}, signal);
    return toBigInt(asRecord(json, "creation").createdBlock, "creation block");
  } catch (error) {
    if (error instanceof IndexerError && error.status === 404) return null;
    throw error;
  }
}
