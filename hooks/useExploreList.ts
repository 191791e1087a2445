"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { indexedExploreQuery, metaPoolViewsQuery } from "@/hooks/indexerQueries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useMetaPools } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { rowEconomics } from "@/lib/economics";
import {
  assetsOf,
  exploreList,
  PAGE_SIZE,
  summarise,
  toExploreRow,
  toExploreRows,
  type ExploreQuery,
  type ExploreRow,
  type ExploreSummary,
  type Page,
} from "@/lib/explore";
import { lastFetchFailed } from "@/lib/queryState";
import type { MetaPoolView } from "@/lib/types/metaPool";

export interface ExploreList {
  /** Where the list's order and count came from this time. */
  source: "indexer" | "chain";
  page: Page<ExploreRow> | undefined;
  /** Every MetaPool, whatever the filters. */
  count: number;
  summary: ExploreSummary | undefined;
  /** The asset filter's options. */
  assets: Address[];
  isPending: boolean;
  error: Error | null;
  /** An earlier answer is shown but the latest refresh failed. */
  isRefetchError: boolean;
  refetch: () => void;
}

const withEconomics = (view: MetaPoolView) => ({ ...view, economics: rowEconomics(view) });

/**
 * Explore's page. With the indexer: it searches, filters, sorts and cuts the page (one request, whatever the number
 * of MetaPools), and the page's figures are read live from the chain (one batched request for its 10 MetaPools);
 * the order is the indexer's, as of its last block. Without it, or when it fails: every MetaPool from the chain and
 * the same rules applied here (lib/explore), as before.
 */
export function useExploreList(query: ExploreQuery): ExploreList {
  const { listsFrom } = useIndexerStatus();
  const client = useClient({ chainId: appChain.id });
  const indexed = useQuery(indexedExploreQuery(listsFrom, query, PAGE_SIZE, listsFrom !== null));
  const useIndexer = listsFrom !== null && !lastFetchFailed(indexed);
  const items = useIndexer ? indexed.data?.items : undefined;
  const views = useQuery(
    metaPoolViewsQuery(
      client,
      items?.map((i) => i.address),
    ),
  );
  const chain = useMetaPools({ enabled: !useIndexer });

  const chainRows = useMemo(
    () => (useIndexer ? undefined : chain.data && toExploreRows(chain.data.map(withEconomics))),
    [useIndexer, chain.data],
  );
  const fromChain = useMemo(() => {
    if (!chainRows) return undefined;
    return { page: exploreList(chainRows, query), summary: summarise(chainRows), assets: assetsOf(chainRows) };
  }, [chainRows, query]);
  const fromIndexer = useMemo(() => {
    const data = indexed.data;
    // The views must be this page's (a page turn keeps the last ones on screen until the new ones arrive).
    if (!data || !views.data || views.data.length !== data.items.length) return undefined;
    const rows = views.data.map((view, i) => toExploreRow(withEconomics(view), data.items[i]!.index));
    const start = (data.page - 1) * PAGE_SIZE;
    const page: Page<ExploreRow> = {
      items: rows,
      page: data.page,
      pageCount: data.pageCount,
      total: data.total,
      from: data.total === 0 ? 0 : start + 1,
      to: start + rows.length,
    };
    return { page, summary: data.summary, assets: data.summary.perAsset.map((a) => a.asset) };
  }, [indexed.data, views.data]);

  if (useIndexer) {
    return {
      source: "indexer",
      page: fromIndexer?.page,
      count: indexed.data?.summary.metaPools ?? 0,
      summary: fromIndexer?.summary,
      assets: fromIndexer?.assets ?? [],
      isPending: !fromIndexer,
      error: null,
      isRefetchError: indexed.isRefetchError || views.isRefetchError,
      refetch: () => void Promise.all([indexed.refetch(), views.refetch()]),
    };
  }
  return {
    source: "chain",
    page: fromChain?.page,
    count: chainRows?.length ?? 0,
    summary: fromChain?.summary,
    assets: fromChain?.assets ?? [],
    isPending: chain.isPending,
    error: chain.error,
    isRefetchError: chain.isRefetchError,
    refetch: () => void chain.refetch(),
  };
}
