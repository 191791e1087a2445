"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { metaPoolQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/** One MetaPool projected to now, with its creation parameters (full texts from the factory event). */
export function useMetaPool(address: Address | undefined) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(metaPoolQuery(client, address));
}
