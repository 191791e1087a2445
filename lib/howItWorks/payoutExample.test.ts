import { describe, expect, it } from "vitest";

import { payoutExample } from "./payoutExample";

const ONE = 10n ** 18n;

describe("payoutExample", () => {
  it("plays SPEC §9 example 1 through the protocol mirror", () => {
    const ex = payoutExample();
    expect(ex.capital).toBe(1_000n * ONE);
    expect(ex.active).toEqual([100n * ONE, 100n * ONE, 100n * ONE]);
    expect(ex.free).toBe(700n * ONE);
    expect(ex.utilisation).toBe(125n * 10n ** 15n);
    expect(ex.rate).toBe(32_500_000_000_000_000n);
    expect(ex.yearlyPremium).toBe(26n * ONE);
    expect(ex.payout).toBe(800n * ONE);
    // C = 200 is exactly the cover of B and C; A's holders redeem 100 + 800.
    expect(ex.capitalAfter).toBe(200n * ONE);
    expect(ex.capitalAfter).toBe(ex.active[1]! + ex.active[2]!);
    expect(ex.redeemable).toBe(900n * ONE);
  });
});
