"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { usePublicClient } from "wagmi";

import { latestBlockQuery } from "@/hooks/latestBlockQuery";
import { appChain } from "@/lib/chain";
import { createChainClockStore } from "@/lib/time/chainClockStore";

/**
 * One chain clock for the whole page: every countdown, form and the footer read the same base
 * (the latest block and when it was first seen) and tick on one shared one-second timer, so two
 * countdowns never disagree.
 */
const store = createChainClockStore();

/**
 * The latest block, read on the block refresh policy (hooks/queries) and after every write or time travel: no
 * block watcher, whose 4 s polling cost an idle page 15 calls a minute. The footer shows it too.
 */
export function useLatestBlock() {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery(latestBlockQuery(client));
}

/** Feeds the latest block into the shared clock; every reader runs it, the query is shared. */
function useLatestBlockFeed() {
  const { data: block } = useLatestBlock();
  useEffect(() => {
    if (block) store.observe({ number: block.number, timestamp: block.timestamp });
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
