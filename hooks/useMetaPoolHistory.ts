"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { indexedHistoryQuery } from "@/hooks/indexerQueries";
import { metaPoolHistoryQuery, type FetchedLogs } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { appChain } from "@/lib/chain";
import { deriveClaims, deriveSeries, type ClaimRecord, type MetaPoolLog, type MetaPoolSeries } from "@/lib/history";
import { seriesFromSnapshots } from "@/lib/indexer";
import type { FundingCurve } from "@/lib/protocol";
import { lastFetchFailed } from "@/lib/queryState";

export interface MetaPoolHistory {
  logs: MetaPoolLog[];
  /** Last block read. */
  toBlock: bigint;
  claims: ClaimRecord[];
  /** Undefined until the curve is known. */
  series: MetaPoolSeries | undefined;
}

export { metaPoolHistoryKey } from "@/hooks/queries";

/**
 * A MetaPool's past from its events: capital, cover, utilisation and rate over time, and every
 * claim. Sits under the MetaPool's query key, so a transaction that invalidates the MetaPool
 * refreshes it too, and re-read on the history's refresh policy (hooks/queries), so a claim filed
 * by someone else shows without a focus event; the log cache makes each refresh read only the new blocks.
 * `fromBlock` is where the scan starts (the deployment's `startBlock`).
 *
 * With the indexer, the charts' series come from its snapshots (one request, however long the past) and the log
 * replay is not run for them; the logs are still read for claims, repricing and share prices (their readers need
 * the events themselves). If the indexer fails, the series falls back to the replay.
 */
export function useMetaPoolHistory(
  metaPool: Address | undefined,
  curve: FundingCurve | undefined,
  fromBlock: bigint = 0n,
) {
  const client = usePublicClient({ chainId: appChain.id });
  const { listsFrom } = useIndexerStatus();
  const indexed = useQuery(indexedHistoryQuery(listsFrom, metaPool));
  const snapshots = listsFrom !== null && !lastFetchFailed(indexed) ? indexed.data : undefined;

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
    ({ logs, toBlock }: FetchedLogs): MetaPoolHistory => ({
      logs,
      toBlock,
      claims: deriveClaims(logs),
      series: !stableCurve
        ? undefined
        : snapshots
          ? seriesFromSnapshots(snapshots, stableCurve)
          : deriveSeries(logs, { curve: stableCurve }),
    }),
    [stableCurve, snapshots],
  );

  return useQuery({ ...metaPoolHistoryQuery(client, metaPool, fromBlock), select });
}
