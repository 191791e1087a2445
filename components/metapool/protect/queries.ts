"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";

import { metaPoolExtensionAbi } from "@/abis";
import { appChain } from "@/lib/chain";
import { queryKeys } from "@/lib/queryKeys";

/** `value` once it has stopped changing for `ms`: quotes follow typing without a read per keystroke. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * `previewBuy(poolId, amount)`, projected to the latest block: capacity left (C − ΣK − ΣR), the
 * funding rate now and with this purchase as cover, the payout and premium speed after. Keyed
 * under the MetaPool, so any write to it refreshes the quote.
 */
export function useBuyQuote(metaPool: Address, poolId: number | null, amount: bigint) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: [...queryKeys.metaPool(metaPool), "previewBuy", poolId, amount.toString()],
    enabled: Boolean(client) && poolId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 12_000,
    queryFn: () =>
      client!.readContract({
        address: metaPool,
        abi: metaPoolExtensionAbi,
        functionName: "previewBuy",
        args: [BigInt(poolId!), amount],
      }),
  });
}

/** `previewWithdrawProtection(poolId, tokens)`: what burning `tokens` pays now (net of any claim debt share). */
export function useWithdrawCoverQuote(metaPool: Address, poolId: number, tokens: bigint) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: [...queryKeys.metaPool(metaPool), "previewWithdrawProtection", poolId, tokens.toString()],
    enabled: Boolean(client) && tokens > 0n,
    placeholderData: keepPreviousData,
    refetchInterval: 12_000,
    queryFn: () =>
      client!.readContract({
        address: metaPool,
        abi: metaPoolExtensionAbi,
        functionName: "previewWithdrawProtection",
        args: [BigInt(poolId), tokens],
      }),
  });
}
