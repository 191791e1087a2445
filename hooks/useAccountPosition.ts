"use client";

import { keepPreviousData, queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { Address, PublicClient } from "viem";
import { useAccount, usePublicClient } from "wagmi";

import { accountPositionsQuery } from "@/hooks/positionQueries";
import { followingBlocks } from "@/hooks/refresh";
import { useChainNow } from "@/hooks/useChainNow";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { appChain } from "@/lib/chain";
import { metaPoolFullAbi } from "@/lib/contracts";
import { dueMaturities, hasDuePurchase, settleDuePurchases, type DueMaturity } from "@/lib/protect/dueCover";
import { queryKeys } from "@/lib/queryKeys";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

/** Up to 16 due purchases mature per sync (SPEC §6), as one `poke(16)` does. */
const SYNC_BATCH = 16n;

/**
 * The connected account's position in each of `views`, with its due purchases shown as the cover
 * they already are: every transaction on a MetaPool first runs the sync that mints them, so the
 * next action (withdrawing this cover included) settles them without a separate step. Keyed under
 * both the account and the MetaPool, so a write to either refreshes it.
 */
export function useAccountPositions(views: readonly MetaPoolView[] | undefined) {
  const { address: account } = useAccount();
  const client = usePublicClient({ chainId: appChain.id });
  const now = useChainNow();
  const { listsFrom } = useIndexerStatus();
  const positions = useQuery(accountPositionsQuery(client, account, views, now, listsFrom));
  const due = useQuery(dueMaturitiesQuery(client, account, positions.data, positions.dataUpdatedAt));
  // A pending purchase falls due by the chain's clock, with or without a new block: read again when it does.
  const nextMaturity = useMemo(() => {
    const pending = (positions.data ?? []).flatMap((p) =>
      p.purchases.filter((x) => x.state === "pending").map((x) => BigInt(x.record.maturesAt)),
    );
    return pending.length === 0 ? undefined : pending.reduce((a, b) => (b < a ? b : a));
  }, [positions.data]);
  const fallenDue = nextMaturity !== undefined && now !== undefined && now >= nextMaturity;
  const { refetch } = positions;
  useEffect(() => {
    if (fallenDue) void refetch();
  }, [fallenDue, nextMaturity, refetch]);
  const data = useMemo(() => {
    if (!positions.data || !views) return positions.data;
    return positions.data.map((p, i) => {
      const maturities = due.data?.[p.metaPool.toLowerCase()];
      return maturities && views[i] ? settleDuePurchases(p, views[i], maturities) : p;
    });
  }, [positions.data, views, due.data]);
  // The query's own result type, so callers narrow `data` as they would on a plain query.
  return { ...positions, data } as typeof positions;
}

/** The connected account's position in one MetaPool. */
export function useAccountPosition(view: MetaPoolView | undefined) {
  const result = useAccountPositions(view ? [view] : undefined);
  return { ...result, data: result.data?.[0] };
}

/**
 * What the next transaction on each MetaPool where the account has a due purchase would mature:
 * the sync simulated on the node (`eth_simulateV1`), read from the `PurchaseMatured` events it
 * emits, so the tokens shown are those the contract mints. A node without the method, or a failed
 * simulation, leaves the purchases due (the Protect tab then offers to mint them).
 *
 * Simulated once per read of the positions (`readAt`), not at each block: the answer completes those positions, so
 * it must not move ahead of them. After the transaction that mints the cover, a fresh simulation finds nothing due
 * while the positions (waiting for the indexer to reach the block) still show the purchase due: the cover would
 * vanish from the page, and a form open on it with its progress, until the positions caught up.
 */
function dueMaturitiesQuery(
  client: PublicClient | undefined,
  account: Address | undefined,
  positions: readonly AccountPosition[] | undefined,
  readAt: number,
) {
  const metaPools = (positions ?? []).filter(hasDuePurchase).map((p) => p.metaPool.toLowerCase() as Address);
  const purchaseIds = (positions ?? []).flatMap((p) =>
    p.purchases.filter((x) => x.state === "maturing").map((x) => x.id.toString()),
  );
  return queryOptions({
    queryKey: [...queryKeys.account(account ?? "0x"), "dueMaturities", readAt, ...metaPools, ...purchaseIds],
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn:
      client && account && metaPools.length > 0
        ? followingBlocks(async () => {
            const entries = await Promise.all(
              metaPools.map(async (metaPool) => [metaPool, await simulateSync(client, account, metaPool)] as const),
            );
            return Object.fromEntries(entries) as Record<string, DueMaturity[]>;
          })
        : skipToken,
  });
}

async function simulateSync(client: PublicClient, account: Address, metaPool: Address): Promise<DueMaturity[]> {
  try {
    const [block] = await client.simulateBlocks({
      blocks: [
        { calls: [{ from: account, to: metaPool, abi: metaPoolFullAbi, functionName: "poke", args: [SYNC_BATCH] }] },
      ],
    });
    const result = block?.calls[0];
    return result?.status === "success" ? dueMaturities(result.logs ?? []) : [];
  } catch {
    return [];
  }
}

export type { AccountPosition } from "@/lib/types/positions";
export type MetaPoolAddress = Address;
