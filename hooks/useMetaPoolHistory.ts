"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { metaPoolHistoryQuery, type FetchedLogs } from "@/hooks/queries";
import { appChain } from "@/lib/chain";
import { deriveClaims, deriveSeries, type ClaimRecord, type MetaPoolLog, type MetaPoolSeries } from "@/lib/history";
import type { FundingCurve } from "@/lib/protocol";

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
 */
export function useMetaPoolHistory(
  metaPool: Address | undefined,
  curve: FundingCurve | undefined,
  fromBlock: bigint = 0n,
) {
  const client = usePublicClient({ chainId: appChain.id });

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
      series: stableCurve ? deriveSeries(logs, { curve: stableCurve }) : undefined,
    }),
    [stableCurve],
  );

  return useQuery({ ...metaPoolHistoryQuery(client, metaPool, fromBlock), select });
}
