import { describe, expect, test } from "vitest";

import { clockPhase, floorClock } from "./clockPhase";

describe("clockPhase", () => {
  const unlockAt = 1_000n;
  const windowEnd = 1_600n;
  // A withdrawal request's state by the clock: what WithdrawalRequestCard derives from it.
  const state = (now: bigint) => (now < unlockAt ? "locked" : now > windowEnd ? "closed" : "open");

  test("any computation comparing the clock with the instants gives the same answer with the phase", () => {
    for (let now = 900n; now <= 1_700n; now++) {
      const phase = clockPhase(now, [unlockAt, windowEnd + 1n])!;
      expect(state(phase)).toBe(state(now));
    }
  });

  test("it changes only when the clock crosses an instant", () => {
    const phases = new Set<bigint | undefined>();
    for (let now = 900n; now <= 1_700n; now++) phases.add(clockPhase(now, [unlockAt, windowEnd + 1n]));
    expect([...phases]).toEqual([999n, 1_000n, 1_601n]);
  });

  test("undefined before the first block; any defined time with no instant", () => {
    expect(clockPhase(undefined, [unlockAt])).toBeUndefined();
    expect(clockPhase(5n, [])).toBe(0n);
  });
});

describe("floorClock", () => {
  test("rounds down to the minute, keeps undefined", () => {
    expect(floorClock(119n, 60n)).toBe(60n);
    expect(floorClock(120n, 60n)).toBe(120n);
    expect(floorClock(undefined, 60n)).toBeUndefined();
  });
});
