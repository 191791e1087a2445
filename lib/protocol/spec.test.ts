/** SPEC §9 worked numbers, each a named test with the SPEC's exact wei. */
import { describe, expect, test } from "vitest";

import { fileClaim, redeemPayout, resolveClaim } from "./claim";
import { claimOf, fileAndRule } from "./claimFlow.testkit";
import { DAY, HOUR, WAD, YEAR } from "./constants";
import { unwrap } from "./errors";
import { fundingRate } from "./fundingRate";
import { poolView } from "./poolView";
import { splitPremium } from "./premium";
import { poolCoverLifetime, quotePurchase } from "./projection";
import { buyProtection, purchaseCapacity, withdrawProtection } from "./protection";
import { convertToAssets, deposit, sharesInCurrentEpoch } from "./shares";
import { newMetaPool } from "./state";
import { dueCount, effectiveMaturity, sync } from "./sync";
import { EXAMPLE_CURVE, exampleParams, ONE, prng, stateAt, T0, ZERO_CURVE } from "./testkit";
import { cancelWithdrawal, completeWithdrawal, requestWithdrawal } from "./withdrawal";

const P = (n: bigint) => n * ONE;

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

  describe("specExample5: purchase delay 1 day, rates zero, 50 bought in B at t0, claim on A filed at t0 + 1 h", () => {
    const params = exampleParams({ curve: ZERO_CURVE, purchaseDelay: DAY });
    const t0 = T0;
    const base = stateAt(t0, P(1000n), [P(100n), P(100n), P(100n)], params);
    const bought = unwrap(buyProtection(base, 1, P(50n), t0)).state;
    const filed = unwrap(
      fileClaim(bought, { poolId: 0, incidentTime: t0, filerTokens: P(100n), now: t0 + HOUR }),
    ).state;

    test("accepted at t0 + 12 h: pays 100 + (1000 − 300) = 800, leaves C 200, makes the 50 refundable", () => {
      const { state, ruling } = unwrap(
        resolveClaim(filed, { claimId: claimOf(filed).id, valid: true, now: t0 + 12n * HOUR }),
      );
      expect(ruling.payout).toBe(P(800n));
      expect(state.capital).toBe(P(200n));
      expect(ruling.refunded).toBe(P(50n));
      expect(state.refundsOwed).toBe(P(50n));
      expect(state.pools[1]!.pending).toBe(0n);
      expect(state.queue).toEqual([]);
    });

    test("rejected at t0 + 30 h: the 50 restarts its delay and matures at t0 + 54 h (the ruling plus one day), not at t0 + 24 h", () => {
      const frozen = unwrap(sync(filed, t0 + 25n * HOUR));
      expect(frozen.matured).toEqual([]);
      expect(dueCount(frozen.state, t0 + 25n * HOUR)).toBe(0);
      const ruled = unwrap(
        resolveClaim(frozen.state, { claimId: claimOf(filed).id, valid: false, now: t0 + 30n * HOUR }),
      ).state;
      expect(ruled.capital).toBe(P(1000n) + params.claimBond);
      expect(ruled.freezeEndedAt).toBe(t0 + 30n * HOUR);
      expect(effectiveMaturity(ruled, ruled.queue[0]!)).toBe(t0 + 54n * HOUR);
      // Not at the ruling, nor a second before the restarted delay ends.
      expect(unwrap(sync(ruled, t0 + 30n * HOUR)).matured).toEqual([]);
      expect(unwrap(sync(ruled, t0 + 54n * HOUR - 1n)).matured).toEqual([]);
      const later = unwrap(sync(ruled, t0 + 60n * HOUR));
      expect(later.matured).toHaveLength(1);
      expect(later.matured[0]).toMatchObject({ at: t0 + 54n * HOUR, accepted: P(50n), refund: 0n, tokens: P(50n) });
      expect(later.state.pools[1]!.active).toBe(P(150n));
      expect(later.state.pools[1]!.epochOpenedAt).toBe(t0); // B's epoch was already open: the 50 joins it
    });
  });

  describe("specExample6: one underwriter, 1000 shares, C 1000, requests 500 shares", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    const s0 = unwrap(deposit(newMetaPool(params, 1, T0), P(1000n), T0)).state;
    const { state: requested, request } = unwrap(requestWithdrawal(s0, P(500n), P(1000n), T0));
    const unlock = request.unlockAt;

    test("assetsAtRequest is 500", () => {
      expect(s0.shareSupply).toBe(P(1000n));
      expect(request.assetsAtRequest).toBe(P(500n));
    });

    test("premiums lift C to 1001: withdrawing pays 500 and leaves C 501", () => {
      const lifted = { ...requested, capital: P(1001n) };
      const { state, assets } = unwrap(completeWithdrawal(lifted, request, P(500n), unlock));
      expect(assets).toBe(P(500n));
      expect(state.capital).toBe(P(501n));
    });

    test("premiums lift C to 1001: cancelling returns shares worth at most 500 and burns the rest", () => {
      const lifted = { ...requested, capital: P(1001n) };
      const { state, returned, burned } = unwrap(cancelWithdrawal(lifted, request, unlock));
      expect(returned + burned).toBe(P(500n));
      expect(burned).toBeGreaterThan(0n);
      expect(convertToAssets(returned, lifted.capital, lifted.shareSupply)).toBeLessThanOrEqual(P(500n));
      expect(state.shareSupply).toBe(P(1000n) - burned);
      // Exact: floor(500e18 × (1000e18 + 1) / (1001e18 + 1)).
      expect(returned).toBe((P(500n) * (P(1000n) + 1n)) / (P(1001n) + 1n));
    });

    test("payoutMultiple 4, one pool with K 200: a valid claim pays 200 + min(800, 600) = 800, C 200 all free; the 500 shares then pay 100", () => {
      const p4 = exampleParams({ curve: ZERO_CURVE, payoutMultiple: 4n });
      const s = stateAt(T0, P(1000n), [P(200n)], p4);
      const req = unwrap(requestWithdrawal(s, P(500n), P(1000n), T0));
      expect(req.request.assetsAtRequest).toBe(P(500n));
      const { state, ruling } = fileAndRule(req.state, 0, true, T0, T0);
      expect(ruling.payout).toBe(P(800n));
      expect(state.capital).toBe(P(200n));
      expect(poolView(state, 0).free).toBe(P(200n));
      const done = unwrap(completeWithdrawal(state, req.request, P(500n), req.request.unlockAt));
      expect(done.assets).toBe(P(100n));
      expect(done.state.capital).toBe(P(100n));
    });
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

  describe("specExample8: claims that take all of C with shares outstanding", () => {
    test("a new deposit of 100 owns all of C = 100", () => {
      const s = stateAt(T0, P(1000n), [P(100n)]);
      const { state, ruling } = fileAndRule(s, 0, true, T0, T0);
      expect(ruling.payout).toBe(P(1000n));
      expect(ruling.shareWipe).toBe(true);
      expect(state.capital).toBe(0n);
      expect(state.shareSupply).toBe(0n);
      expect(sharesInCurrentEpoch(state, P(1000n), 0n)).toBe(0n);
      const after = unwrap(deposit(state, P(100n), T0 + 1n));
      expect(after.shares).toBe(P(100n));
      expect(after.state.capital).toBe(P(100n));
      expect(convertToAssets(after.shares, after.state.capital, after.state.shareSupply)).toBe(P(100n));
    });

    test("twenty wipes in a row, with dust remainders, leave deposits working and the supply bounded", () => {
      // payoutMultiple 2 and C = 2K + dust: the claim takes all of C but the dust.
      const params = exampleParams({ payoutMultiple: 2n, curve: ZERO_CURVE });
      const rand = prng(8);
      let s = newMetaPool(params, 1, T0);
      let now = T0;
      for (let round = 0; round < 20; round++) {
        const amount = rand.between(P(1n), P(1000n));
        const before = s.capital;
        const dep = unwrap(deposit(s, amount, now));
        // The new holder owns (almost) all of C: earlier holders were wiped down to dust.
        expect(convertToAssets(dep.shares, dep.state.capital, dep.state.shareSupply)).toBeGreaterThanOrEqual(amount);
        expect(convertToAssets(dep.shares, dep.state.capital, dep.state.shareSupply)).toBeLessThanOrEqual(
          amount + before,
        );
        const dust = rand.below(10n ** 9n);
        const cover = (dep.state.capital - dust) / 2n;
        s = unwrap(buyProtection(dep.state, 0, cover, now)).state;
        now += params.purchaseDelay;
        s = unwrap(sync(s, now)).state;
        const capitalBefore = s.capital;
        const ruled = fileAndRule(s, 0, true, now, now);
        s = ruled.state;
        expect(ruled.ruling.payout).toBe(2n * cover);
        expect(s.capital).toBe(capitalBefore - 2n * cover);
        expect(s.capital).toBeLessThan(dust + 2n);
        expect(ruled.ruling.shareWipe).toBe(true);
        expect(s.shareEpoch).toBe(BigInt(round + 1));
        // Bounded: after a wipe the supply is at most C (price 1:1 again).
        expect(s.shareSupply).toBeLessThanOrEqual(s.capital);
        expect(sharesInCurrentEpoch(s, dep.shares, dep.state.shareEpoch)).toBeLessThanOrEqual(s.capital);
        now += 1n;
      }
    });
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

  describe("specExample10: no reservations; maturing in queue order decides acceptance", () => {
    const params = exampleParams({ curve: ZERO_CURVE, purchaseDelay: DAY });
    const t0 = T0;
    const base = stateAt(t0, P(1000n), [P(100n), P(100n), P(100n)], params);
    const eve = unwrap(buyProtection(base, 2, P(700n), t0));
    const carol = unwrap(buyProtection(eve.state, 1, P(10n), t0 + 1n));

    test("Carol can still buy 10 in B at t0 + 1 s: previewBuy says capacity 700, pending ahead 700", () => {
      expect(poolView(base, 0).free).toBe(P(700n));
      const quote = unwrap(quotePurchase(eve.state, 1, P(10n), t0 + 1n));
      expect(quote.capacity).toBe(P(700n));
      expect(quote.pendingAhead).toBe(P(700n));
      // If Eve's 700 matures first, nothing is left for Carol's 10.
      expect(quote.acceptedIfAheadMature).toBe(0n);
      expect(purchaseCapacity(carol.state)).toBe(P(700n));
      expect(carol.purchase.maturesAt).toBe(t0 + 1n + DAY);
    });

    test("at t0 + 1 day Eve's 700 matures first and takes all the free capital; Carol's 10 a second later is refundable in full", () => {
      const first = unwrap(sync(carol.state, t0 + DAY));
      expect(first.matured).toEqual([
        expect.objectContaining({ purchaseId: eve.purchase.id, at: t0 + DAY, accepted: P(700n), refund: 0n }),
      ]);
      expect(poolView(first.state, 0).free).toBe(0n);
      const second = unwrap(sync(first.state, t0 + DAY + 1n));
      expect(second.matured).toEqual([
        expect.objectContaining({ purchaseId: carol.purchase.id, accepted: 0n, refund: P(10n), tokens: 0n }),
      ]);
      expect(second.state.refundsOwed).toBe(P(10n));
      expect(second.state.pools.map((p) => p.active)).toEqual([P(100n), P(100n), P(800n)]);
    });

    test("had Eve withdrawn her cover in between, Carol's 10 would have been accepted", () => {
      const matured = unwrap(sync(carol.state, t0 + DAY)).state;
      const withdrawn = unwrap(withdrawProtection(matured, 2, P(700n), P(700n), t0 + DAY)).state;
      const out = unwrap(sync(withdrawn, t0 + DAY + 1n));
      expect(out.matured).toEqual([
        expect.objectContaining({ purchaseId: carol.purchase.id, accepted: P(10n), refund: 0n }),
      ]);
      expect(out.state.pools[1]!.active).toBe(P(110n));
    });
  });

  describe("specExample11: a sham claim cannot let post-incident cover share a real one", () => {
    // Bond 1; A's 100 of cover held 90 by Bob and 10 by Eve; A's protocol is hacked at t0.
    const params = exampleParams({ curve: ZERO_CURVE, purchaseDelay: DAY, claimBond: ONE });
    const t0 = T0;
    const MIN = 60n;
    const base = stateAt(t0, P(1000n), [P(100n), P(100n), P(100n)], params);
    const bob = P(90n);
    const eveTokens = P(10n);
    const bought = unwrap(buyProtection(base, 0, P(500n), t0 + MIN));
    const sham = unwrap(
      fileClaim(bought.state, { poolId: 0, incidentTime: t0, filerTokens: eveTokens, now: t0 + 2n * MIN }),
    );
    const rejected = unwrap(
      resolveClaim(sham.state, { claimId: sham.claim.id, valid: false, now: t0 + 2n * DAY }),
    ).state;

    test("the rejection sends the bond to C = 1 001 and restarts Eve's 500 to t0 + 3 days", () => {
      expect(rejected.capital).toBe(P(1001n));
      expect(rejected.freezeEndedAt).toBe(t0 + 2n * DAY);
      expect(effectiveMaturity(rejected, rejected.queue[0]!)).toBe(t0 + 3n * DAY);
    });

    test("Bob files at t0 + 2 days + 1 min: Eve's 500 has not matured and is frozen again", () => {
      const honest = unwrap(
        fileClaim(rejected, { poolId: 0, incidentTime: t0, filerTokens: bob, now: t0 + 2n * DAY + MIN }),
      );
      expect(honest.state.queue).toHaveLength(1);
      expect(honest.state.pools[0]).toMatchObject({ active: P(100n), pending: P(500n), supply: P(100n) });
      // Frozen: even past its restarted maturity nothing matures while Bob's claim is pending.
      expect(unwrap(sync(honest.state, t0 + 4n * DAY)).matured).toEqual([]);
    });

    test("the arbiter accepts Bob's claim: P = 100 + (1 001 − 300) = 801, C = 200; Bob redeems 810.9, Eve 90.1; Eve's 500 is refundable and Bob's bond returned", () => {
      const honest = unwrap(
        fileClaim(rejected, { poolId: 0, incidentTime: t0, filerTokens: bob, now: t0 + 2n * DAY + MIN }),
      );
      const { state, ruling } = unwrap(
        resolveClaim(honest.state, { claimId: honest.claim.id, valid: true, now: t0 + 2n * DAY + 2n * MIN }),
      );
      expect(ruling.payout).toBe(P(801n));
      expect(state.capital).toBe(P(200n));
      expect(ruling.closedEpoch!.remaining).toBe(P(901n));
      const bobRedeems = redeemPayout(ruling.closedEpoch!, bob);
      expect(bobRedeems.assets).toBe((8109n * ONE) / 10n);
      const eveRedeems = redeemPayout(bobRedeems.closed, eveTokens);
      expect(eveRedeems.assets).toBe((901n * ONE) / 10n);
      expect(ruling.refunded).toBe(P(500n));
      expect(state.refundsOwed).toBe(P(500n));
      // The bond goes back to the filer: C holds no bond of Bob's (1 001 − 801 = 200).
      expect(state.capital + ruling.payout).toBe(rejected.capital);
    });

    test("between the sham ruling and Bob's filing Eve's 500 gets no cover tokens (it would have matured at the ruling before revision 4)", () => {
      const justBefore = unwrap(sync(rejected, t0 + 2n * DAY + MIN)).state;
      expect(justBefore.pools[0]!.supply).toBe(P(100n));
      expect(dueCount(justBefore, t0 + 2n * DAY + MIN)).toBe(0);
    });
  });
});
