import { describe, expect, test } from "vitest";

import { DAY, poolView, quotePurchase, unwrap, WAD, YEAR } from "@/lib/protocol";
import { exampleParams, ONE, prng, stateAt, T0 } from "@/lib/protocol/testkit";

import { costPerYearOfDeposit, coverCostRate, poolPrice, purchaseEconomics } from "./cost";
import { payoutMultiple, payoutShare } from "./payout";

const P = (n: bigint) => n * ONE;

describe("the price of cover", () => {
  test("cost a year as a share of the deposit is daily cost × 365 / deposit, exactly", () => {
    const rnd = prng(7);
    for (let run = 0; run < 50; run++) {
      const capital = rnd.between(P(1000n), P(1_000_000n));
      const pools = Array.from({ length: 1 + rnd.int(4) }, () => rnd.between(0n, capital / 5n));
      const s = stateAt(T0, capital, pools, exampleParams({ payoutMultiple: rnd.between(0n, 5n) }));
      const amount = rnd.between(ONE, capital / 10n);
      const e = purchaseEconomics(s, 0, amount);
      const expected = (e.perDay * 365n * WAD + e.deposit - 1n) / e.deposit;
      expect(e.perYearOfDeposit).toBe(expected);
      expect(costPerYearOfDeposit(e.perDay, e.deposit)).toBe(expected);
    }
  });

  test("SPEC §9 example 1: 3.25 % on a payout 8× the cover is 26 % of the cover a year", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    const v = poolView(s, 0);
    expect(payoutMultiple(v.payout, v.active)).toBe(8n * WAD);
    expect(coverCostRate(v.premiumSpeed, v.active)).toBe(260_000_000_000_000_000n);
    expect(poolPrice(s, 0)).toEqual({
      costRate: 260_000_000_000_000_000n,
      payoutMultiple: 8n * WAD,
      forMinimumPurchase: false,
    });
  });

  test("a purchase's daily cost agrees with the mirror's own quote once everything has matured", () => {
    const s = stateAt(T0, P(1000n), [P(100n), 0n, P(200n)]);
    const e = purchaseEconomics(s, 1, P(50n));
    const q = unwrap(quotePurchase(s, 1, P(50n), T0));
    expect(e.perDay).toBe(q.costPerDay);
    expect(e.payoutAfter).toBe(q.after.payout);
    // The cost rate is the curve's rate times P / K (to rounding).
    const viaRate = (q.after.rate * e.payoutMultiple!) / WAD;
    expect(e.perYearOfDeposit! - viaRate).toBeLessThanOrEqual(WAD / 10n ** 6n);
    expect(e.myPayoutAfter).toBe(payoutShare(q.after.payout, e.tokens, e.tokens));
  });

  test("SPEC §9 example 9: one token alone against a million pays about 2 % of a million a year, far more than it holds", () => {
    const s = stateAt(T0, P(1_000_000n), [0n]);
    const price = poolPrice(s, 0);
    expect(price.forMinimumPurchase).toBe(true);
    // A minimum purchase (0.01) against C = 1 000 000, uncapped: P / K = 1e8.
    expect(price.payoutMultiple).toBe(100_000_000n * WAD);
    const capped = poolPrice(stateAt(T0, P(1_000_000n), [0n], exampleParams({ payoutMultiple: 5n })), 0);
    expect(capped.payoutMultiple).toBe(5n * WAD);
    // About 0.1 a year per token with a 5× cap: 2 % of 5 = 10 % of the deposit.
    expect(capped.costRate! - WAD / 10n).toBeLessThan(WAD / 1000n);
    expect(YEAR / DAY).toBe(365n);
  });

  test("after shutdown nothing has a price", () => {
    const s = { ...stateAt(T0, P(1000n), [P(100n)]), isShutDown: true };
    expect(poolPrice(s, 0)).toEqual({ costRate: null, payoutMultiple: null, forMinimumPurchase: false });
  });
});
