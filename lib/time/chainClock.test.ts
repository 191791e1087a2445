import { describe, expect, test } from "vitest";

import { chainNowAt, observeBlock } from "./chainClock";

const T0 = 1_764_000_000n;
const WALL = 1_700_000_000_000;

describe("the chain clock", () => {
  test("counts whole wall seconds since the block was seen", () => {
    const clock = observeBlock(undefined, { number: 10n, timestamp: T0 }, WALL);
    expect(chainNowAt(clock, WALL)).toBe(T0);
    expect(chainNowAt(clock, WALL + 999)).toBe(T0);
    expect(chainNowAt(clock, WALL + 1_000)).toBe(T0 + 1n);
    expect(chainNowAt(clock, WALL + 90_500)).toBe(T0 + 90n);
  });

  test("never runs before the block time when the wall clock steps back", () => {
    const clock = observeBlock(undefined, { number: 10n, timestamp: T0 }, WALL);
    expect(chainNowAt(clock, WALL - 5_000)).toBe(T0);
  });

  test("the same block seen again later keeps the first sighting: two readers agree", () => {
    const first = observeBlock(undefined, { number: 10n, timestamp: T0 }, WALL);
    const again = observeBlock(first, { number: 10n, timestamp: T0 }, WALL + 7_000);
    expect(again).toBe(first);
    expect(chainNowAt(again, WALL + 7_000)).toBe(T0 + 7n);
  });

  test("a new block rebases, also one a week ahead (time travel)", () => {
    const first = observeBlock(undefined, { number: 10n, timestamp: T0 }, WALL);
    const travelled = observeBlock(first, { number: 11n, timestamp: T0 + 604_800n }, WALL + 3_000);
    expect(chainNowAt(travelled, WALL + 3_000)).toBe(T0 + 604_800n);
    expect(chainNowAt(travelled, WALL + 5_000)).toBe(T0 + 604_802n);
  });

  test("a reverted chain (a lower block, an earlier time) rebases backwards", () => {
    const ahead = observeBlock(undefined, { number: 50n, timestamp: T0 + 86_400n }, WALL);
    const reverted = observeBlock(ahead, { number: 20n, timestamp: T0 }, WALL + 1_000);
    expect(chainNowAt(reverted, WALL + 1_000)).toBe(T0);
  });
});
