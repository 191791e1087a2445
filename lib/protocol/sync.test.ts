import { describe, expect, test } from "vitest";

import { fileClaim, resolveClaim } from "./claim";
import { claimOf } from "./claimFlow.testkit";
import { DAY, HOUR, MAX_SYNC_ITEMS, WAD, YEAR } from "./constants";
import { unwrap } from "./errors";
import { ceilDiv } from "./math";
import { poolView } from "./poolView";
import { buyProtection, refundFrozenPurchase } from "./protection";
import { deposit } from "./shares";
import { shutdown } from "./shutdown";
import { newMetaPool, type MetaPoolState } from "./state";
import { dueCount, effectiveMaturity, poke, projectTo, sync } from "./sync";
import { exampleParams, ONE, stateAt, T0, ZERO_CURVE } from "./testkit";
import { completeWithdrawal, requestWithdrawal } from "./withdrawal";

const P = (n: bigint) => n * ONE;

/** `count` purchases of `amount` in pool 0, one a second from `from`. */
function buyMany(s: MetaPoolState, count: number, amount: bigint, from: bigint): MetaPoolState {
  for (let k = 0; k < count; k++) s = unwrap(buyProtection(s, 0, amount, from + BigInt(k))).state;
  return s;
}

describe("sync", () => {
  test("a maturing mint that would overflow the uint128 cover supply is refunded in full, as on chain", () => {
    const s0 = stateAt(T0, P(1000n), [P(100n)], exampleParams({ curve: ZERO_CURVE }));
    // K far below the supply (zero rates: no charge can lapse it first).
    s0.pools[0]!.supply = (1n << 128n) - 1000n;
    const s1 = unwrap(buyProtection(s0, 0, P(10n), T0)).state;
    const out = unwrap(sync(s1, T0 + DAY));
    expect(out.matured[0]!.tokens).toBe(0n);
    expect(out.state.pools[0]!.active).toBe(P(100n));
    expect(out.state.pools[0]!.supply).toBe((1n << 128n) - 1000n);
    expect(out.state.refundsOwed).toBe(s1.refundsOwed + P(10n));
  });

  test("nothing happens in the same second; time cannot go back", () => {
    const s = stateAt(T0, P(1000n), [P(100n)]);
    const out = unwrap(sync(s, T0));
    expect(out.state).toEqual(s);
    expect(() => sync(s, T0 - 1n)).toThrow(RangeError);
  });

  test("inputs are never mutated", () => {
    const s = stateAt(T0, P(1000n), [P(100n)]);
    const copy = structuredClone(s);
    unwrap(sync(s, T0 + DAY));
    expect(s).toEqual(copy);
  });

  test("a purchase matures at maturesAt inside a longer sync, exactly as if a sync had run then", () => {
    const s0 = stateAt(T0, P(1000n), [P(100n), P(100n)]);
    const s1 = unwrap(buyProtection(s0, 0, P(100n), T0)).state;
    const once = unwrap(sync(s1, T0 + 3n * DAY));
    const twice = unwrap(sync(unwrap(sync(s1, T0 + DAY)).state, T0 + 3n * DAY));
    expect(once.state).toEqual(twice.state);
    expect(once.matured).toHaveLength(1);
    expect(once.matured[0]!.at).toBe(T0 + DAY);
    // Tokens minted at supply / K after a day of premium: more than 1:1.
    expect(once.matured[0]!.tokens).toBeGreaterThan(P(100n));
  });

  test("speeds are fixed when the sync begins and re-fixed after each maturity", () => {
    const s0 = stateAt(T0, P(1000n), [P(100n), P(100n)]);
    const s1 = unwrap(buyProtection(s0, 0, P(100n), T0)).state;
    const out = unwrap(sync(s1, T0 + 2n * DAY));
    // Pool 1 for day 1 at speed fixed at T0, then day 2 at the speed after the maturity.
    const before = poolView(s1, 1).premiumSpeed;
    const mid = unwrap(sync(s1, T0 + DAY)).state;
    const after = poolView(mid, 1).premiumSpeed;
    expect(after).not.toBe(before);
    const owed = ceilDiv(before * DAY, YEAR) + ceilDiv(after * DAY, YEAR);
    expect(out.state.pools[1]!.owedWad).toBe(owed);
    expect(out.state.pools[1]!.charged).toBe(ceilDiv(owed, WAD));
  });

  test("queue order; a partly accepted purchase refunds the rest", () => {
    const params = exampleParams({ curve: ZERO_CURVE, withdrawalPeriod: HOUR });
    let s = unwrap(deposit(newMetaPool(params, 2, T0), P(1000n), T0)).state;
    s = unwrap(buyProtection(s, 0, P(600n), T0)).state;
    s = unwrap(buyProtection(s, 1, P(400n), T0 + 1n)).state;
    // The underwriter leaves with 300 while the purchases wait: pending purchases hold nothing back.
    const req = unwrap(requestWithdrawal(s, P(300n), P(1000n), T0 + 1n));
    s = unwrap(completeWithdrawal(req.state, req.request, P(300n), req.request.unlockAt)).state;
    const out = unwrap(sync(s, T0 + 2n * DAY));
    expect(out.matured.map((m) => [m.poolId, m.accepted, m.refund])).toEqual([
      [0, P(600n), 0n],
      [1, P(100n), P(300n)],
    ]);
    expect(out.state.refundsOwed).toBe(P(300n));
    expect(out.state.pools.map((p) => p.pending)).toEqual([0n, 0n]);
  });

  test("more than 16 due purchases revert SyncRequired(due − 16); poke works through them in batches", () => {
    const start = T0;
    let s = unwrap(deposit(newMetaPool(exampleParams(), 1, start), P(1000n), start)).state;
    s = buyMany(s, MAX_SYNC_ITEMS + 4, P(10n), start);
    const now = start + DAY + 100n;
    expect(dueCount(s, now)).toBe(20);
    const refused = sync(s, now);
    expect(refused).toEqual({ ok: false, error: { name: "SyncRequired", remaining: 4 } });
    expect(poke(s, now, 0)).toEqual({ ok: false, error: { name: "InvalidMaxItems", maxItems: 0 } });
    expect(poke(s, now, 17)).toEqual({ ok: false, error: { name: "InvalidMaxItems", maxItems: 17 } });

    const batch = unwrap(poke(s, now, 5));
    expect(batch.processed).toBe(5);
    expect(batch.remaining).toBe(15);
    // A batch that leaves entries due ends at the last processed maturity time.
    expect(batch.state.lastSyncAt).toBe(start + DAY + 4n);
    const rest = unwrap(sync(batch.state, now));
    expect(rest.processed).toBe(15);
    expect(rest.state.lastSyncAt).toBe(now);
    expect(rest.state.pools[0]!.active).toBeGreaterThan(P(199n));

    // Batches of 16 end in the same state as a view's projection, which processes everything.
    const first = unwrap(poke(s, now, 16));
    expect(first.remaining).toBe(4);
    const all = unwrap(poke(first.state, now, 16));
    expect(all.remaining).toBe(0);
    expect(all.state.lastSyncAt).toBe(now);
    expect(projectTo(s, now)).toEqual(all.state);
  });

  test("refunded entries are skipped but count toward the 16; frozen purchases never cause SyncRequired", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    let s = stateAt(T0, P(1000n), [P(100n)], params);
    s = buyMany(s, 17, P(10n), T0 + 1n);
    s = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: P(100n), now: T0 + HOUR })).state;
    const frozenAt = T0 + 2n * DAY;
    expect(unwrap(sync(s, frozenAt)).matured).toEqual([]);
    s = unwrap(refundFrozenPurchase(s, s.queue[0]!.id, frozenAt)).state;
    expect(s.pools[0]!.pending).toBe(P(160n));
    // Rule the claim invalid: the 17 entries restart their delay and come due together a delay after the ruling.
    const ruled = unwrap(resolveClaim(s, { claimId: claimOf(s).id, valid: false, now: frozenAt })).state;
    const restartedAt = frozenAt + params.purchaseDelay;
    expect(dueCount(ruled, restartedAt - 1n)).toBe(0);
    expect(sync(ruled, restartedAt)).toEqual({ ok: false, error: { name: "SyncRequired", remaining: 1 } });
    const first = unwrap(poke(ruled, restartedAt, 16));
    expect(first.processed).toBe(16);
    expect(first.matured).toHaveLength(15);
    expect(first.matured.every((m) => m.at === restartedAt)).toBe(true);
    const second = unwrap(sync(first.state, restartedAt + 1n));
    expect(second.matured).toHaveLength(1);
    expect(second.state.pools[0]!.active).toBe(P(260n));
  });

  test("a freeze ends with the last pending claim: ruling the first of two restarts nothing yet", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    let s = stateAt(T0, P(1000n), [P(100n), P(100n)], params);
    s = unwrap(buyProtection(s, 0, P(10n), T0)).state;
    s = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: P(100n), now: T0 + HOUR })).state;
    s = unwrap(fileClaim(s, { poolId: 1, incidentTime: T0, filerTokens: P(100n), now: T0 + 2n * HOUR })).state;
    const one = unwrap(resolveClaim(s, { claimId: 1n, valid: false, now: T0 + 2n * DAY })).state;
    expect(one.freezeEndedAt).toBe(0n);
    expect(one.lastRulingAt).toBe(T0 + 2n * DAY);
    const both = unwrap(resolveClaim(one, { claimId: 2n, valid: false, now: T0 + 3n * DAY })).state;
    expect(both.freezeEndedAt).toBe(T0 + 3n * DAY);
    expect(effectiveMaturity(both, both.queue[0]!)).toBe(T0 + 4n * DAY);
    expect(unwrap(sync(both, T0 + 4n * DAY)).matured[0]).toMatchObject({ at: T0 + 4n * DAY, accepted: P(10n) });
  });

  test("purchases bought after a freeze ended keep their own maturity", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    let s = stateAt(T0, P(1000n), [P(100n)], params);
    s = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: P(100n), now: T0 + HOUR })).state;
    s = unwrap(resolveClaim(s, { claimId: 1n, valid: false, now: T0 + 2n * HOUR })).state;
    const later = unwrap(buyProtection(s, 0, P(10n), T0 + 5n * HOUR));
    expect(later.purchase.maturesAt).toBe(T0 + 5n * HOUR + DAY);
    expect(effectiveMaturity(later.state, later.purchase)).toBe(T0 + 5n * HOUR + DAY);
    expect(unwrap(sync(later.state, T0 + 5n * HOUR + DAY)).matured[0]).toMatchObject({ at: T0 + 5n * HOUR + DAY });
  });

  test("before any freeze the effective maturity is maturesAt; a shutdown ends a freeze too but nothing matures after it", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    const s = stateAt(T0, P(1000n), [P(100n)], params);
    expect(s.freezeEndedAt).toBe(0n);
    const bought = unwrap(buyProtection(s, 0, P(10n), T0));
    expect(effectiveMaturity(bought.state, bought.purchase)).toBe(T0 + DAY);
    const down = unwrap(shutdown(bought.state, { byArbiter: true, now: T0 + HOUR })).state;
    expect(down.freezeEndedAt).toBe(T0 + HOUR);
    expect(dueCount(down, T0 + 9n * DAY)).toBe(0);
  });

  test("a claim pending on a pool accrues its premium without charging it; other pools pay as usual", () => {
    const s = stateAt(T0, P(1000n), [P(100n), P(100n)]);
    const filed = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: P(100n), now: T0 })).state;
    const out = unwrap(sync(filed, T0 + DAY));
    expect(out.charged[0]).toBe(0n);
    expect(out.charged[1]).toBeGreaterThan(0n);
    expect(out.state.pools[0]!.active).toBe(P(100n));
    expect(out.state.pools[0]!.owedWad).toBe(out.state.pools[1]!.owedWad);
  });

  test("a lapsed pool gets speed 0; the next purchase opens a new epoch with a fresh accumulator", () => {
    let s = stateAt(T0, P(1_000_000n), [ONE]);
    const lapsed = unwrap(sync(s, T0 + HOUR));
    expect(lapsed.lapsed).toHaveLength(1);
    s = lapsed.state;
    expect(poolView(s, 0).premiumSpeed).toBe(0n);
    expect(s.closedEpochs[0]).toMatchObject({ poolId: 0, epoch: 0n, reason: "lapse" });
    s = unwrap(buyProtection(s, 0, P(10n), T0 + HOUR)).state;
    const reopened = unwrap(sync(s, T0 + HOUR + DAY));
    expect(reopened.matured[0]).toMatchObject({ openedEpoch: true, epoch: 1n, tokens: P(10n) });
    expect(reopened.state.pools[0]).toMatchObject({
      epoch: 1n,
      epochOpenedAt: T0 + HOUR + DAY,
      owedWad: 0n,
      charged: 0n,
    });
  });

  test("a matured purchase into a pool with no capital left is refunded whole and opens nothing", () => {
    const params = exampleParams({ curve: ZERO_CURVE, withdrawalPeriod: HOUR });
    let s = unwrap(deposit(newMetaPool(params, 1, T0), P(100n), T0)).state;
    s = unwrap(buyProtection(s, 0, P(100n), T0)).state;
    const req = unwrap(requestWithdrawal(s, P(100n), P(100n), T0));
    s = unwrap(completeWithdrawal(req.state, req.request, P(100n), req.request.unlockAt)).state;
    const out = unwrap(sync(s, T0 + DAY));
    expect(out.matured[0]).toMatchObject({ accepted: 0n, refund: P(100n), tokens: 0n, openedEpoch: false });
    expect(out.state.pools[0]).toMatchObject({ active: 0n, pending: 0n, epochOpenedAt: 0n, supply: 0n, epoch: 0n });
  });
});
