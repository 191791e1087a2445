/** SPEC §9 worked numbers of payouts, rates and premium (examples 1–4, 7 and 9), each with the SPEC's exact wei. */
import { describe, expect, test } from "vitest";

import { redeemPayout } from "./claim";
import { fileAndRule } from "./claimFlow.testkit";
import { HOUR, WAD, YEAR } from "./constants";
import { unwrap } from "./errors";
import { fundingRate } from "./fundingRate";
import { poolView } from "./poolView";
import { splitPremium } from "./premium";
import { poolCoverLifetime } from "./projection";
import { P } from "./spec.fixtures";
import { sync } from "./sync";
import { EXAMPLE_CURVE, exampleParams, ONE, stateAt, T0 } from "./testkit";

describe("SPEC §9 worked numbers", () => {
  test("specExample1: C 1000, three pools of 100: F 700, P 800, u 12.5 %, r 3.25 %; a valid claim pays 800, C 200, holders redeem 900", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    for (const i of [0, 1, 2]) {
      const v = poolView(s, i);
      expect(v.active).toBe(P(100n));
      expect(v.free).toBe(P(700n));
      expect(v.payout).toBe(P(800n));
      expect(v.utilisation).toBe(125_000_000_000_000_000n);
      expect(v.rate).toBe(32_500_000_000_000_000n);
    }
    const { state, ruling } = fileAndRule(s, 0, true, T0, T0);
    expect(ruling.payout).toBe(P(800n));
    expect(state.capital).toBe(P(200n));
    expect(state.capital).toBe(state.pools[1]!.active + state.pools[2]!.active);
    expect(ruling.closedEpoch!.remaining).toBe(P(900n));
    expect(redeemPayout(ruling.closedEpoch!, P(100n)).assets).toBe(P(900n));
    expect(state.pools[0]).toMatchObject({ active: 0n, pending: 0n, supply: 0n, epoch: 1n, epochOpenedAt: 0n });
  });

  test("specExample2: C 1000, six pools of 100: a valid claim pays 100 + 400 = 500 and C 500 backs the other five", () => {
    const s = stateAt(T0, P(1000n), Array(6).fill(P(100n)));
    expect(poolView(s, 3).payout).toBe(P(500n));
    const { state, ruling } = fileAndRule(s, 3, true, T0, T0);
    expect(ruling.payout).toBe(P(500n));
    expect(state.capital).toBe(P(500n));
    expect(state.pools.filter((_, i) => i !== 3).reduce((a, p) => a + p.active, 0n)).toBe(P(500n));
  });

  test("specExample3: one sync a day after example 1 charges each pool 71 232 876 712 328 768 wei", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
    const out = unwrap(sync(s, T0 + 86_400n));
    const premium = 71_232_876_712_328_768n;
    expect(out.charged).toEqual([premium, premium, premium]);
    expect(splitPremium(premium, 500n, 500n)).toEqual({
      arbiter: 3_561_643_835_616_438n,
      creator: 3_561_643_835_616_438n,
      capital: 64_109_589_041_095_892n,
    });
    expect(out.state.fees).toEqual({ arbiter: 3n * 3_561_643_835_616_438n, creator: 3n * 3_561_643_835_616_438n });
    expect(out.state.capital - s.capital).toBe(192_328_767_123_287_676n);
    for (const pool of out.state.pools) expect(pool.active).toBe(99_928_767_123_287_671_232n);
    // The SPEC's formula, literally: ceil(800e18 × 0.0325e18 × 86 400 / 31 536 000 / 1e18).
    const exact = P(800n) * 32_500_000_000_000_000n * 86_400n;
    expect((exact + YEAR * WAD - 1n) / (YEAR * WAD)).toBe(premium);
  });

  test("specExample4: u = 90 % gives r = 60 %", () => {
    expect(fundingRate(EXAMPLE_CURVE, 900_000_000_000_000_000n)).toBe(600_000_000_000_000_000n);
    // The same through a state: one pool of 900 in C = 1000.
    const v = poolView(stateAt(T0, P(1000n), [P(900n)]), 0);
    expect(v.utilisation).toBe(900_000_000_000_000_000n);
    expect(v.rate).toBe(600_000_000_000_000_000n);
  });

  test("specExample7: example 1 with payoutMultiple 5: a valid claim on A pays 100 + min(700, 400) = 500, leaving C 500", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)], exampleParams({ payoutMultiple: 5n }));
    expect(poolView(s, 0).payout).toBe(P(500n));
    const { state, ruling } = fileAndRule(s, 0, true, T0, T0);
    expect(ruling.payout).toBe(P(500n));
    expect(state.capital).toBe(P(500n));
    expect(state.pools[1]!.active + state.pools[2]!.active).toBe(P(200n));
    expect(ruling.shareWipe).toBe(false);
  });

  describe("specExample9: one token of cover alone in C = 1 000 000", () => {
    test("payoutMultiple 0: P 1 000 000, u 0.0001 %, about 20 000 a year, lapses within the first hour", () => {
      const s = stateAt(T0, P(1_000_000n), [ONE]);
      const v = poolView(s, 0);
      expect(v.payout).toBe(P(1_000_000n));
      expect(v.utilisation).toBe(10n ** 12n);
      // 2 % + ceil(8 % × 1e-6 / 80 %) = 2.00001 %.
      expect(v.rate).toBe(20_000_100_000_000_000n);
      const perYear = v.premiumSpeed / WAD;
      expect(perYear).toBe(20_000_100_000_000_000_000_000n); // 20 000.1 tokens
      expect(perYear).toBeGreaterThan(P(19_999n));
      expect(perYear).toBeLessThan(P(20_001n));

      const lifetime = poolCoverLifetime(s, 0)!;
      expect(lifetime).toBeGreaterThan(25n * 60n);
      expect(lifetime).toBeLessThan(HOUR);
      expect(unwrap(sync(s, T0 + lifetime)).lapsed).toEqual([]);
      const lapsed = unwrap(sync(s, T0 + lifetime + 1n));
      expect(lapsed.lapsed).toHaveLength(1);
      const hour = unwrap(sync(s, T0 + HOUR));
      expect(hour.lapsed).toHaveLength(1);
      expect(hour.state.pools[0]).toMatchObject({ active: 0n, supply: 0n, epoch: 1n });
      // Premium beyond K is forgiven: the holder lost exactly the 1 token, never more.
      expect(hour.charged[0]! + hour.lapsed[0]!.remaining).toBe(ONE);

      // Syncing every minute changes nothing material: still gone within the hour.
      let t = T0;
      let x = s;
      while (x.pools[0]!.epoch === 0n) {
        t += 60n;
        x = unwrap(sync(x, t)).state;
      }
      expect(t).toBeLessThan(T0 + HOUR);
    });

    test("payoutMultiple 5: the same token pays about 0.1 a year", () => {
      const s = stateAt(T0, P(1_000_000n), [ONE], exampleParams({ payoutMultiple: 5n }));
      const v = poolView(s, 0);
      expect(v.payout).toBe(P(5n));
      const perYear = v.premiumSpeed / WAD;
      expect(perYear).toBe(100_000_500_000_000_000n); // 0.1000005 token
      const out = unwrap(sync(s, T0 + YEAR));
      expect(out.lapsed).toEqual([]);
      expect(out.charged[0]).toBe(100_000_500_000_000_000n);
    });
  });
});
