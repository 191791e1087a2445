"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";

import { metaPoolsQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/** Every MetaPool of the factory, read 50 at a time (each page: two batched HTTP requests). */
export function useMetaPools() {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery(metaPoolsQuery(client));
}
