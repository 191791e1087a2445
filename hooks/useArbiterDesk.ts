"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { arbiterDeskQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";
import type { MetaPoolView } from "@/lib/types/metaPool";

export type { ArbiterDesk, PendingClaim } from "@/lib/reads/arbiterDesk";

/**
 * The arbiter desk's reads for one MetaPool, keyed under the MetaPool so a ruling, a shutdown
 * or a fee collection there refreshes them.
 */
export function useArbiterDesk(view: MetaPoolView, account: Address | undefined) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery(arbiterDeskQuery(client, view, account));
}
