"use client";

import { useAccount } from "wagmi";

import { accountMetaPoolsQuery } from "@/hooks/indexerQueries";
import { useListedMetaPools } from "@/hooks/useListedMetaPools";

/**
 * The MetaPools whose positions the portfolio reads: with the indexer, only those the connected account touched;
 * without it, every MetaPool of the factory (positions are read for each).
 */
export function usePortfolioMetaPools() {
  const { address: account } = useAccount();
  return useListedMetaPools(accountMetaPoolsQuery, account);
}
