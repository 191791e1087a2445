import type { MetaPoolLog } from "@/lib/history/events";
import type { HistoryPoint, MetaPoolSeries } from "@/lib/history/series";
import { fundingRate, payout, saturatingSub, utilisation, WAD, type FundingCurve } from "@/lib/protocol";

import { coverCostRate } from "./cost";

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

/** When `account`'s latest purchase in `poolId` (epoch `epoch`) became cover, in unix seconds; undefined if none. */
export function coverStartedAt(
  logs: readonly MetaPoolLog[],
  account: string,
  poolId: number,
  epoch: number,
): number | undefined {
  const mine = new Set<bigint>();
  let at: number | undefined;
  for (const log of logs) {
    if (log.eventName === "ProtectionBought" && log.args.receiver.toLowerCase() === account.toLowerCase())
      mine.add(log.args.purchaseId);
    if (
      log.eventName === "PurchaseMatured" &&
      mine.has(log.args.purchaseId) &&
      log.args.poolId === poolId &&
      Number(log.args.epoch) === epoch &&
      log.args.tokens > 0n
    ) {
      // The block's time, not maturedAt: by then the replayed series holds everything the block changed.
      at = Number(log.timestamp);
    }
  }
  return at;
}

export type RepricingReason =
  | { kind: "claim"; poolId: number; amount: bigint }
  | { kind: "deposits"; amount: bigint }
  | { kind: "withdrawals"; amount: bigint }
  | { kind: "cover"; amount: bigint };

/** What moved the price since `since`: valid claims on other pools, deposits, withdrawals and exits, new cover in this pool. */
export function repricingReasons(logs: readonly MetaPoolLog[], since: number, poolId: number): RepricingReason[] {
  const reasons: RepricingReason[] = [];
  let deposits = 0n;
  let withdrawals = 0n;
  let cover = 0n;
  for (const log of logs) {
    if (Number(log.timestamp) <= since) continue;
    if (log.eventName === "ClaimResolved" && log.args.valid && log.args.poolId !== poolId)
      reasons.push({ kind: "claim", poolId: log.args.poolId, amount: log.args.payout });
    else if (log.eventName === "Deposited") deposits += log.args.assets;
    else if (log.eventName === "WithdrawalCompleted" || log.eventName === "Exited") withdrawals += log.args.assets;
    else if (log.eventName === "PurchaseMatured" && log.args.poolId === poolId) cover += log.args.accepted;
  }
  if (deposits > 0n) reasons.push({ kind: "deposits", amount: deposits });
  if (withdrawals > 0n) reasons.push({ kind: "withdrawals", amount: withdrawals });
  if (cover > 0n) reasons.push({ kind: "cover", amount: cover });
  return reasons;
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
  if (since === undefined || costNow === null) return null;
  const costThen = coverCostAt(series, holding.poolId, since, params.curve, params.payoutMultiple);
  if (costThen === null || costThen === 0n || costNow <= costThen * REPRICING_FACTOR) return null;
  return {
    since,
    costThen,
    costNow,
    factor: (costNow * WAD) / costThen,
    reasons: repricingReasons(logs, since, holding.poolId),
  };
}
