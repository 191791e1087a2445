"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { arbiterMetaPoolsQuery, metaPoolViewsQuery } from "@/hooks/indexerQueries";
import { arbiterDeskQuery } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useMetaPools } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { sameAddress } from "@/lib/format";
import type { MetaPoolView } from "@/lib/types/metaPool";

export type { ArbiterDesk, PendingClaim } from "@/lib/reads/arbiterDesk";

/**
 * The MetaPools whose arbiter is `arbiter`, each with its live view. With the indexer: it lists them (one request)
 * and only those are read from the chain, so the desk costs the same at 4 or 1 000 MetaPools. Without it, or when it
 * fails (or the chain cannot read a MetaPool it lists): every MetaPool of the factory, filtered here.
 */
export function useArbiterMetaPools(arbiter: Address | undefined) {
  const { listsFrom } = useIndexerStatus();
  const client = usePublicClient({ chainId: appChain.id });
  const listed = useQuery(arbiterMetaPoolsQuery(listsFrom, arbiter, listsFrom !== null));
  const views = useQuery(metaPoolViewsQuery(client, listsFrom !== null ? listed.data : undefined));
  const fromIndexer = listsFrom !== null && !listed.isError && !views.isError;
  const chain = useMetaPools({ enabled: !fromIndexer && arbiter !== undefined });
  const chainMine = useMemo(
    () => chain.data?.filter((v) => sameAddress(v.config.arbiter, arbiter)),
    [chain.data, arbiter],
  );
  if (!fromIndexer) {
    return {
      source: "chain" as const,
      data: chainMine,
      isPending: chain.isPending,
      isError: chain.isError,
      error: chain.error,
      refetch: () => chain.refetch(),
    };
  }
  // A new arbiter's list must not show the last one's views while its own load.
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

/**
 * The arbiter desk's reads for one MetaPool, keyed under the MetaPool so a ruling, a shutdown
 * or a fee collection there refreshes them.
 */
export function useArbiterDesk(view: MetaPoolView, account: Address | undefined) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery(arbiterDeskQuery(client, view, account));
}
