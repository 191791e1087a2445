import {
  fundingRate,
  saturatingSub,
  splitPremium,
  unpackSyncedPool,
  utilisation,
  type FundingCurve,
} from "../protocol";
import { eventTime, type MetaPoolLog } from "./events";

/** A value from time `t` (unix seconds) until the next point: charts draw these as steps. */
export interface HistoryPoint {
  t: number;
  y: bigint;
}

export interface PoolHistory {
  /** K_i, active cover. */
  active: HistoryPoint[];
  /** u_i, WAD. */
  utilisation: HistoryPoint[];
  /** r(u_i), WAD per year; 0 after shutdown. */
  rate: HistoryPoint[];
}

export interface MetaPoolSeries {
  /** C, underwriter capital. */
  capital: HistoryPoint[];
  /** F = C − Σ K_j, clamped at 0. */
  freeCapital: HistoryPoint[];
  pools: PoolHistory[];
}

export interface SeriesOptions {
  curve: FundingCurve;
  /** Number of coverage pools; otherwise read from the events. */
  poolCount?: number;
  /** Lets a claim voided by shutdown credit its charged premium to capital as the contract does. */
  fees?: { arbiterFeeBps: bigint; creatorFeeBps: bigint };
}

/** Appends a step: several changes in one second keep the last; unchanged values add nothing. */
export function pushStep(series: HistoryPoint[], t: number, y: bigint): void {
  const last = series.at(-1);
  if (last && last.t === t) {
    last.y = y;
    const before = series.at(-2);
    if (before && before.y === y) series.pop();
    return;
  }
  if (last && last.y === y) return;
  series.push({ t, y });
}

function poolCountOf(logs: readonly MetaPoolLog[], given: number | undefined): number {
  if (given !== undefined) return given;
  let count = 0;
  for (const log of logs) {
    if (log.eventName === "Synced") count = Math.max(count, log.args.pools.length);
    else if ("poolId" in log.args && typeof log.args.poolId === "number") count = Math.max(count, log.args.poolId + 1);
  }
  return count;
}

/**
 * Capital, free capital and every coverage pool's active cover, utilisation and funding rate
 * over time, replayed from the events (SPEC §3, §6). Utilisation and rate are recomputed with
 * the protocol math from active cover and free capital after each event, as the views would.
 */
export function deriveSeries(logs: readonly MetaPoolLog[], opts: SeriesOptions): MetaPoolSeries {
  const n = poolCountOf(logs, opts.poolCount);
  const active: bigint[] = Array.from({ length: n }, () => 0n);
  const out: MetaPoolSeries = {
    capital: [],
    freeCapital: [],
    pools: Array.from({ length: n }, () => ({ active: [], utilisation: [], rate: [] })),
  };
  let capital = 0n;
  let shutDown = false;
  let now = 0;

  const setActive = (poolId: number, value: bigint) => {
    if (poolId < n) active[poolId] = value;
  };

  for (const log of logs) {
    switch (log.eventName) {
      case "Synced":
        capital = log.args.capital;
        log.args.pools.forEach((word, i) => setActive(i, unpackSyncedPool(word).active));
        break;
      case "Deposited":
      case "WithdrawalCompleted":
      case "Exited":
      case "ShareEpochClosed":
        capital = log.args.capital;
        break;
      case "PurchaseMatured":
      case "ProtectionWithdrawn":
        setActive(log.args.poolId, log.args.poolActive);
        break;
      case "CoverEpochClosed":
        setActive(log.args.poolId, 0n);
        break;
      case "ClaimResolved":
        capital = log.args.capital;
        // A valid ruling closes the epoch; an invalid one charges the claim's premium debt from K.
        setActive(
          log.args.poolId,
          log.args.valid ? 0n : saturatingSub(active[log.args.poolId] ?? 0n, log.args.debtCharged),
        );
        break;
      case "ClaimVoided":
        setActive(log.args.poolId, saturatingSub(active[log.args.poolId] ?? 0n, log.args.debtCharged));
        if (opts.fees)
          capital += splitPremium(log.args.debtCharged, opts.fees.arbiterFeeBps, opts.fees.creatorFeeBps).capital;
        break;
      case "MetaPoolShutDown":
        shutDown = true;
        break;
      default:
        continue;
    }

    // Times never run backwards in the chart even if an event's own time precedes its block.
    now = Math.max(now, Number(eventTime(log)));
    const totalActive = active.reduce((sum, k) => sum + k, 0n);
    const free = saturatingSub(capital, totalActive);
    pushStep(out.capital, now, capital);
    pushStep(out.freeCapital, now, free);
    active.forEach((k, i) => {
      const u = utilisation(k, free);
      const pool = out.pools[i]!;
      pushStep(pool.active, now, k);
      pushStep(pool.utilisation, now, u);
      pushStep(pool.rate, now, shutDown ? 0n : fundingRate(opts.curve, u));
    });
  }
  return out;
}
