/** SPEC §9 worked numbers of claims that take all of C and of a sham claim (examples 8 and 11), each with the SPEC's exact wei. */
import { describe, expect, test } from "vitest";

import { fileClaim, redeemPayout, resolveClaim } from "./claim";
import { fileAndRule } from "./claimFlow.testkit";
import { DAY } from "./constants";
import { unwrap } from "./errors";
import { buyProtection } from "./protection";
import { convertToAssets, deposit, sharesInCurrentEpoch } from "./shares";
import { P } from "./spec.fixtures";
import { newMetaPool } from "./state";
import { dueCount, effectiveMaturity, sync } from "./sync";
import { exampleParams, ONE, prng, stateAt, T0, ZERO_CURVE } from "./testkit";

describe("SPEC §9 worked numbers", () => {
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
