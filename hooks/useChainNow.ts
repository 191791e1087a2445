"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useBlock } from "wagmi";

import { appChain } from "@/lib/chain";

// One shared one-second ticker for every countdown on the page.
const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  ticker ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

const wallSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The chain's clock in unix seconds, ticking every second: the latest block's timestamp plus the
 * wall-clock time since we saw it. Countdowns use this, not the browser's clock, because a local
 * chain may run days ahead (time travel) and contracts judge every delay by block time.
 * Undefined until the first block arrives.
 */
export function useChainNow(): bigint | undefined {
  const { data: block } = useBlock({ chainId: appChain.id, watch: true, query: { refetchInterval: 15_000 } });
  const wall = useSyncExternalStore(subscribe, wallSeconds, () => 0);
  const [seen, setSeen] = useState<{ timestamp: bigint; at: number } | undefined>();
  useEffect(() => {
    if (block) setSeen({ timestamp: block.timestamp, at: wallSeconds() });
  }, [block]);
  if (!seen) return undefined;
  return seen.timestamp + BigInt(Math.max(0, wall - seen.at));
}

/**
 * The latest block's timestamp: what a simulation or a gas estimate runs at. On an idle chain it
 * lags the clock above by as long as no block was mined (minutes on a local chain), so a bound
 * the contract checks against `block.timestamp` (an incident "now") must not pass it.
 */
export function useLatestBlockTime(): bigint | undefined {
  const { data: block } = useBlock({ chainId: appChain.id, watch: true, query: { refetchInterval: 15_000 } });
  return block?.timestamp;
}
