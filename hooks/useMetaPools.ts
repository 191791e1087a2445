"use client";

import { useQuery } from "@tanstack/react-query";
import { useClient } from "wagmi";

import { metaPoolsQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/**
 * Every MetaPool of the factory, read 50 at a time (each page: two batched HTTP requests): the chain path of every
 * list. `enabled: false` when the indexer answers the list instead (hooks/useExploreList, usePortfolioMetaPools).
 */
export function useMetaPools({ enabled = true }: { enabled?: boolean } = {}) {
  const client = useClient({ chainId: appChain.id });
  return useQuery({ ...metaPoolsQuery(client), enabled });
}
