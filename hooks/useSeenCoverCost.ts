"use client";

import { useEffect, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";

import { readChainNow, useChainNowSelector } from "@/hooks/useChainNow";
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
  // Only whether the clock runs: the time is read when the cost is written, so the alert does not re-render per second.
  const clockReady = useChainNowSelector((now) => now !== undefined);
  const key = account ? seenCostKey(account, metaPool, poolId) : null;
  const [previous, setPrevious] = useState<{ key: string; seen: SeenCost | null } | null>(null);

  useEffect(() => {
    if (key && previous?.key !== key) setPrevious({ key, seen: parseSeenCost(storage()?.getItem(key) ?? null) });
  }, [key, previous?.key]);

  const ready = key !== null && previous?.key === key;
  useEffect(() => {
    const now = readChainNow();
    if (!ready || costNow === null || now === undefined) return;
    const seenAt = Number(now);
    try {
      storage()?.setItem(key, serializeSeenCost({ cost: costNow, at: seenAt }));
    } catch {
      // A full or disabled storage only loses the memory of this visit.
    }
    // Written when the cost changes (or the clock starts), not every clock tick.
  }, [ready, key, costNow, clockReady]);

  return ready ? previous.seen : null;
}
