"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { useClient } from "wagmi";

import { latestBlockQuery } from "@/hooks/latestBlockQuery";
import { appChain } from "@/lib/chain";
import { createChainClockStore } from "@/lib/time/chainClockStore";
import { floorClock } from "@/lib/time/clockPhase";

/**
 * One chain clock for the whole page: every countdown, form and the footer read the same base
 * (the latest block and when it was first seen) and tick on one shared timer, so two countdowns
 * never disagree. Only the components that subscribe re-render on a tick, and with a selector
 * only when what they show changes: the clock is in no context value.
 */
const store = createChainClockStore();

/**
 * A fixed "now" for a static render (a test, a preview) where no block is read: readers below it
 * get this instead of the live clock (and as the latest block's time), which a server render leaves undefined.
 */
export const FixedChainNow = createContext<bigint | undefined>(undefined);

/**
 * The latest block, read on the block refresh policy (hooks/queries) and after every write or time travel: no
 * block watcher, whose 4 s polling cost an idle page 15 calls a minute. The footer shows it too.
 */
export function useLatestBlock() {
  const client = useClient({ chainId: appChain.id });
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
 * What `select` makes of the chain's clock, re-rendering only when that changes (compared with
 * `Object.is`, so return a primitive: a bigint, a boolean, a string): a countdown's text changes
 * each second under an hour and each minute above, a lock's state once. See lib/time/clockPhase.ts
 * for reducing the clock to the instants a computation compares it with.
 */
export function useChainNowSelector<T>(select: (now: bigint | undefined) => T): T {
  useLatestBlockFeed();
  const fixed = useContext(FixedChainNow);
  const now = (read: () => bigint | undefined) => select(fixed ?? read());
  return useSyncExternalStore(
    store.subscribe,
    () => now(store.now),
    () => now(() => undefined),
  );
}

/**
 * The chain's clock in unix seconds, re-rendering every second: the latest block's timestamp plus
 * the wall-clock time since that block was first seen. Countdowns use this, not the browser's clock,
 * because a local chain may run days ahead (time travel) and contracts judge every delay by block
 * time. Undefined until the first block arrives. A figure that does not change every second should
 * select what it needs instead (`useChainNowSelector`, `useChainMinute`).
 */
export function useChainNow(): bigint | undefined {
  return useChainNowSelector(identity);
}

/** The chain's clock rounded down to the minute, re-rendering once a minute: for dates shown to the minute. */
export function useChainMinute(): bigint | undefined {
  return useChainNowSelector(toMinute);
}

/**
 * The chain's clock at this instant, outside rendering (an event handler, an error sentence built
 * when a write fails): reading it subscribes to nothing.
 */
export function readChainNow(): bigint | undefined {
  return store.current();
}

/**
 * The latest block's timestamp: what a simulation or a gas estimate runs at. On an idle chain it
 * lags the clock above by as long as no block was mined (minutes on a local chain), so a bound
 * the contract checks against `block.timestamp` (an incident "now") must not pass it.
 */
export function useLatestBlockTime(): bigint | undefined {
  useLatestBlockFeed();
  const fixed = useContext(FixedChainNow);
  const blockTime = useSyncExternalStore(store.subscribe, store.blockTime, () => undefined);
  return fixed ?? blockTime;
}

const identity = (now: bigint | undefined) => now;
const toMinute = (now: bigint | undefined) => floorClock(now, 60n);
