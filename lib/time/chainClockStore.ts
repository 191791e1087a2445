import { chainNowAt, observeBlock, type ChainClock } from "./chainClock";

/**
 * The page's one chain clock as a store for `useSyncExternalStore`: blocks are observed into one
 * base, and every subscriber reads the same "now", ticking on one shared one-second timer that
 * runs only while someone listens.
 */
export function createChainClockStore(wallMs: () => number = Date.now) {
  let clock: ChainClock | undefined;
  let now: bigint | undefined;
  const listeners = new Set<() => void>();
  let ticker: ReturnType<typeof setInterval> | undefined;

  const publish = (force: boolean) => {
    const next = clock ? chainNowAt(clock, wallMs()) : undefined;
    if (next === now && !force) return;
    now = next;
    listeners.forEach((listener) => listener());
  };

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      ticker ??= setInterval(() => publish(false), 1000);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && ticker) {
          clearInterval(ticker);
          ticker = undefined;
        }
      };
    },
    /** A block seen by any reader; the same block again keeps the first sighting. */
    observe(block: { number: bigint; timestamp: bigint }): void {
      const seen = observeBlock(clock, block, wallMs());
      if (seen === clock) return;
      clock = seen;
      publish(true);
    },
    /** The chain's now in unix seconds; undefined before the first block. */
    now: (): bigint | undefined => now,
    /** The latest block's own timestamp. */
    blockTime: (): bigint | undefined => clock?.timestamp,
  };
}

export type ChainClockStore = ReturnType<typeof createChainClockStore>;
