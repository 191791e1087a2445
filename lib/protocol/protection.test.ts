import { describe, expect, test } from "vitest";

import { fileClaim, premiumDebt, resolveClaim } from "./claim";
import { DAY, HOUR } from "./constants";
import { unwrap } from "./errors";
import {
  buyBlocker,
  buyProtection,
  pendingAhead,
  purchaseCapacity,
  refundFrozenPurchase,
  underlyingOf,
  withdrawProtection,
} from "./protection";
import { sync } from "./sync";
import { exampleParams, ONE, stateAt, T0, ZERO_CURVE } from "./testkit";

const P = (n: bigint) => n * ONE;
const example1 = () => stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);

describe("buyProtection", () => {
  test("escrows the amount until now + purchaseDelay", () => {
    const { state, purchase } = unwrap(buyProtection(example1(), 1, P(50n), T0));
    expect(purchase).toEqual({ id: 4n, poolId: 1, amount: P(50n), maturesAt: T0 + DAY, refunded: false });
    expect(state.pools[1]!.pending).toBe(P(50n));
  });

  test("pending purchases reserve nothing: capacity is C − Σ K, and Σ R is what is queued ahead", () => {
    // Zero rates, so no premium moves C while the purchases wait.
    const zero = stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)], exampleParams({ curve: ZERO_CURVE }));
    const s = unwrap(buyProtection(zero, 1, P(650n), T0)).state;
    expect(purchaseCapacity(s)).toBe(P(700n));
    expect(pendingAhead(s)).toBe(P(650n));
    expect(buyProtection(s, 0, P(701n), T0)).toEqual({
      ok: false,
      error: { name: "CapacityExceeded", available: P(700n) },
    });
    const both = unwrap(buyProtection(s, 0, P(700n), T0 + 1n)).state;
    expect(pendingAhead(both)).toBe(P(1350n));
    // Maturing in queue order decides: the 650 first, then 50 of the 700; the other 650 is refundable.
    const out = unwrap(sync(both, T0 + 1n + DAY));
    expect(out.matured.map((m) => [m.poolId, m.accepted, m.refund])).toEqual([
      [1, P(650n), 0n],
      [0, P(50n), P(650n)],
    ]);
    expect(purchaseCapacity(out.state)).toBe(0n);
  });

  test("capacity is never negative (capital below Σ K after shutdown clamps at 0)", () => {
    const s = example1();
    expect(purchaseCapacity({ ...s, capital: P(200n) })).toBe(0n);
  });

  test("refuses zero, amounts below minPurchase, pending claims and shutdown", () => {
    const s = example1();
    expect(buyBlocker(s, 0, 0n)).toEqual({ name: "ZeroAmount" });
    expect(buyBlocker(s, 0, ONE / 100n - 1n)).toEqual({
      name: "BelowMinPurchase",
      amount: ONE / 100n - 1n,
      minPurchase: ONE / 100n,
    });
    expect(buyBlocker({ ...s, isShutDown: true }, 0, ONE)).toEqual({ name: "MetaPoolIsShutDown" });
    const filed = unwrap(fileClaim(s, { poolId: 2, incidentTime: T0, filerTokens: ONE, now: T0 })).state;
    expect(buyBlocker(filed, 0, ONE)).toEqual({ name: "ClaimPending", claimId: 1n });
    expect(() => buyBlocker(s, 7, ONE)).toThrow(RangeError);
  });

  test("only a purchase that came due during a freeze can be taken back at once", () => {
    const bought = unwrap(buyProtection(example1(), 1, P(50n), T0));
    const id = bought.purchase.id;
    expect(refundFrozenPurchase(bought.state, id, T0 + HOUR)).toEqual({
      ok: false,
      error: { name: "PurchaseNotRefundable", purchaseId: id, maturesAt: T0 + DAY },
    });
    const filed = unwrap(
      fileClaim(bought.state, { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 + HOUR }),
    ).state;
    expect(refundFrozenPurchase(filed, id, T0 + HOUR).ok).toBe(false); // not due yet
    const refund = unwrap(refundFrozenPurchase(filed, id, T0 + DAY));
    expect(refund.amount).toBe(P(50n));
    expect(refund.state.pools[1]!.pending).toBe(0n);
    expect(refundFrozenPurchase(refund.state, id, T0 + DAY).ok).toBe(false); // once
  });

  test("a restarted purchase frozen again is due, and refundable by its buyer, only from its restarted maturity", () => {
    const bought = unwrap(buyProtection(example1(), 1, P(50n), T0));
    const id = bought.purchase.id;
    const first = unwrap(
      fileClaim(bought.state, { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 + HOUR }),
    ).state;
    // Ruled invalid at T0 + 2 days: the purchase (due at T0 + 1 day) restarts to T0 + 3 days.
    const ruled = unwrap(resolveClaim(first, { claimId: 1n, valid: false, now: T0 + 2n * DAY })).state;
    const second = unwrap(
      fileClaim(ruled, { poolId: 2, incidentTime: T0, filerTokens: ONE, now: T0 + 2n * DAY + HOUR }),
    ).state;
    // Its original maturesAt has passed, but it is not due: the refund names the restarted time.
    expect(refundFrozenPurchase(second, id, T0 + 2n * DAY + HOUR)).toEqual({
      ok: false,
      error: { name: "PurchaseNotRefundable", purchaseId: id, maturesAt: T0 + 3n * DAY },
    });
    expect(refundFrozenPurchase(second, id, T0 + 3n * DAY - 1n).ok).toBe(false);
    expect(unwrap(refundFrozenPurchase(second, id, T0 + 3n * DAY)).amount).toBe(P(50n));
  });
});

