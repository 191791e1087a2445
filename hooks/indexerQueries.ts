/**
 * The indexer's reads (lib/indexer), one `queryOptions` factory each, as hooks/queries.ts does for the chain's.
 * Lists come from the indexer; the figures shown for them are read from the chain (`metaPoolViewsQuery`), so
 * nothing labelled "now" waits for the indexer.
 */
import { keepPreviousData, queryOptions, skipToken } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";

import { metaPoolExtensionAbi } from "@/abis";
import { refresh } from "@/hooks/queries";
import type { ExploreQuery } from "@/lib/explore/query";
import { fetchAccountMetaPools, fetchExplorePage, fetchHistory, fetchIndexerStatus } from "@/lib/indexer";
import { queryKeys } from "@/lib/queryKeys";
import type { MetaPoolView } from "@/lib/types/metaPool";

/** How often the page asks how far the indexer is: the lag line need not move with every block. */
export const STATUS_INTERVAL_MS = 10_000;

export function indexerStatusQuery(base: string | null) {
  return queryOptions({
    queryKey: ["canopy", "indexer", "status", base],
    refetchInterval: STATUS_INTERVAL_MS,
    // One retry: a single dropped request is not "down", a second one is.
    retry: 1,
    queryFn: base ? ({ signal }) => fetchIndexerStatus(base, signal) : skipToken,
  });
}

/** One page of Explore from the indexer: order, count and summary. Under the list's key, so any write refreshes it. */
export function indexedExploreQuery(base: string | null, query: ExploreQuery, size: number, enabled: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "indexer", base, query, size],
    refetchInterval: refresh.live,
    placeholderData: keepPreviousData,
    retry: 1,
    queryFn: base && enabled ? ({ signal }) => fetchExplorePage(base, query, size, signal) : skipToken,
  });
}

/** Every MetaPool `account` touched, from the indexer; under the account's key, so its own writes refresh it. */
export function accountMetaPoolsQuery(base: string | null, account: Address | undefined, enabled: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.account(account ?? "0x"), "metaPools", "indexer", base],
    refetchInterval: refresh.live,
    retry: 1,
    queryFn: base && account && enabled ? ({ signal }) => fetchAccountMetaPools(base, account, signal) : skipToken,
  });
}

/**
 * The live `metaPoolView()` of each of `addresses` (the visible page only), in that order: one batched round trip.
 * Under the list's key, so a write to any MetaPool refreshes the figures.
 */
export function metaPoolViewsQuery(client: PublicClient | undefined, addresses: readonly Address[] | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "views", ...(addresses ?? []).map((a) => a.toLowerCase())],
    refetchInterval: refresh.live,
    placeholderData: keepPreviousData,
    queryFn:
      client && addresses
        ? (): Promise<MetaPoolView[]> =>
            Promise.all(
              addresses.map((address) =>
                client.readContract({ address, abi: metaPoolExtensionAbi, functionName: "metaPoolView" }),
              ),
            )
        : skipToken,
  });
}

/** A MetaPool's snapshots for the history charts, under its key (a write to it refreshes them). */
export function indexedHistoryQuery(base: string | null, metaPool: Address | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool ?? "0x"), "history", "indexer", base],
    refetchInterval: refresh.history,
    retry: 1,
    queryFn: base && metaPool ? ({ signal }) => fetchHistory(base, metaPool, signal) : skipToken,
  });
}
