import { describe, expect, it } from "vitest";

import { niceTicks, scaleTo, timeTicks } from "./scale";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 × 10^k from 0 to at least the maximum", () => {
    expect(niceTicks(1_000n)).toEqual([0n, 500n, 1_000n]);
    expect(niceTicks(730n)).toEqual([0n, 200n, 400n, 600n, 800n]);
    expect(niceTicks(7n)).toEqual([0n, 2n, 4n, 6n, 8n]);
    expect(niceTicks(1n)).toEqual([0n, 1n]);
  });

  it("keeps 18-decimal amounts exact", () => {
    const ONE = 10n ** 18n;
    expect(niceTicks(1_234n * ONE)).toEqual([0n, 500n * ONE, 1_000n * ONE, 1_500n * ONE]);
  });

  it("is only 0 when nothing is above 0", () => {
    expect(niceTicks(0n)).toEqual([0n]);
    expect(niceTicks(-5n)).toEqual([0n]);
  });
});

describe("scaleTo", () => {
  it("maps a bigint onto a length, clamped to [0, top]", () => {
    expect(scaleTo(250n, 1_000n, 400)).toBe(100);
    expect(scaleTo(2_000n, 1_000n, 400)).toBe(400);
    expect(scaleTo(-1n, 1_000n, 400)).toBe(0);
    expect(scaleTo(5n, 0n, 400)).toBe(0);
  });
});

describe("timeTicks", () => {
  const JAN_1 = 1_735_689_600; // 2025-01-01T00:00:00Z

  it("puts day ticks on UTC midnights across a week", () => {
    const ticks = timeTicks(JAN_1 + 3_600, JAN_1 + 7 * 86_400, 5);
    expect(ticks.map((t) => t.label)).toEqual(["2 Jan", "4 Jan", "6 Jan", "8 Jan"]);
    expect(ticks.every((t) => t.t % 86_400 === 0)).toBe(true);
  });

  it("labels hours within a day", () => {
    const ticks = timeTicks(JAN_1, JAN_1 + 12 * 3_600, 5);
    expect(ticks.map((t) => t.label)).toEqual(["1 Jan", "03:00", "06:00", "09:00", "12:00"]);
  });

  it("never gives more than the maximum", () => {
    for (const span of [1, 59, 3_600, 86_400, 40 * 86_400, 3 * 365 * 86_400, 40 * 365 * 86_400]) {
      expect(timeTicks(JAN_1, JAN_1 + span, 5).length).toBeLessThanOrEqual(5);
    }
  });
});
