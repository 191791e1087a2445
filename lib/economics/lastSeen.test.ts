import { describe, expect, it } from "vitest";

import { WAD } from "@/lib/protocol";

import { parseSeenCost, riseSinceSeen, seenCostKey, serializeSeenCost } from "./lastSeen";

const pct = (n: bigint) => (n * WAD) / 100n;

describe("riseSinceSeen", () => {
  it("flags a cost more than twice what the account last saw", () => {
    expect(riseSinceSeen({ cost: pct(30n), at: 1_000 }, pct(61n))).toEqual({
      since: 1_000,
      costThen: pct(30n),
      costNow: pct(61n),
      factor: (pct(61n) * WAD) / pct(30n),
    });
  });
  it("stays quiet at exactly 2×, below it, and when nothing was seen or nothing is charged", () => {
    expect(riseSinceSeen({ cost: pct(30n), at: 1_000 }, pct(60n))).toBeNull();
    expect(riseSinceSeen({ cost: pct(30n), at: 1_000 }, pct(10n))).toBeNull();
    expect(riseSinceSeen(null, pct(60n))).toBeNull();
    expect(riseSinceSeen({ cost: 0n, at: 1_000 }, pct(60n))).toBeNull();
    expect(riseSinceSeen({ cost: pct(30n), at: 1_000 }, null)).toBeNull();
  });
});

describe("the stored value", () => {
  it("round-trips exactly, cost as a bigint", () => {
    const seen = { cost: 123_456_789_012_345_678_901n, at: 1_800_000_000 };
    expect(parseSeenCost(serializeSeenCost(seen))).toEqual(seen);
  });
  it("ignores absent, malformed and foreign entries", () => {
    for (const raw of [null, "", "not json", '{"cost":12,"at":1}', '{"cost":"-1","at":1}', '{"cost":"1","at":-5}'])
      expect(parseSeenCost(raw)).toBeNull();
  });
  it("is kept per account, MetaPool and pool, whatever the address case", () => {
    const a = seenCostKey("0xAbC", "0xDEF", 1);
    expect(a).toBe(seenCostKey("0xabc", "0xdef", 1));
    expect(a).not.toBe(seenCostKey("0xabc", "0xdef", 2));
    expect(a).not.toBe(seenCostKey("0xabd", "0xdef", 1));
  });
});
