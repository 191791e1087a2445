/** SPEC §9 worked numbers of the purchase and withdrawal queues (examples 5, 6 and 10), each with the SPEC's exact wei. */
import { describe, expect, test } from "vitest";

import { fileClaim, resolveClaim } from "./claim";
import { claimOf, fileAndRule } from "./claimFlow.testkit";
import { DAY, HOUR } from "./constants";
import { unwrap } from "./errors";
import { poolView } from "./poolView";
import { quotePurchase } from "./projection";
import { buyProtection, purchaseCapacity, withdrawProtection } from "./protection";
import { convertToAssets, deposit } from "./shares";
import { P } from "./spec.fixtures";
import { newMetaPool } from "./state";
import { dueCount, effectiveMaturity, sync } from "./sync";
import { exampleParams, stateAt, T0, ZERO_CURVE } from "./testkit";
import { cancelWithdrawal, completeWithdrawal, requestWithdrawal } from "./withdrawal";

describe("SPEC §9 worked numbers", () => {
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
});
