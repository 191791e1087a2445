import type { Address } from "viem";

import type { RowEconomics } from "@/lib/economics/explore";
import { utilisation } from "@/lib/protocol";

/** What the explore list needs from a `metaPoolView()`; a `MetaPoolView` fits it. */
export interface ExploreSource {
  metaPool: Address;
  config: {
    asset: Address;
    decimals: number;
    arbiter: Address;
    name: string;
    arbiterFeeBps: number;
    creatorFeeBps: number;
    withdrawalPeriod: number;
    purchaseDelay: number;
  };
  capital: bigint;
  freeCapital: bigint;
  totalActive: bigint;
  totalPending: bigint;
  shutDown: boolean;
  pendingClaims: bigint;
  pools: readonly { name: string; rate: bigint }[];
  /** Yield, the price of cover, the payout cap and "full" (lib/economics `rowEconomics`); absent in tests of the rest. */
  economics?: RowEconomics;
}

export type MetaPoolStatus = "active" | "claimPending" | "shutDown";

export const STATUS_LABEL: Record<MetaPoolStatus, string> = {
  active: "Active",
  claimPending: "Claim pending",
  shutDown: "Shut down",
};

/** One MetaPool as the explore list shows, searches and sorts it. */
export interface ExploreRow {
  address: Address;
  name: string;
  /** Lower-case asset address (the filter's key). */
  asset: Address;
  decimals: number;
  capital: bigint;
  free: bigint;
  active: bigint;
  pending: bigint;
  /** Σ K / (Σ K + F), WAD, rounded up; null once shut down (cover is no longer in force). */
  utilisation: bigint | null;
  /** Lowest and highest current funding rate across the coverage pools (WAD per year); null once shut down. */
  minRate: bigint | null;
  maxRate: bigint | null;
  /** Current APY of the shares (WAD, simple); null without capital or once shut down. */
  apy: bigint | null;
  /** Lowest and highest cost of cover a year as a share of the deposit (WAD), across the pools. */
  minCost: bigint | null;
  maxCost: bigint | null;
  /** Payout cap fixed at creation: 0 = uncapped; null when unknown. */
  payoutCap: number | null;
  /** Free capital below the minimum purchase: shown as "Full" instead of "Active". */
  full: boolean;
  poolNames: readonly string[];
  purchaseDelay: number;
  withdrawalPeriod: number;
  arbiterFeeBps: number;
  creatorFeeBps: number;
  arbiter: Address;
  status: MetaPoolStatus;
  /** Position in the factory's list: the last tie-breaker of every sort. */
  index: number;
}

/** Shutdown wins over a pending claim: a shutdown voids every pending claim (SPEC §8). */
export function metaPoolStatus(view: Pick<ExploreSource, "shutDown" | "pendingClaims">): MetaPoolStatus {
  if (view.shutDown) return "shutDown";
  if (view.pendingClaims > 0n) return "claimPending";
  return "active";
}

/** Lowest and highest of the pools' rates, or null for a MetaPool without pools. */
export function rateRange(rates: readonly bigint[]): { min: bigint; max: bigint } | null {
  if (rates.length === 0) return null;
  let min = rates[0]!;
  let max = rates[0]!;
  for (const r of rates) {
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return { min, max };
}

/**
 * The MetaPool-wide utilisation: SPEC §3's `u = K / (K + F)` with `K = Σ K_j`. Since `F = C − Σ K_j` this is
 * the share of the capital that cover already uses, rounded up like every utilisation.
 */
export function metaPoolUtilisation(totalActive: bigint, freeCapital: bigint): bigint {
  return utilisation(totalActive, freeCapital);
}

export function toExploreRow(view: ExploreSource, index: number): ExploreRow {
  const status = metaPoolStatus(view);
  const live = status !== "shutDown";
  const range = live ? rateRange(view.pools.map((p) => p.rate)) : null;
  return {
    address: view.metaPool,
    name: view.config.name,
    asset: view.config.asset.toLowerCase() as Address,
    decimals: view.config.decimals,
    capital: view.capital,
    free: view.freeCapital,
    active: view.totalActive,
    pending: view.totalPending,
    utilisation: live ? metaPoolUtilisation(view.totalActive, view.freeCapital) : null,
    minRate: range?.min ?? null,
    maxRate: range?.max ?? null,
    apy: view.economics?.apy ?? null,
    minCost: view.economics?.minCost ?? null,
    maxCost: view.economics?.maxCost ?? null,
    payoutCap: view.economics?.payoutCap ?? null,
    full: status === "active" && (view.economics?.full ?? false),
    poolNames: view.pools.map((p) => p.name),
    purchaseDelay: view.config.purchaseDelay,
    withdrawalPeriod: view.config.withdrawalPeriod,
    arbiterFeeBps: view.config.arbiterFeeBps,
    creatorFeeBps: view.config.creatorFeeBps,
    arbiter: view.config.arbiter,
    status,
    index,
  };
}

export function toExploreRows(views: readonly ExploreSource[]): ExploreRow[] {
  return views.map(toExploreRow);
}
