"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useBlock } from "wagmi";

import { appChain } from "@/lib/chain";
import { createChainClockStore } from "@/lib/time/chainClockStore";

// A watched block is pushed as soon as it is mined; the interval also catches blocks the
// watcher missed (a node restarted, a tab woken up).
const BLOCK_REFRESH_MS = 15_000;

/**
 * One chain clock for the whole page: every countdown, form and the footer read the same base
 * (the latest block and when it was first seen) and tick on one shared one-second timer, so two
 * countdowns never disagree.
 */
const store = createChainClockStore();

/** Feeds the latest block into the shared clock; every reader runs it, the query is shared. */
function useLatestBlockFeed() {
  const { data: block } = useBlock({ chainId: appChain.id, watch: true, query: { refetchInterval: BLOCK_REFRESH_MS } });
  useEffect(() => {
    if (block?.number != null) store.observe({ number: block.number, timestamp: block.timestamp });
  }, [block]);
}

/**
 * The chain's clock in unix seconds, ticking every second: the latest block's timestamp plus the
 * wall-clock time since that block was first seen. Countdowns use this, not the browser's clock,
 * because a local chain may run days ahead (time travel) and contracts judge every delay by block
 * time. Undefined until the first block arrives.
 */
export function useChainNow(): bigint | undefined {
  useLatestBlockFeed();
  return useSyncExternalStore(store.subscribe, store.now, () => undefined);
}

/**
 * The latest block's timestamp: what a simulation or a gas estimate runs at. On an idle chain it
 * lags the clock above by as long as no block was mined (minutes on a local chain), so a bound
 * the contract checks against `block.timestamp` (an incident "now") must not pass it.
 */
export function useLatestBlockTime(): bigint | undefined {
  useLatestBlockFeed();
  return useSyncExternalStore(store.subscribe, store.blockTime, () => undefined);
}
