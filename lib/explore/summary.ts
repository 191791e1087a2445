import type { Address } from "viem";

import type { ExploreRow, MetaPoolStatus } from "./rows";

export interface AssetTotals {
  asset: Address;
  decimals: number;
  /** Capital of the MetaPools still underwriting (not shut down). */
  capital: bigint;
  /** Cover in force: Σ K of the MetaPools not shut down (a shutdown ends cover). */
  active: bigint;
  pending: bigint;
  metaPools: number;
}

export interface ExploreSummary {
  metaPools: number;
  byStatus: Record<MetaPoolStatus, number>;
  coveragePools: number;
  /** One line per asset, in order of first appearance in the factory. Amounts in different assets never add. */
  perAsset: AssetTotals[];
}

export function summarise(
  rows: readonly Pick<ExploreRow, "asset" | "decimals" | "capital" | "active" | "pending" | "status" | "poolNames">[],
): ExploreSummary {
  const byStatus: Record<MetaPoolStatus, number> = { active: 0, claimPending: 0, shutDown: 0 };
  const perAsset = new Map<string, AssetTotals>();
  let coveragePools = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    const key = row.asset.toLowerCase();
    const totals = perAsset.get(key) ?? {
      asset: key as Address,
      decimals: row.decimals,
      capital: 0n,
      active: 0n,
      pending: 0n,
      metaPools: 0,
    };
    totals.metaPools++;
    if (row.status !== "shutDown") {
      totals.capital += row.capital;
      totals.active += row.active;
      totals.pending += row.pending;
      coveragePools += row.poolNames.length;
    }
    perAsset.set(key, totals);
  }
  return { metaPools: rows.length, byStatus, coveragePools, perAsset: [...perAsset.values()] };
}

/** Every asset that appears in the list, once, in order of first appearance (the asset filter's options). */
export function assetsOf(rows: readonly Pick<ExploreRow, "asset">[]): Address[] {
  return [...new Set(rows.map((r) => r.asset.toLowerCase() as Address))];
}
