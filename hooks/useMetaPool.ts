"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { LIVE_REFRESH_MS } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { queryKeys } from "@/lib/queryKeys";
import { readMetaPool } from "@/lib/reads/metaPools";

/** One MetaPool projected to now, with its creation parameters (full texts from the factory event). */
export function useMetaPool(address: Address | undefined) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: [...queryKeys.metaPool(address ?? "0x"), "details"],
    enabled: Boolean(client && address),
    refetchInterval: LIVE_REFRESH_MS,
    queryFn: () => readMetaPool(client!, address!),
  });
}
