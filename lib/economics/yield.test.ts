import { describe, expect, test } from "vitest";

import { convertToAssets, DAY, deposit, poolView, sync, unwrap, WAD, YEAR } from "@/lib/protocol";
import { exampleParams, ONE, prng, stateAt, T0 } from "@/lib/protocol/testkit";

import { currentApy, depositEarnings, netPremiumPerYear, yieldSourceOf } from "./yield";

const P = (n: bigint) => n * ONE;

describe("currentApy", () => {
  test("SPEC §9 example 1: three pools paying 3.25 % on 800 each, 90 % to C of 1 000: 7.02 % a year", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    const source = yieldSourceOf(s);
    // 3 × 800 × 3.25 % × 90 % = 70.2 a year on C = 1 000.
    expect(netPremiumPerYear(source)).toBe(70_200_000_000_000_000_000n);
    expect(currentApy(source)).toBe(70_200_000_000_000_000n);
  });

  test("equals what the mirror adds to C in a day (SPEC §9 example 3), × 365 / C", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    const apy = currentApy(yieldSourceOf(s))!;
    const after = unwrap(sync(s, T0 + DAY)).state;
    const gained = after.capital - s.capital;
    expect(gained).toBe(192_328_767_123_287_676n);
    // The mirror rounds each pool's premium up and the fees down, so C gains at least the APY's share.
    const predicted = (apy * s.capital * DAY) / (YEAR * WAD);
    expect(gained - predicted).toBeGreaterThanOrEqual(0n);
    expect(gained - predicted).toBeLessThanOrEqual(10n);
  });

  test("over random states the mirror's one-day gain of C matches the APY to rounding", () => {
    const rnd = prng(13);
    for (let run = 0; run < 40; run++) {
      const capital = rnd.between(P(100n), P(1_000_000n));
      const pools = Array.from({ length: 1 + rnd.int(5) }, () => rnd.between(0n, capital / 6n));
      const params = exampleParams({
        arbiterFeeBps: rnd.between(0n, 2500n),
        creatorFeeBps: rnd.between(0n, 2500n),
        payoutMultiple: rnd.between(0n, 6n),
      });
      const s = stateAt(T0, capital, pools, params);
      const apy = currentApy(yieldSourceOf(s))!;
      const gained = unwrap(sync(s, T0 + DAY)).state.capital - s.capital;
      const predicted = (apy * s.capital * DAY) / (YEAR * WAD);
      // Per pool: one wei of premium rounded up, two of fees rounded down; the APY's own floor on C.
      const slack = BigInt(pools.length) * 3n + s.capital / WAD + 2n;
      expect(
        gained >= predicted - 1n && gained - predicted <= slack,
        `run ${run}: gained ${gained}, predicted ${predicted}`,
      ).toBe(true);
    }
  });

  test("a view without capital has no APY; a MetaPool without cover earns 0 %", () => {
    expect(currentApy({ capital: 0n, config: { arbiterFeeBps: 0, creatorFeeBps: 0 }, pools: [] })).toBeNull();
    expect(currentApy(yieldSourceOf(stateAt(T0, P(1000n), [0n, 0n])))).toBe(0n);
  });
});

describe("depositEarnings", () => {
  test("uncapped: a deposit widens every payout, so the MetaPool's speeds (and its APY) are re-fixed after it", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    const e = depositEarnings(s, P(1000n));
    const after = unwrap(deposit(s, P(1000n), T0)).state;
    expect(e.shares).toBe(after.shareSupply - s.shareSupply);
    expect(poolView(after, 0).payout).toBe(P(1800n));
    expect(e.apyAfter).toBe(currentApy(yieldSourceOf(after)));
    // The deposit's share of the net premium after it: half of C, so half of the yearly net.
    expect(e.perYear).toBe((netPremiumPerYear(yieldSourceOf(after)) * e.shares) / after.shareSupply);
    // And what the mirror pays its shares over a year at those speeds (one sync; fees floor, premiums ceil).
    const year = unwrap(sync(after, T0 + YEAR)).state;
    const worth =
      convertToAssets(e.shares, year.capital, year.shareSupply) -
      convertToAssets(e.shares, after.capital, after.shareSupply);
    // convertToAssets floors both values: a wei either way.
    expect(worth - e.perYear).toBeGreaterThanOrEqual(-2n);
    expect(worth - e.perYear).toBeLessThan(10n);
  });

  test("capped at 2×: a deposit leaves payouts, so premiums, unchanged and dilutes the APY", () => {
    const s = stateAt(T0, P(1000n), [P(100n)], exampleParams({ payoutMultiple: 2n }));
    const before = currentApy(yieldSourceOf(s))!;
    const e = depositEarnings(s, P(1000n));
    expect(e.apyAfter! * 2n - before).toBeLessThanOrEqual(2n);
  });
});
