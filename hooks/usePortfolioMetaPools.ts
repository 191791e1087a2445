"use client";

import { useQuery } from "@tanstack/react-query";
import { useAccount, usePublicClient } from "wagmi";

import { accountMetaPoolsQuery, metaPoolViewsQuery } from "@/hooks/indexerQueries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useMetaPools } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { lastFetchFailed } from "@/lib/queryState";

/**
 * The MetaPools whose positions the portfolio reads. With the indexer: only those the connected account touched
 * (one request), each read live from the chain; so the portfolio costs the same at 4 or 1 000 MetaPools. Without it,
 * or when it fails: every MetaPool of the factory, as before. Same shape as `useMetaPools()`.
 */
export function usePortfolioMetaPools() {
  const { listsFrom } = useIndexerStatus();
  const { address: account } = useAccount();
  const client = usePublicClient({ chainId: appChain.id });
  const touched = useQuery(accountMetaPoolsQuery(listsFrom, account, listsFrom !== null));
  const views = useQuery(metaPoolViewsQuery(client, listsFrom !== null ? touched.data : undefined));
  // A MetaPool the chain cannot read (the indexer still lists what a reorganisation removed) falls back too.
  const fromIndexer = listsFrom !== null && !lastFetchFailed(touched) && !lastFetchFailed(views);
  const chain = useMetaPools({ enabled: !fromIndexer });
  if (!fromIndexer) return { ...chain, source: "chain" as const };
  return {
    source: "indexer" as const,
    // A new set of MetaPools must not show the last set's views while its own load.
    data: views.isPlaceholderData ? undefined : views.data,
    isError: false,
    error: null,
    refetch: () => Promise.all([touched.refetch(), views.refetch()]),
  };
}
