"use client";

/** Live contract previews for the Protect forms: components pass amounts, the reads live here. */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { useClient } from "wagmi";

import { metaPoolExtensionAbi } from "@/abis";
import { liveQuoteQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/** `value` once it has stopped changing for `ms`: quotes follow typing without a read per keystroke. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A contract preview that follows the chain (liveQuoteQuery: its key and refresh policy). */
function useLiveQuote<T>(
  metaPool: Address,
  key: readonly unknown[],
  enabled: boolean,
  read: (client: Client) => Promise<T>,
) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(liveQuoteQuery(client, metaPool, key, enabled ? read : undefined));
}

/**
 * `previewBuy(poolId, amount)`, projected to the latest block: the capacity now (C − ΣK, 0 while a
 * claim is pending or after shutdown), the pending amount queued ahead (ΣR of the whole MetaPool),
 * the funding rate now and with this purchase as cover, the payout and premium speed after.
 */
export function useBuyQuote(metaPool: Address, poolId: number | null, amount: bigint) {
  return useLiveQuote(metaPool, ["previewBuy", poolId, amount.toString()], poolId !== null, (client) =>
    readContract(client, {
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "previewBuy",
      args: [BigInt(poolId!), amount],
    }),
  );
}

/** `previewWithdrawProtection(poolId, tokens)`: what burning `tokens` pays now (net of any claim debt share). */
export function useWithdrawCoverQuote(metaPool: Address, poolId: number, tokens: bigint) {
  return useLiveQuote(metaPool, ["previewWithdrawProtection", poolId, tokens.toString()], tokens > 0n, (client) =>
    readContract(client, {
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "previewWithdrawProtection",
      args: [BigInt(poolId), tokens],
    }),
  );
}
