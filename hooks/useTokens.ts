"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useAccount, useClient } from "wagmi";

import { tokenBalanceQuery, tokenMetasQuery, type TokenMeta } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

export type { TokenMeta } from "@/hooks/queries";

/** Symbol, name and decimals of each token (immutable enough to cache for the session). */
export function useTokenMetas(tokens: readonly Address[]) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(tokenMetasQuery(client, tokens));
}

/** Lookup in the result of useTokenMetas, whatever the address's letter case. */
export function metaOf(metas: Record<string, TokenMeta> | undefined, token: Address): TokenMeta | undefined {
  return metas?.[token.toLowerCase()];
}

/** The connected account's balance of `token` (undefined while disconnected). */
export function useTokenBalance(token: Address | undefined) {
  const { address: account } = useAccount();
  const client = useClient({ chainId: appChain.id });
  return useQuery(tokenBalanceQuery(client, token, account));
}
