import type { Address } from "viem";

// Relative imports: the indexer's test holds these mappings against the chain's events.
import type { SharePricePoint } from "../economics/sharePrice";
import { pushStep, type MetaPoolSeries } from "../history/series";
import { fundingRate, saturatingSub, utilisation, type FundingCurve } from "../protocol";
import { asArray, asRecord, getIndexerJson, toBigInt, toNumber } from "./http";

/** The MetaPool after one event that changed it (indexer/src/api/history.ts). */
export interface HistorySnapshot {
  t: number;
  kind: string;
  capital: bigint;
  /** The share supply after it. */
  supply: bigint;
  /** K of each coverage pool. */
  active: bigint[];
}

export function parseHistory(json: unknown): HistorySnapshot[] {
  return asArray(asRecord(json, "history").points, "history points").map((raw) => {
    const p = asRecord(raw, "history point");
    return {
      t: toNumber(p.t, "time"),
      kind: typeof p.kind === "string" ? p.kind : "",
      capital: toBigInt(p.capital, "capital"),
      supply: toBigInt(p.supply, "share supply"),
      active: asArray(p.active, "pool cover").map((k) => toBigInt(k, "pool cover")),
    };
  });
}

export async function fetchHistory(base: string, metaPool: Address, signal?: AbortSignal): Promise<HistorySnapshot[]> {
  const json = await getIndexerJson(base, `/canopy/metapool/${metaPool.toLowerCase()}/history`, {}, signal);
  return parseHistory(json);
}

/**
 * The charts' series from the indexer's snapshots: capital and each pool's K as indexed, and from them free
 * capital (C − Σ K, clamped at 0), utilisation and the curve's rate (0 after shutdown), computed as the log replay
 * computes them (lib/history `deriveSeries`), so either source draws the same lines.
 */
export function seriesFromSnapshots(points: readonly HistorySnapshot[], curve: FundingCurve): MetaPoolSeries {
  const n = points.reduce((max, p) => Math.max(max, p.active.length), 0);
  const out: MetaPoolSeries = {
    capital: [],
    freeCapital: [],
    pools: Array.from({ length: n }, () => ({ active: [], utilisation: [], rate: [] })),
  };
  let shutDown = false;
  let now = 0;
  let before = { capital: 0n, active: Array.from({ length: n }, () => 0n) };
  for (const point of points) {
    const active = Array.from({ length: n }, (_, i) => point.active[i] ?? 0n);
    const changed = point.capital !== before.capital || active.some((k, i) => k !== before.active[i]);
    // As the replay, only what moves C or a K (or ends the rates) is a step: a purchase or a new cover epoch is
    // not, and must not move the clock past a maturity recorded after it at its own earlier time.
    if (!changed && point.kind !== "MetaPoolShutDown") continue;
    before = { capital: point.capital, active };
    if (point.kind === "MetaPoolShutDown") shutDown = true;
    now = Math.max(now, point.t);
    const free = saturatingSub(
      point.capital,
      active.reduce((sum, k) => sum + k, 0n),
    );
    pushStep(out.capital, now, point.capital);
    pushStep(out.freeCapital, now, free);
    active.forEach((k, i) => {
      const u = utilisation(k, free);
      const pool = out.pools[i]!;
      pushStep(pool.active, now, k);
      pushStep(pool.utilisation, now, u);
      pushStep(pool.rate, now, shutDown ? 0n : fundingRate(curve, u));
    });
  }
  return out;
}

/** The events whose snapshot moves the share price, as lib/economics `sharePriceHistory` reads them from the logs. */
const SHARE_PRICE_EVENTS = new Set([
  "Deposited",
  "Synced",
  "WithdrawalCompleted",
  "Exited",
  "ClaimResolved",
  "ShareEpochClosed",
  "WithdrawalCancelled",
]);

/**
 * The share price over time from the snapshots, point for point as `sharePriceHistory` replays the logs: capital
 * and supply after each event that carries them (a cancel only burns shares, so capital stays what the last such
 * event said), a new share epoch at each close, and one point per second (the last).
 */
export function sharePricesFromSnapshots(points: readonly HistorySnapshot[]): SharePricePoint[] {
  const out: SharePricePoint[] = [];
  let capital = 0n;
  let shareEpoch = 0;
  let now = 0;
  for (const p of points) {
    if (!SHARE_PRICE_EVENTS.has(p.kind)) continue;
    if (p.kind !== "WithdrawalCancelled") capital = p.capital;
    if (p.kind === "ShareEpochClosed") shareEpoch += 1;
    now = Math.max(now, p.t);
    const point = { t: now, capital, supply: p.supply, shareEpoch };
    if (out.at(-1)?.t === now) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}
