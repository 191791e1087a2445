"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { appChain } from "@/lib/chain";
import { deriveClaims, deriveSeries, fetchMetaPoolLogs, type ClaimRecord, type MetaPoolLog, type MetaPoolSeries } from "@/lib/history";
import type { FundingCurve } from "@/lib/protocol";
import { queryKeys } from "@/lib/queryKeys";

export interface MetaPoolHistory {
  logs: MetaPoolLog[];
  /** Last block read. */
  toBlock: bigint;
  claims: ClaimRecord[];
  /** Undefined until the curve is known. */
  series: MetaPoolSeries | undefined;
}

interface FetchedLogs {
  logs: MetaPoolLog[];
  toBlock: bigint;
}

export function metaPoolHistoryKey(metaPool: Address) {
  return [...queryKeys.metaPool(metaPool), "history"] as const;
}

/**
 * A MetaPool's past from its events: capital, cover, utilisation and rate over time, and every
 * claim. Sits under the MetaPool's query key, so a transaction that invalidates the MetaPool
 * refreshes it too; the log cache makes that refresh read only the new blocks.
 * `fromBlock` is where the scan starts (the deployment's `startBlock`).
 */
export function useMetaPoolHistory(metaPool: Address | undefined, curve: FundingCurve | undefined, fromBlock: bigint = 0n) {
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

  return useQuery({
    queryKey: metaPool ? metaPoolHistoryKey(metaPool) : ["canopy", "metaPool", "none", "history"],
    enabled: Boolean(metaPool && client),
    queryFn: async (): Promise<FetchedLogs> => {
      if (!metaPool || !client) throw new Error("No MetaPool or no client");
      const toBlock = await client.getBlockNumber({ cacheTime: 0 });
      const logs = await fetchMetaPoolLogs(client, metaPool, fromBlock, toBlock);
      return { logs, toBlock };
    },
    select,
  });
}
