import { describe, expect, test } from "vitest";

import { DAY, WAD } from "./constants";
import { unwrap } from "./errors";
import { poolView } from "./poolView";
import {
  costPerDay,
  coverLifetime,
  holdingCostPerDay,
  poolCoverLifetime,
  projectedCover,
  projectedCoverAfterDays,
  quotePurchase,
} from "./projection";
import { buyProtection } from "./protection";
import { sync } from "./sync";
import { ONE, stateAt, T0 } from "./testkit";

const P = (n: bigint) => n * ONE;
const example1 = () => stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);

describe("projection", () => {
  test("cost per day at today's speed is example 3's premium", () => {
    const speed = poolView(example1(), 0).premiumSpeed;
    expect(costPerDay(speed)).toBe(71_232_876_712_328_768n);
    expect(holdingCostPerDay(speed, P(50n), P(100n))).toBe(35_616_438_356_164_384n);
    expect(holdingCostPerDay(speed, P(50n), 0n)).toBe(0n);
  });

  test("projected cover after a day equals what one sync a day later leaves", () => {
    const s = example1();
    expect(projectedCover(s, 0, DAY)).toBe(99_928_767_123_287_671_232n);
    expect(projectedCoverAfterDays(s, 0, 1n, P(50n))).toEqual({
      active: 99_928_767_123_287_671_232n,
      holding: 49_964_383_561_643_835_616n,
    });
    expect(unwrap(sync(s, T0 + DAY)).state.pools[0]!.active).toBe(projectedCover(s, 0, DAY));
    expect(projectedCover(s, 0, 100_000n * DAY)).toBe(0n);
  });

  test("cover lifetime: null without premium, else the last second before the lapse", () => {
    expect(coverLifetime(P(1n), P(1n), 0n, 0n, 0n)).toBeNull();
    // 1 token paying 1 token a year lasts a year less the 1e-9 the lapse keeps.
    const year = 365n * DAY;
    expect(coverLifetime(ONE, ONE, 0n, 0n, ONE * WAD)).toBe(((ONE - 10n ** 9n) * year) / ONE);
    const s = example1();
    const life = poolCoverLifetime(s, 0)!;
    // 100 at about 0.0712 a day: a bit under 1404 days.
    expect(life / DAY).toBe(1403n);
  });

  test("a purchase quote shows the rate now and once matured", () => {
    const q = unwrap(quotePurchase(example1(), 0, P(100n), T0));
    expect(q.maturesAt).toBe(T0 + DAY);
    expect(q.before.rate).toBe(32_500_000_000_000_000n);
    // K 200 in K + F = 800: u 25 %, r = 2 % + 8 % × 25 / 80 = 4.5 %.
    expect(q.after).toMatchObject({
      active: P(200n),
      utilisation: WAD / 4n,
      rate: 45_000_000_000_000_000n,
      payout: P(800n),
    });
    expect(q.tokens).toBe(P(100n));
    expect(q.costPerDay).toBe((costPerDay(q.after.premiumSpeed) + 1n) / 2n);
    expect(q.lifetime).not.toBeNull();
  });

  test("a quote counts purchases already queued and refuses what the purchase would refuse", () => {
    const s = example1();
    expect(quotePurchase(s, 0, P(701n), T0)).toEqual({
      ok: false,
      error: { name: "CapacityExceeded", available: P(700n) },
    });
    expect(quotePurchase(s, 0, 0n, T0)).toEqual({ ok: false, error: { name: "ZeroAmount" } });
    // 300 queued in B first: once both matured, K_A 200 in K_A + F = 200 + 300: u 40 %, r 6 %.
    const queued = unwrap(buyProtection(s, 1, P(300n), T0)).state;
    const q = unwrap(quotePurchase(queued, 0, P(100n), T0));
    expect(q.after).toMatchObject({
      active: P(200n),
      free: P(300n),
      payout: P(500n),
      utilisation: (WAD * 2n) / 5n,
      rate: 60_000_000_000_000_000n,
    });
  });
});
