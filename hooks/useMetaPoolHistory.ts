"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { indexedClaimsQuery, indexedHistoryQuery } from "@/hooks/indexerQueries";
import { metaPoolHistoryQuery, type FetchedLogs } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { appChain } from "@/lib/chain";
import { deriveClaims, deriveSeries, type ClaimRecord, type MetaPoolSeries } from "@/lib/history";
import { seriesFromSnapshots } from "@/lib/indexer/history";
import type { FundingCurve } from "@/lib/protocol";
import { lastFetchFailed } from "@/lib/queryState";

export interface MetaPoolHistory {
  claims: ClaimRecord[];
  /** Undefined until the curve is known. */
  series: MetaPoolSeries | undefined;
}

/** A read of the MetaPool's past, from whichever source: what the components use of a query, narrowed as one. */
export type PastRead<T> = { refetch: () => Promise<unknown> } & (
  | { isPending: true; isError: false; data: undefined; error: null }
  | { isPending: false; isError: true; data: T | undefined; error: Error }
  | { isPending: false; isError: false; data: T; error: null }
);

export { metaPoolHistoryKey } from "@/hooks/queries";

/**
 * Where the MetaPool's past comes from: the indexer (its snapshots and claim rows, one request each however long
 * the past) while it is usable and neither of its last answers for this MetaPool failed; else the MetaPool's
 * whole log from the chain. Every reader of the past asks this, so a page uses one source.
 */
export function usePastSource(metaPool: Address | undefined) {
  const { listsFrom } = useIndexerStatus();
  const snapshots = useQuery(indexedHistoryQuery(listsFrom, metaPool));
  const claims = useQuery(indexedClaimsQuery(listsFrom, metaPool));
  const fromIndexer = listsFrom !== null && !lastFetchFailed(snapshots) && !lastFetchFailed(claims);
  return { base: listsFrom, fromIndexer, snapshots, claims };
}

/**
 * The MetaPool's events from `fromBlock` (the deployment's start), read only while `enabled` (the indexer is not
 * used), through `select` (a stable function). Sits under the MetaPool's query key, so a transaction that
 * invalidates the MetaPool refreshes it too; the log cache makes each refresh read only the new blocks.
 */
export function useMetaPoolLogs<T>(
  metaPool: Address | undefined,
  fromBlock: bigint,
  enabled: boolean,
  select: (fetched: FetchedLogs) => T,
) {
  const client = useClient({ chainId: appChain.id });
  return useQuery({ ...metaPoolHistoryQuery(enabled ? client : undefined, metaPool, fromBlock), select });
}

/**
 * A MetaPool's past: capital, cover, utilisation and rate over time, and every claim. With the indexer, from its
 * snapshots and claim rows (the log is not read); without it, or when its last answer failed, replayed from the
 * MetaPool's events. `fromBlock` is where a log scan starts (the deployment's `startBlock`).
 */
export function useMetaPoolHistory(
  metaPool: Address | undefined,
  curve: FundingCurve | undefined,
  fromBlock: bigint = 0n,
): PastRead<MetaPoolHistory> {
  const past = usePastSource(metaPool);

  // A curve rebuilt on every render must not rerun the derivation: it is keyed by its numbers.
  const { baseRate, slope1, kink, slope2 } = curve ?? {};
  const stableCurve = useMemo(
    () =>
      baseRate !== undefined && slope1 !== undefined && kink !== undefined && slope2 !== undefined
        ? { baseRate, slope1, kink, slope2 }
        : undefined,
    [baseRate, slope1, kink, slope2],
  );

  // The logs are the query; the series depend on the curve and are derived without a refetch.
  const select = useCallback(
    ({ logs }: FetchedLogs): MetaPoolHistory => ({
      claims: deriveClaims(logs),
      series: stableCurve ? deriveSeries(logs, { curve: stableCurve }) : undefined,
    }),
    [stableCurve],
  );
  const logs = useMetaPoolLogs(metaPool, fromBlock, !past.fromIndexer, select);

  const snapshots = past.snapshots.data;
  const claims = past.claims.data;
  const indexed = useMemo(
    (): MetaPoolHistory | undefined =>
      snapshots && claims
        ? { claims, series: stableCurve ? seriesFromSnapshots(snapshots, stableCurve) : undefined }
        : undefined,
    [snapshots, claims, stableCurve],
  );

  if (!past.fromIndexer) {
    const refetch = () => logs.refetch();
    if (logs.isPending) return { isPending: true, isError: false, data: undefined, error: null, refetch };
    if (logs.isError) return { isPending: false, isError: true, data: logs.data, error: logs.error, refetch };
    return { isPending: false, isError: false, data: logs.data, error: null, refetch };
  }
  // A failed answer switches to the logs above, so the indexer's read is never in error here.
  const refetch = () => Promise.all([past.snapshots.refetch(), past.claims.refetch()]);
  if (indexed === undefined) return { isPending: true, isError: false, data: undefined, error: null, refetch };
  return { isPending: false, isError: false, data: indexed, error: null, refetch };
}
