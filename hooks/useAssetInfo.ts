"use client";

import { useQuery } from "@tanstack/react-query";
import { BaseError, erc20Abi, HttpRequestError, TimeoutError, type Address } from "viem";
import { usePublicClient } from "wagmi";

import { appChain } from "@/lib/chain";
import { checkAssetProbe, type AssetInfo, type Check } from "@/lib/forms/createMetaPool";

/**
 * Reads what the factory will check at `address` (code, `decimals()`), the symbol the app shows and
 * the total supply (no purchase can exceed it),
 * live, so a wrong address is refused on the asset step rather than by a reverted transaction.
 * `data` is the verdict; `error` only when the chain could not be read at all (then retry).
 */
export function useAssetInfo(address: Address | undefined) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: ["canopy", "createAsset", address?.toLowerCase()],
    enabled: Boolean(client && address),
    staleTime: 60_000,
    retry: 1,
    queryFn: async (): Promise<Check<AssetInfo>> => {
      const token = address!;
      const code = await client!.getCode({ address: token });
      if (!code || code === "0x") return checkAssetProbe(token, { hasCode: false });
      // A call that reverts means "not a token"; a transport failure must surface as an error instead.
      const [decimals, symbol, totalSupply] = await Promise.allSettled([
        client!.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
        client!.readContract({ address: token, abi: erc20Abi, functionName: "symbol" }),
        client!.readContract({ address: token, abi: erc20Abi, functionName: "totalSupply" }),
      ]);
      for (const result of [decimals, symbol, totalSupply]) {
        if (result.status === "rejected" && isTransportFailure(result.reason)) throw result.reason;
      }
      return checkAssetProbe(token, {
        hasCode: true,
        decimals: decimals.status === "fulfilled" ? Number(decimals.value) : undefined,
        symbol: symbol.status === "fulfilled" ? symbol.value : undefined,
        totalSupply: totalSupply.status === "fulfilled" ? totalSupply.value : undefined,
      });
    },
  });
}

function isTransportFailure(cause: unknown): boolean {
  if (!(cause instanceof BaseError)) return false;
  return Boolean(cause.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError));
}
