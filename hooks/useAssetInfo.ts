"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { assetVerdictQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/**
 * The create wizard's verdict on the token at `address`, read live so a wrong address is refused on the asset step
 * rather than by a reverted transaction. `data` is the verdict; `error` only when the chain could not be read at all
 * (then retry). Key, fetcher and refresh policy: `assetVerdictQuery` in hooks/queries.ts.
 */
export function useAssetInfo(address: Address | undefined) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(assetVerdictQuery(client, address));
}
