// Holders of each coverage pool's open-epoch cover token, from the indexer (indexer/src/api/holders.ts).
import type { Address } from "viem";

import { asArray, asRecord, getIndexerJson, toNumber } from "./http";

/** Per pool id: the token counted (null before its first purchase matured) and its holders. */
export type CoverHolders = Map<number, { token: Address | null; holders: number }>;

export function parseCoverHolders(json: unknown): CoverHolders {
  const pools = asArray(asRecord(json, "holders").pools, "pools").map((raw) => {
    const p = asRecord(raw, "pool");
    const token = typeof p.token === "string" ? (p.token.toLowerCase() as Address) : null;
    return [toNumber(p.poolId, "pool id"), { token, holders: toNumber(p.holders, "holder count") }] as const;
  });
  return new Map(pools);
}

export async function fetchCoverHolders(base: string, metaPool: Address, signal?: AbortSignal): Promise<CoverHolders> {
  const json = await getIndexerJson(base, `/canopy/metapool/${metaPool.toLowerCase()}/holders`, {}, signal);
  return parseCoverHolders(json);
}
