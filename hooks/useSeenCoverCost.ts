"use client";

import { useEffect, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";

import { useChainNow } from "@/hooks/useChainNow";
import { parseSeenCost, seenCostKey, serializeSeenCost, type SeenCost } from "@/lib/economics/lastSeen";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): nothing remembered, nothing flagged
  }
}

/**
 * The yearly cost of the connected account's cover in `poolId` of `metaPool` as it last saw it
 * (before this page view), from localStorage; and it remembers `costNow` as seen. The value read
 * stays fixed while the page is open, so the alert it raises does not vanish as soon as it shows.
 */
export function useSeenCoverCost(metaPool: Address, poolId: number, costNow: bigint | null): SeenCost | null {
  const { address: account } = useAccount();
  const now = useChainNow();
  const key = account ? seenCostKey(account, metaPool, poolId) : null;
  const [previous, setPrevious] = useState<{ key: string; seen: SeenCost | null } | null>(null);

  useEffect(() => {
    if (key && previous?.key !== key) setPrevious({ key, seen: parseSeenCost(storage()?.getItem(key) ?? null) });
  }, [key, previous?.key]);

  const ready = key !== null && previous?.key === key;
  const seenAt = now === undefined ? undefined : Number(now);
  useEffect(() => {
    if (!ready || costNow === null || seenAt === undefined) return;
    try {
      storage()?.setItem(key, serializeSeenCost({ cost: costNow, at: seenAt }));
    } catch {
      // A full or disabled storage only loses the memory of this visit.
    }
    // Written when the cost changes, not every clock tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, key, costNow]);

  return ready ? previous.seen : null;
}
