import { describe, expect, it } from "vitest";

import { ceilDiv, DAY, fundingRate, poolView, WAD, YEAR } from "@/lib/protocol";

import { example1, fixture } from "./testkit";
import { liveUnderlying, projectPurchase, stateAt, stateFromView } from "./viewState";

const { E, T0, curve } = fixture;

describe("stateFromView", () => {
  it("reproduces the view's derived figures (SPEC §9 example 1)", () => {
    const s = stateFromView(example1());
    const a = poolView(s, 0);
    expect(a.free).toBe(700n * E);
    expect(a.payout).toBe(800n * E);
    expect(a.utilisation).toBe(E / 8n);
    expect(a.rate).toBe(32_500_000_000_000_000n);
    expect(s.lastSyncAt).toBe(BigInt(T0));
    expect(s.claims).toEqual([]);
  });

  it("carries a pending claim and its premium debt", () => {
    const s = stateFromView(example1({ pendingClaimOn: 1, debt: 5n * E }));
    expect(s.claims.map((c) => [c.id, c.poolId])).toEqual([[1n, 1]]);
    expect(s.pools[1]!.owedWad).toBe(5n * E * WAD);
    expect(s.nextClaimId).toBe(2n);
  });

  it("never projects before the view's own time", () => {
    const s = stateFromView(example1());
    expect(stateAt(s, BigInt(T0) - 5n).lastSyncAt).toBe(BigInt(T0));
  });
});

describe("liveUnderlying", () => {
  it("shrinks a holding by its share of the pool's premium (SPEC §9 example 3)", () => {
    const s = stateFromView(example1());
    expect(liveUnderlying(s, 0, 100n * E, BigInt(T0))).toBe(100n * E);
    // One day: K falls to 99 928 767 123 287 671 232 wei, and all 100 tokens hold all of it.
    expect(liveUnderlying(s, 0, 100n * E, BigInt(T0) + DAY)).toBe(99_928_767_123_287_671_232n);
    // A quarter of the tokens: a quarter of it, rounded down.
    expect(liveUnderlying(s, 0, 25n * E, BigInt(T0) + DAY)).toBe(99_928_767_123_287_671_232n / 4n);
  });

  it("nets the premium debt of a pool with a pending claim, which keeps growing uncharged", () => {
    const s = stateFromView(example1({ pendingClaimOn: 0, debt: E }));
    expect(liveUnderlying(s, 0, 100n * E, BigInt(T0))).toBe(99n * E);
    const dayPremium = 71_232_876_712_328_768n;
    expect(liveUnderlying(s, 0, 100n * E, BigInt(T0) + DAY)).toBe(99n * E - dayPremium);
  });
});

describe("projectPurchase", () => {
  it("quotes 100 more in pool A of example 1", () => {
    const p = projectPurchase(stateFromView(example1()), 0, 100n * E);
    expect(p.accepted).toBe(100n * E);
    expect(p.tokens).toBe(100n * E); // supply / K = 1
    expect(p.shareWad).toBe(E / 2n);
    expect(p.activeAfter).toBe(200n * E);
    // F = 600, P = 200 + 600 = 800; u = 200 / 800 = 25 % → r = 2 % + 8 % × 25/80 = 4.5 %.
    expect(p.payoutAfter).toBe(800n * E);
    expect(p.rateAfter).toBe(fundingRate(curve, E / 4n));
    expect(p.rateAfter).toBe(45n * 10n ** 15n);
    // Half of K + P if a claim were approved.
    expect(p.myClaimPayout).toBe(500n * E);
    const speed = p.rateAfter * 800n * E;
    expect(p.premiumSpeedAfter).toBe(speed);
    // Half of the pool's daily premium, rounded up.
    expect(p.costPerDay).toBe(ceilDiv(ceilDiv(speed * DAY, YEAR * WAD), 2n));
    // After 30 days at that speed the pool has paid ceil(speed × 30 d / year) and I hold half of the rest.
    const paid30 = ceilDiv(speed * 30n * DAY, YEAR * WAD);
    expect(p.after30).toBe((200n * E - paid30) / 2n);
    expect(p.after90 < p.after30).toBe(true);
    expect(p.lifetime).not.toBeNull();
    // 200 at 36 a year lasts about 5.5 years.
    expect(p.lifetime! / YEAR).toBe(5n);
  });

  it("accepts only up to the free capital", () => {
    const p = projectPurchase(stateFromView(example1()), 0, 900n * E);
    expect(p.accepted).toBe(700n * E);
  });

  it("mints 1:1 into a pool without an open epoch", () => {
    const view = example1();
    const pools = view.pools.map((pool, i) => (i === 2 ? { ...pool, active: 0n, coverSupply: 0n, payout: 0n } : pool));
    const p = projectPurchase(stateFromView({ ...view, pools, totalActive: 200n * E }), 2, 50n * E);
    expect(p.tokens).toBe(50n * E);
    expect(p.shareWad).toBe(E);
  });
});
