/**
 * The indexer's reads (lib/indexer), one `queryOptions` factory each, as hooks/queries.ts does for the chain's.
 * Lists come from the indexer; the figures shown for them are read from the chain (`metaPoolViewsQuery`), so
 * nothing labelled "now" waits for the indexer.
 */
import { keepPreviousData, queryOptions, skipToken } from "@tanstack/react-query";
import type { Address, Client } from "viem";

import { followingBlocks, followingIndexedBlocks, onIndexedBlock, onNewBlock } from "@/hooks/refresh";
import { readMetaPoolView } from "@/lib/abi/metaPoolView";
import type { ExploreQuery } from "@/lib/explore/query";
import { fetchArbiterMetaPools, fetchExplorePage, fetchHistory, fetchMetaPoolsNamed, nameKey } from "@/lib/indexer";
import { fetchMetaPoolClaims } from "@/lib/indexer/claims";
import { fetchPositionHistories } from "@/lib/indexer/positions";
import { fetchRepricing, type RepricingFrom } from "@/lib/indexer/repricing";
import { queryKeys } from "@/lib/queryKeys";
import type { MetaPoolView } from "@/lib/types/metaPool";

export { indexerStatusQuery, STATUS_INTERVAL_MS } from "@/hooks/indexerStatusQuery";

/** One page of Explore from the indexer: order, count and summary. Under the list's key, so any write refreshes it. */
export function indexedExploreQuery(base: string | null, query: ExploreQuery, size: number, enabled: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "indexer", base, query, size],
    ...onIndexedBlock,
    placeholderData: keepPreviousData,
    retry: 1,
    queryFn:
      base && enabled ? followingIndexedBlocks(({ signal }) => fetchExplorePage(base, query, size, signal)) : skipToken,
  });
}

/**
 * `account`'s position history in every MetaPool it touched, with the list of them, from the indexer; under the
 * account's key, so its own writes refresh it. The Portfolio lists its MetaPools from this answer and its position
 * read takes the histories from it (hooks/positionQueries), one indexer request where there were two in a row.
 */
export function accountPositionHistoriesQuery(base: string | null, account: Address | undefined, enabled: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.account(account ?? "0x"), "histories", "indexer", base],
    ...onIndexedBlock,
    retry: 1,
    queryFn:
      base && account && enabled
        ? followingIndexedBlocks(({ signal }) => fetchPositionHistories(base, account, undefined, signal))
        : skipToken,
  });
}

/** Every MetaPool `account` touched, in the factory's order: the list of its position histories' answer. */
export function accountMetaPoolsQuery(base: string | null, account: Address | undefined, enabled: boolean) {
  return queryOptions({
    ...accountPositionHistoriesQuery(base, account, enabled),
    select: (answer) => answer.metaPools,
  });
}

/** The MetaPools naming `arbiter` as their arbiter, from the indexer (the arbiter desk's list). */
export function arbiterMetaPoolsQuery(base: string | null, arbiter: Address | undefined, enabled: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "arbiter", arbiter?.toLowerCase() ?? "none", "metaPools", "indexer", base],
    ...onIndexedBlock,
    retry: 1,
    queryFn:
      base && arbiter && enabled
        ? followingIndexedBlocks(({ signal }) => fetchArbiterMetaPools(base, arbiter, signal))
        : skipToken,
  });
}

/**
 * The MetaPools already called `name` (case and surrounding spaces aside), from the indexer: one small answer per
 * settled name, kept a minute (the create wizard's warning; a new MetaPool is rare while one types).
 */
export function metaPoolsNamedQuery(base: string | null, name: string, enabled: boolean) {
  const key = nameKey(name);
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "named", key, "indexer", base],
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    retry: 1,
    queryFn: base && key !== "" && enabled ? ({ signal }) => fetchMetaPoolsNamed(base, key, signal) : skipToken,
  });
}

/**
 * The live `metaPoolView()` of each of `addresses` (the visible page only), in that order: one batched round trip
 * (one multicall where the chain has Multicall3), again at each new block. Under the list's key, so a write to any
 * MetaPool refreshes the figures.
 */
export function metaPoolViewsQuery(client: Client | undefined, addresses: readonly Address[] | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "views", ...(addresses ?? []).map((a) => a.toLowerCase())],
    ...onNewBlock,
    placeholderData: keepPreviousData,
    queryFn:
      client && addresses
        ? followingBlocks(
            (): Promise<MetaPoolView[]> => Promise.all(addresses.map((address) => readMetaPoolView(client, address))),
          )
        : skipToken,
  });
}

/** A MetaPool's snapshots for the history charts, under its key (a write to it refreshes them). */
export function indexedHistoryQuery(base: string | null, metaPool: Address | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool ?? "0x"), "history", "indexer", base],
    ...onIndexedBlock,
    retry: 1,
    queryFn:
      base && metaPool ? followingIndexedBlocks(({ signal }) => fetchHistory(base, metaPool, signal)) : skipToken,
  });
}

/** Every claim of a MetaPool (filing, evidence, ruling), under its key: a write to it refreshes them. */
export function indexedClaimsQuery(base: string | null, metaPool: Address | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool ?? "0x"), "claims", "indexer", base],
    ...onIndexedBlock,
    retry: 1,
    queryFn:
      base && metaPool
        ? followingIndexedBlocks(({ signal }) => fetchMetaPoolClaims(base, metaPool, signal))
        : skipToken,
  });
}

/**
 * What moved the price of cover in pool `poolId` since the account's cover there started (`from.account`, `epoch`)
 * or since a time (`from.since`), with that time; under the MetaPool's key. Asked only while a notice needs it.
 */
export function indexedRepricingQuery(
  base: string | null,
  metaPool: Address,
  poolId: number,
  from: RepricingFrom | undefined,
) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool), "repricing", poolId, from ?? null, "indexer", base],
    ...onIndexedBlock,
    retry: 1,
    queryFn:
      base && from
        ? followingIndexedBlocks(({ signal }) => fetchRepricing(base, metaPool, poolId, from, signal))
        : skipToken,
  });
}
