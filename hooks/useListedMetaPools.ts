"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { metaPoolViewsQuery } from "@/hooks/indexerQueries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useMetaPools } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { lastFetchFailed } from "@/lib/queryState";
import type { MetaPoolView } from "@/lib/types/metaPool";

/** An indexer list of MetaPools for one address (hooks/indexerQueries: the account's, the arbiter's). */
type ListQuery<T, K extends QueryKey> = (
  base: string | null,
  who: Address | undefined,
  enabled: boolean,
) => UseQueryOptions<T, Error, Address[], K>;

/**
 * The MetaPools some indexer list names for `who`, each with its live view. With the indexer: one request for the
 * list and one batched chain read of only those MetaPools, so the page costs the same at 4 or 1 000 MetaPools.
 * Without it, or when either request's last answer failed (the indexer can list what a reorganisation removed):
 * every MetaPool of the factory from the chain, narrowed by `keep` (a stable function: memoise it).
 */
export function useListedMetaPools<T, K extends QueryKey>(
  listQuery: ListQuery<T, K>,
  who: Address | undefined,
  keep?: (view: MetaPoolView) => boolean,
) {
  const { listsFrom } = useIndexerStatus();
  const client = useClient({ chainId: appChain.id });
  const listed = useQuery(listQuery(listsFrom, who, listsFrom !== null));
  const views = useQuery(metaPoolViewsQuery(client, listsFrom !== null ? listed.data : undefined));
  const fromIndexer = listsFrom !== null && !lastFetchFailed(listed) && !lastFetchFailed(views);
  const chain = useMetaPools({ enabled: !fromIndexer && who !== undefined });
  const kept = useMemo(() => (keep ? chain.data?.filter(keep) : chain.data), [chain.data, keep]);
  if (!fromIndexer) {
    return {
      source: "chain" as const,
      data: kept,
      isPending: chain.isPending,
      isError: chain.isError,
      error: chain.error,
      refetch: () => chain.refetch(),
    };
  }
  // A new list must not show the last list's views while its own load.
  const data: MetaPoolView[] | undefined = views.isPlaceholderData ? undefined : views.data;
  return {
    source: "indexer" as const,
    data,
    isPending: data === undefined,
    isError: false,
    error: null,
    refetch: () => Promise.all([listed.refetch(), views.refetch()]),
  };
}
