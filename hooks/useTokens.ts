"use client";

import { useQuery } from "@tanstack/react-query";
import { erc20Abi, type Address } from "viem";
import { useAccount, usePublicClient } from "wagmi";

import { appChain } from "@/lib/chain";
import { queryKeys } from "@/lib/queryKeys";

export interface TokenMeta {
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
}

/** Symbol, name and decimals of each token (immutable enough to cache for the session). */
export function useTokenMetas(tokens: readonly Address[]) {
  const client = usePublicClient({ chainId: appChain.id });
  const unique = [...new Set(tokens.map((t) => t.toLowerCase() as Address))].sort();
  return useQuery({
    queryKey: ["canopy", "tokenMeta", ...unique],
    enabled: Boolean(client) && unique.length > 0,
    staleTime: Infinity,
    queryFn: async (): Promise<Record<string, TokenMeta>> => {
      const metas = await Promise.all(
        unique.map(async (address) => {
          const [symbol, name, decimals] = await Promise.all([
            client!.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
            client!.readContract({ address, abi: erc20Abi, functionName: "name" }),
            client!.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
          ]);
          return { address, symbol, name, decimals };
        }),
      );
      return Object.fromEntries(metas.map((m) => [m.address, m]));
    },
  });
}

/** Lookup in the result of useTokenMetas, whatever the address's letter case. */
export function metaOf(metas: Record<string, TokenMeta> | undefined, token: Address): TokenMeta | undefined {
  return metas?.[token.toLowerCase()];
}

/** The connected account's balance of `token` (undefined while disconnected). */
export function useTokenBalance(token: Address | undefined) {
  const { address: account } = useAccount();
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: [...queryKeys.token(token ?? "0x"), "balance", account?.toLowerCase()],
    enabled: Boolean(client && token && account),
    refetchInterval: 12_000,
    queryFn: () => client!.readContract({ address: token!, abi: erc20Abi, functionName: "balanceOf", args: [account!] }),
  });
}
