"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useAccount, usePublicClient } from "wagmi";

import { accountPositionsQuery } from "@/hooks/queries";
import { useChainNow } from "@/hooks/useChainNow";
import { appChain } from "@/lib/chain";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * The connected account's position in each of `views`. Keyed under both the account and the
 * MetaPool, so a write to either refreshes it.
 */
export function useAccountPositions(views: readonly MetaPoolView[] | undefined) {
  const { address: account } = useAccount();
  const client = usePublicClient({ chainId: appChain.id });
  const now = useChainNow();
  return useQuery(accountPositionsQuery(client, account, views, now));
}

/** The connected account's position in one MetaPool. */
export function useAccountPosition(view: MetaPoolView | undefined) {
  const result = useAccountPositions(view ? [view] : undefined);
  return { ...result, data: result.data?.[0] };
}

export type { AccountPosition } from "@/lib/types/positions";
export type MetaPoolAddress = Address;