describe("withdrawProtection", () => {
  test("pays floor(tokens × K / supply) and lowers K", () => {
    const s = unwrap(sync(example1(), T0 + DAY)).state;
    const k = s.pools[0]!.active;
    const out = unwrap(withdrawProtection(s, 0, P(30n), P(100n), T0 + DAY));
    expect(out.assets).toBe((P(30n) * k) / P(100n));
    expect(out.state.pools[0]).toMatchObject({ active: k - out.assets, supply: P(70n) });
    expect(out.premiumCharged).toBe(0n);
  });

  test("needs the tokens", () => {
    const s = example1();
    expect(withdrawProtection(s, 0, 0n, P(1n), T0)).toEqual({ ok: false, error: { name: "ZeroAmount" } });
    expect(withdrawProtection(s, 0, P(2n), P(1n), T0)).toEqual({
      ok: false,
      error: { name: "InsufficientCover", requested: P(2n), balance: P(1n) },
    });
  });

  test("with a claim pending on the pool: charges ceil(tokens × debt / supply) as premium, pays floor(tokens × (K − debt) / supply)", () => {
    const filed = unwrap(fileClaim(example1(), { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 })).state;
    const s = unwrap(sync(filed, T0 + DAY)).state;
    const debt = premiumDebt(s.pools[0]!);
    expect(debt).toBe(71_232_876_712_328_768n);
    const tokens = P(30n);
    expect(underlyingOf(s, 0, tokens)).toBe((tokens * (P(100n) - debt)) / P(100n));
    const out = unwrap(withdrawProtection(s, 0, tokens, tokens, T0 + DAY));
    const share = (tokens * debt + P(100n) - 1n) / P(100n);
    expect(out.premiumCharged).toBe(share);
    expect(out.assets).toBe((tokens * (P(100n) - debt)) / P(100n));
    // The remaining holders keep their value per token and their share of the debt.
    const rest = out.state.pools[0]!;
    expect(rest.active).toBe(P(100n) - out.assets - share);
    expect(premiumDebt(rest)).toBe(debt - share);
    expect(underlyingOf(out.state, 0, P(70n))).toBeGreaterThanOrEqual(underlyingOf(s, 0, P(70n)));
  });

  test("an epoch emptied by withdrawals closes; the next maturity opens a fresh one", () => {
    const out = unwrap(withdrawProtection(example1(), 1, P(100n), P(100n), T0 + HOUR));
    expect(out.state.pools[1]).toMatchObject({
      active: 0n,
      supply: 0n,
      epoch: 1n,
      epochOpenedAt: 0n,
      owedWad: 0n,
      charged: 0n,
    });
    expect(out.state.closedEpochs).toEqual([]); // nobody left to redeem
    const bought = unwrap(buyProtection(out.state, 1, P(10n), T0 + HOUR)).state;
    const matured = unwrap(sync(bought, T0 + HOUR + DAY));
    expect(matured.matured[0]).toMatchObject({ openedEpoch: true, epoch: 1n, tokens: P(10n) });
    expect(matured.state.pools[1]).toMatchObject({
      epoch: 1n,
      epochOpenedAt: T0 + HOUR + DAY,
      owedWad: 0n,
      charged: 0n,
    });
  });

  test("works after shutdown, for the whole deposit", () => {
    const s = { ...example1(), isShutDown: true };
    expect(unwrap(withdrawProtection(s, 2, P(100n), P(100n), T0 + DAY)).assets).toBe(P(100n));
  });
});
