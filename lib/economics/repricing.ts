import type { MetaPoolLog } from "@/lib/history/events";
import type { HistoryPoint, MetaPoolSeries } from "@/lib/history/series";
import { fundingRate, payout, saturatingSub, utilisation, WAD, type FundingCurve } from "@/lib/protocol";

import { coverCostRate } from "./cost";
import { coverStartedAt, repricingReasons, type RepricingReason } from "./repricingEvents";

export { coverStartedAt, repricingReasons, type RepricingReason } from "./repricingEvents";

/**
 * Repricing: cover's cost changes with other people's actions (SPEC §6). A valid claim elsewhere empties free
 * capital and drives every other pool's utilisation up; in an uncapped MetaPool a deposit widens the payout the
 * premium is charged on. Cover whose yearly cost (as a share of the cover) rose more than 2× since it became
 * cover is flagged, with the events since then that moved it.
 */

/** The alert's threshold: cost now > 2 × cost then. */
export const REPRICING_FACTOR = 2n;

function valueAt(series: readonly HistoryPoint[], t: number): bigint | undefined {
  let value: bigint | undefined;
  for (const p of series) {
    if (p.t > t) break;
    value = p.y;
  }
  return value;
}

/**
 * The pool's cover cost rate (WAD a year of the cover: r(u) × P / K) at time `t`, from the replayed series;
 * null when the pool had no cover then.
 */
export function coverCostAt(
  series: MetaPoolSeries,
  poolId: number,
  t: number,
  curve: FundingCurve,
  payoutMultiple: bigint,
): bigint | null {
  const capital = valueAt(series.capital, t);
  const active = series.pools.map((p) => valueAt(p.active, t) ?? 0n);
  const k = active[poolId] ?? 0n;
  if (capital === undefined || k === 0n) return null;
  const free = saturatingSub(
    capital,
    active.reduce((a, b) => a + b, 0n),
  );
  const rate = fundingRate(curve, utilisation(k, free));
  return coverCostRate(rate * payout(k, free, payoutMultiple), k);
}

export interface Repricing {
  /** When the cover started (its latest purchase's maturity). */
  since: number;
  costThen: bigint;
  costNow: bigint;
  /** costNow / costThen, WAD. */
  factor: bigint;
  reasons: RepricingReason[];
}

/** The alert for one holding, or null when its cost has not more than doubled (or nothing is known). */
export function repricing(
  logs: readonly MetaPoolLog[],
  series: MetaPoolSeries,
  holding: { account: string; poolId: number; epoch: number },
  params: { curve: FundingCurve; payoutMultiple: bigint },
  costNow: bigint | null,
): Repricing | null {
  const since = coverStartedAt(logs, holding.account, holding.poolId, holding.epoch);
  return repricingSince(since, series, holding.poolId, params, costNow, (from) =>
    repricingReasons(logs, from, holding.poolId),
  );
}

/**
 * The alert for cover in `poolId` that started at `since` (from the logs, or the indexer's answer), with the reasons
 * `reasonsSince` gives; null when its cost has not more than doubled (or nothing is known).
 */
export function repricingSince(
  since: number | undefined,
  series: MetaPoolSeries,
  poolId: number,
  params: { curve: FundingCurve; payoutMultiple: bigint },
  costNow: bigint | null,
  reasonsSince: (since: number) => RepricingReason[],
): Repricing | null {
  if (since === undefined || costNow === null) return null;
  const costThen = coverCostAt(series, poolId, since, params.curve, params.payoutMultiple);
  if (costThen === null || costThen === 0n || costNow <= costThen * REPRICING_FACTOR) return null;
  return { since, costThen, costNow, factor: (costNow * WAD) / costThen, reasons: reasonsSince(since) };
}
