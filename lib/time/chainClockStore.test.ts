import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { createChainClockStore } from "./chainClockStore";

const T0 = 1_764_000_000n;

describe("the chain clock store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("two readers that subscribed at different times read the same now, ticking together", () => {
    const store = createChainClockStore();
    const ticksA: (bigint | undefined)[] = [];
    const unsubscribeA = store.subscribe(() => ticksA.push(store.now()));
    store.observe({ number: 5n, timestamp: T0 });
    vi.advanceTimersByTime(40_000);
    // A second component mounts 40 s later and sees the same block again: no new base.
    const ticksB: (bigint | undefined)[] = [];
    const unsubscribeB = store.subscribe(() => ticksB.push(store.now()));
    store.observe({ number: 5n, timestamp: T0 });
    vi.advanceTimersByTime(1_000);
    expect(store.now()).toBe(T0 + 41n);
    expect(ticksA.at(-1)).toBe(T0 + 41n);
    expect(ticksB.at(-1)).toBe(T0 + 41n);
    unsubscribeA();
    unsubscribeB();
  });

  test("a new block (time travel) moves every reader at once", () => {
    const store = createChainClockStore();
    const unsubscribe = store.subscribe(() => {});
    store.observe({ number: 5n, timestamp: T0 });
    vi.advanceTimersByTime(3_000);
    store.observe({ number: 6n, timestamp: T0 + 86_400n });
    expect(store.now()).toBe(T0 + 86_400n);
    expect(store.blockTime()).toBe(T0 + 86_400n);
    unsubscribe();
  });

  test("undefined before any block; the timer stops when the last reader leaves", () => {
    const store = createChainClockStore();
    expect(store.now()).toBeUndefined();
    const unsubscribe = store.subscribe(() => {});
    expect(vi.getTimerCount()).toBe(1);
    unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });

  test("ticks on the clock's own second boundaries: a countdown reaches zero on its second, not up to a second late", () => {
    const store = createChainClockStore();
    const seen: (bigint | undefined)[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.now()));
    vi.advanceTimersByTime(400);
    // The block is first seen 400 ms after the reader subscribed: its seconds end at 1 400, 2 400, … ms.
    store.observe({ number: 5n, timestamp: T0 });
    vi.advanceTimersByTime(999);
    expect(store.now()).toBe(T0);
    vi.advanceTimersByTime(1);
    expect(store.now()).toBe(T0 + 1n);
    vi.advanceTimersByTime(1_000);
    expect(store.now()).toBe(T0 + 2n);
    // One notification per second of the clock, none in between.
    expect(seen).toEqual([T0, T0 + 1n, T0 + 2n]);
    unsubscribe();
  });

  test("current() reads the clock at this instant without a subscriber; now() is what subscribers last rendered", () => {
    const store = createChainClockStore();
    expect(store.current()).toBeUndefined();
    store.observe({ number: 5n, timestamp: T0 });
    vi.advanceTimersByTime(90_000);
    expect(store.current()).toBe(T0 + 90n);
    expect(store.now()).toBe(T0);
  });
});
