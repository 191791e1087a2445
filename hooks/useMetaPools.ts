"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";

import { appChain } from "@/lib/chain";
import { deployment } from "@/lib/contracts";
import { queryKeys } from "@/lib/queryKeys";
import { readMetaPoolPage, type MetaPoolView } from "@/lib/reads/metaPools";

const PAGE = 50n;
/** Views are projected to the chain's now: refresh often enough for rates and premiums to move. */
export const LIVE_REFRESH_MS = 12_000;

/** Every MetaPool of the factory, read 50 at a time (each page: two batched HTTP requests). */
export function useMetaPools() {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: queryKeys.metaPools(),
    enabled: Boolean(client && deployment),
    refetchInterval: LIVE_REFRESH_MS,
    queryFn: async (): Promise<MetaPoolView[]> => {
      const all: MetaPoolView[] = [];
      for (let offset = 0n; ; offset += PAGE) {
        const page = await readMetaPoolPage(client!, deployment!.metaPoolFactory, offset, PAGE);
        all.push(...page.metaPools);
        if (offset + PAGE >= page.total) return all;
      }
    },
  });
}
