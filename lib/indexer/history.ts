import type { Address } from "viem";

import { pushStep, type MetaPoolSeries } from "@/lib/history/series";
import { fundingRate, saturatingSub, utilisation, type FundingCurve } from "@/lib/protocol";

import { asArray, asRecord, getIndexerJson, toBigInt, toNumber } from "./http";

/** The MetaPool after one event that changed it (indexer/src/api/history.ts). */
export interface HistorySnapshot {
  t: number;
  kind: string;
  capital: bigint;
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
