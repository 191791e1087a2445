import { chainNowAt, observeBlock, type ChainClock } from "./chainClock";

/**
 * The page's one chain clock as a store for `useSyncExternalStore`: blocks are observed into one
 * base, and every subscriber reads the same "now", ticking on one shared timer that runs only while
 * someone listens. The timer fires on the clock's own second boundaries (the block's first sighting
 * plus whole seconds), so a countdown reaches zero, and "locked" turns "unlocked", on the second
 * the clock does rather than up to a second late.
 */
export function createChainClockStore(wallMs: () => number = () => Date.now()) {
  let clock: ChainClock | undefined;
  let now: bigint | undefined;
  const listeners = new Set<() => void>();
  let ticker: ReturnType<typeof setTimeout> | undefined;

  const publish = (force: boolean) => {
    const next = clock ? chainNowAt(clock, wallMs()) : undefined;
    if (next === now && !force) return;
    now = next;
    listeners.forEach((listener) => listener());
  };

  // Milliseconds to the clock's next whole second (a full second before the first block).
  const untilNextSecond = () => (clock ? 1000 - ((((wallMs() - clock.seenAtMs) % 1000) + 1000) % 1000) : 1000);

  const schedule = () => {
    if (ticker) clearTimeout(ticker);
    ticker = setTimeout(() => {
      ticker = undefined;
      publish(false);
      if (listeners.size > 0) schedule();
    }, untilNextSecond());
  };

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (!ticker) schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && ticker) {
          clearTimeout(ticker);
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
      // A new base moves the second boundaries.
      if (listeners.size > 0) schedule();
    },
    /** The chain's now in unix seconds as last published (what subscribers render); undefined before the first block. */
    now: (): bigint | undefined => now,
    /** The chain's now at this instant, for an event handler or an error message (no subscription needed). */
    current: (): bigint | undefined => (clock ? chainNowAt(clock, wallMs()) : undefined),
    /** The latest block's own timestamp. */
    blockTime: (): bigint | undefined => clock?.timestamp,
  };
}

export type ChainClockStore = ReturnType<typeof createChainClockStore>;
