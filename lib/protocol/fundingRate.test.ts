import { describe, expect, test } from "vitest";

import { WAD } from "./constants";
import { fundingRate } from "./fundingRate";
import { EXAMPLE_CURVE } from "./testkit";

const pct = (n: bigint) => (n * WAD) / 100n;

describe("fundingRate", () => {
  test("u = 0 gives the base rate", () => {
    expect(fundingRate(EXAMPLE_CURVE, 0n)).toBe(pct(2n));
  });

  test("at the kink: base + slope1", () => {
    expect(fundingRate(EXAMPLE_CURVE, pct(80n))).toBe(pct(10n));
  });

  test("u = 100 % gives base + slope1 + slope2", () => {
    expect(fundingRate(EXAMPLE_CURVE, WAD)).toBe(pct(110n));
  });

  test("one wei past the kink uses slope2, rounded up", () => {
    expect(fundingRate(EXAMPLE_CURVE, pct(80n) + 1n)).toBe(pct(10n) + 5n); // ceil(1e18 × 1 / 2e17)
  });

  test("each division rounds up", () => {
    // slope1 × u / kink = 8e16 × 1 / 8e17 = 0.1 → 1
    expect(fundingRate(EXAMPLE_CURVE, 1n)).toBe(pct(2n) + 1n);
    const odd = { baseRate: 0n, slope1: 10n, kink: 3n * 10n ** 17n, slope2: 7n };
    expect(fundingRate(odd, 10n ** 17n)).toBe(4n); // 10 / 3 → 4
    expect(fundingRate(odd, 4n * 10n ** 17n)).toBe(10n + 1n); // 10 + ceil(7 × 1e17 / 7e17)
  });

  test("monotone in u", () => {
    let last = -1n;
    for (let u = 0n; u <= WAD; u += WAD / 64n) {
      const r = fundingRate(EXAMPLE_CURVE, u);
      expect(r).toBeGreaterThanOrEqual(last);
      last = r;
    }
  });
});
