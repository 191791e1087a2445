/** SPEC §9 worked numbers, each a named test with the SPEC's exact wei. */
import { describe, expect, test } from 'vitest';
import { claimOf, fileAndRule } from './claimFlow.testkit';
import { DAY, HOUR, WAD, YEAR } from './constants';
import { unwrap } from './errors';
import { fundingRate } from './fundingRate';
import { poolView } from './poolView';
import { splitPremium } from './premium';
import { poolCoverLifetime } from './projection';
import { buyProtection } from './protection';
import { redeemPayout, resolveClaim, fileClaim } from './claim';
import { convertToAssets, deposit, sharesInCurrentEpoch } from './shares';
import { newMetaPool } from './state';
import { dueCount, sync } from './sync';
import { cancelWithdrawal, completeWithdrawal, requestWithdrawal } from './withdrawal';
import { EXAMPLE_CURVE, ONE, T0, ZERO_CURVE, exampleParams, prng, stateAt } from './testkit';

const P = (n: bigint) => n * ONE;

describe('SPEC §9 worked numbers', () => {
  test('specExample1: C 1000, three pools of 100: F 700, P 800, u 12.5 %, r 3.25 %; a valid claim pays 800, C 200, holders redeem 900', () => {
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

  test('specExample2: C 1000, six pools of 100: a valid claim pays 100 + 400 = 500 and C 500 backs the other five', () => {
    const s = stateAt(T0, P(1000n), Array(6).fill(P(100n)));
    expect(poolView(s, 3).payout).toBe(P(500n));
    const { state, ruling } = fileAndRule(s, 3, true, T0, T0);
    expect(ruling.payout).toBe(P(500n));
    expect(state.capital).toBe(P(500n));
    expect(state.pools.filter((_, i) => i !== 3).reduce((a, p) => a + p.active, 0n)).toBe(P(500n));
  });

  test('specExample3: one sync a day after example 1 charges each pool 71 232 876 712 328 768 wei', () => {
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

  test('specExample4: u = 90 % gives r = 60 %', () => {
    expect(fundingRate(EXAMPLE_CURVE, 900_000_000_000_000_000n)).toBe(600_000_000_000_000_000n);
    // The same through a state: one pool of 900 in C = 1000.
    const v = poolView(stateAt(T0, P(1000n), [P(900n)]), 0);
    expect(v.utilisation).toBe(900_000_000_000_000_000n);
    expect(v.rate).toBe(600_000_000_000_000_000n);
  });

  describe('specExample5: purchase delay 1 day, rates zero, 50 bought in B at t0, claim on A filed at t0 + 1 h', () => {
    const params = exampleParams({ curve: ZERO_CURVE, purchaseDelay: DAY });
    const t0 = T0;
    const base = stateAt(t0, P(1000n), [P(100n), P(100n), P(100n)], params);
    const bought = unwrap(buyProtection(base, 1, P(50n), t0)).state;
    const filed = unwrap(fileClaim(bought, { poolId: 0, incidentTime: t0, filerTokens: P(100n), now: t0 + HOUR })).state;

    test('accepted at t0 + 12 h: pays 100 + (1000 − 300) = 800, leaves C 200, makes the 50 refundable', () => {
      const { state, ruling } = unwrap(resolveClaim(filed, { claimId: claimOf(filed).id, valid: true, now: t0 + 12n * HOUR }));
      expect(ruling.payout).toBe(P(800n));
      expect(state.capital).toBe(P(200n));
      expect(ruling.refunded).toBe(P(50n));
      expect(state.refundsOwed).toBe(P(50n));
      expect(state.pools[1]!.pending).toBe(0n);
      expect(state.queue).toEqual([]);
    });

    test('rejected at t0 + 30 h: the 50 matures at t0 + 30 h, not at t0 + 24 h', () => {
      const frozen = unwrap(sync(filed, t0 + 25n * HOUR));
      expect(frozen.matured).toEqual([]);
      expect(dueCount(frozen.state, t0 + 25n * HOUR)).toBe(0);
      const ruled = unwrap(resolveClaim(frozen.state, { claimId: claimOf(filed).id, valid: false, now: t0 + 30n * HOUR })).state;
      expect(ruled.capital).toBe(P(1000n) + params.claimBond);
      const later = unwrap(sync(ruled, t0 + 31n * HOUR));
      expect(later.matured).toHaveLength(1);
      expect(later.matured[0]).toMatchObject({ at: t0 + 30n * HOUR, accepted: P(50n), refund: 0n, tokens: P(50n) });
      expect(later.state.pools[1]!.active).toBe(P(150n));
    });
  });

  describe('specExample6: one underwriter, 1000 shares, C 1000, requests 500 shares', () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    const s0 = unwrap(deposit(newMetaPool(params, 1, T0), P(1000n), T0)).state;
    const { state: requested, request } = unwrap(requestWithdrawal(s0, P(500n), P(1000n), T0));
    const unlock = request.unlockAt;

    test('assetsAtRequest is 500', () => {
      expect(s0.shareSupply).toBe(P(1000n));
      expect(request.assetsAtRequest).toBe(P(500n));
    });

    test('premiums lift C to 1001: withdrawing pays 500 and leaves C 501', () => {
      const lifted = { ...requested, capital: P(1001n) };
      const { state, assets } = unwrap(completeWithdrawal(lifted, request, P(500n), unlock));
      expect(assets).toBe(P(500n));
      expect(state.capital).toBe(P(501n));
    });

    test('premiums lift C to 1001: cancelling returns shares worth at most 500 and burns the rest', () => {
      const lifted = { ...requested, capital: P(1001n) };
      const { state, returned, burned } = unwrap(cancelWithdrawal(lifted, request, unlock));
      expect(returned + burned).toBe(P(500n));
      expect(burned).toBeGreaterThan(0n);
      expect(convertToAssets(returned, lifted.capital, lifted.shareSupply)).toBeLessThanOrEqual(P(500n));
      expect(state.shareSupply).toBe(P(1000n) - burned);
      // Exact: floor(500e18 × (1000e18 + 1) / (1001e18 + 1)).
      expect(returned).toBe((P(500n) * (P(1000n) + 1n)) / (P(1001n) + 1n));
    });

    test('payoutMultiple 4, one pool with K 200: a valid claim pays 200 + min(800, 600) = 800, C 200 all free; the 500 shares then pay 100', () => {
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

  test('specExample7: example 1 with payoutMultiple 5: a valid claim on A pays 100 + min(700, 400) = 500, leaving C 500', () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)], exampleParams({ payoutMultiple: 5n }));
    expect(poolView(s, 0).payout).toBe(P(500n));
    const { state, ruling } = fileAndRule(s, 0, true, T0, T0);
    expect(ruling.payout).toBe(P(500n));
    expect(state.capital).toBe(P(500n));
    expect(state.pools[1]!.active + state.pools[2]!.active).toBe(P(200n));
    expect(ruling.shareWipe).toBe(false);
  });

  describe('specExample8: claims that take all of C with shares outstanding', () => {
    test('a new deposit of 100 owns all of C = 100', () => {
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

    test('twenty wipes in a row, with dust remainders, leave deposits working and the supply bounded', () => {
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
        expect(convertToAssets(dep.shares, dep.state.capital, dep.state.shareSupply)).toBeLessThanOrEqual(amount + before);
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

  describe('specExample9: one token of cover alone in C = 1 000 000', () => {
    test('payoutMultiple 0: P 1 000 000, u 0.0001 %, about 20 000 a year, lapses within the first hour', () => {
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

    test('payoutMultiple 5: the same token pays about 0.1 a year', () => {
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
