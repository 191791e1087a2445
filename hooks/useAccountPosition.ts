"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useAccount, usePublicClient } from "wagmi";

import { useChainNow } from "@/hooks/useChainNow";
import { LIVE_REFRESH_MS } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { deployment } from "@/lib/contracts";
import { queryKeys } from "@/lib/queryKeys";
import type { MetaPoolView } from "@/lib/reads/metaPools";
import { readAccountPosition } from "@/lib/reads/positions";

/**
 * The connected account's position in each of `views`. Keyed under both the account and the
 * MetaPool, so a write to either refreshes it.
 */
export function useAccountPositions(views: readonly MetaPoolView[] | undefined) {
  const { address: account } = useAccount();
  const client = usePublicClient({ chainId: appChain.id });
  const now = useChainNow();
  const ready = Boolean(client && account && views && now !== undefined);
  return useQuery({
    queryKey: [
      ...queryKeys.account(account ?? "0x"),
      "positions",
      ...(views ?? []).map((v) => v.metaPool.toLowerCase()),
    ],
    enabled: ready,
    refetchInterval: LIVE_REFRESH_MS,
    queryFn: () =>
      Promise.all(
        views!.map((v) => readAccountPosition(client!, v, account!, deployment?.startBlock ?? 0n, now!)),
      ),
  });
}

/** The connected account's position in one MetaPool. */
export function useAccountPosition(view: MetaPoolView | undefined) {
  const result = useAccountPositions(view ? [view] : undefined);
  return { ...result, data: result.data?.[0] };
}

export type { AccountPosition } from "@/lib/reads/positions";
export type MetaPoolAddress = Address;
