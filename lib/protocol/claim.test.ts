import { describe, expect, test } from "vitest";

import { fileClaim, premiumDebt, redeemPayout, resolveClaim } from "./claim";
import { fileAndRule } from "./claimFlow.testkit";
import { DAY, HOUR } from "./constants";
import { unwrap } from "./errors";
import { splitPremium } from "./premium";
import { buyProtection, withdrawProtection } from "./protection";
import { deposit } from "./shares";
import { sync } from "./sync";
import { exampleParams, ONE, stateAt, T0 } from "./testkit";

const P = (n: bigint) => n * ONE;
const example1 = () => stateAt(T0, P(1000n), [P(100n), P(100n), P(100n)]);
const file = (s: ReturnType<typeof example1>, poolId: number, now: bigint, incidentTime = T0) =>
  fileClaim(s, { poolId, incidentTime, filerTokens: ONE, now });

describe("fileClaim", () => {
  test("records the claim and its bond", () => {
    const { claim, state } = unwrap(file(example1(), 1, T0 + HOUR));
    expect(claim).toEqual({ id: 1n, poolId: 1, incidentTime: T0, filedAt: T0 + HOUR, bond: ONE });
    expect(state.nextClaimId).toBe(2n);
  });

  test("needs cover in force, a holder and an incident inside the epoch", () => {
    const s = stateAt(T0, P(1000n), [P(100n), 0n]);
    expect(file(s, 1, T0)).toEqual({ ok: false, error: { name: "NoActiveCover", poolId: 1 } });
    expect(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: 0n, now: T0 })).toEqual({
      ok: false,
      error: { name: "NotCoverHolder", poolId: 0 },
    });
    expect(file(s, 0, T0 + 5n, T0 - 1n)).toEqual({
      ok: false,
      error: { name: "IncidentBeforeEpoch", incidentTime: T0 - 1n, epochOpenedAt: T0 },
    });
    expect(file(s, 0, T0 + 5n, T0 + 6n)).toEqual({
      ok: false,
      error: { name: "IncidentInFuture", incidentTime: T0 + 6n, nowTime: T0 + 5n },
    });
  });

  test("one pending claim per pool; none after shutdown", () => {
    const s = unwrap(file(example1(), 0, T0)).state;
    expect(file(s, 0, T0)).toEqual({ ok: false, error: { name: "PoolClaimPending", poolId: 0, claimId: 1n } });
    expect(file(s, 1, T0).ok).toBe(true);
    expect(file({ ...example1(), isShutDown: true }, 0, T0)).toEqual({
      ok: false,
      error: { name: "MetaPoolIsShutDown" },
    });
  });
});

describe("resolveClaim", () => {
  test("claims are ruled in filing order; the first valid one takes the unused capital", () => {
    let s = unwrap(file(example1(), 2, T0)).state;
    s = unwrap(file(s, 0, T0)).state;
    expect(resolveClaim(s, { claimId: 2n, valid: true, now: T0 })).toEqual({
      ok: false,
      error: { name: "EarlierClaimPending", claimId: 1n },
    });
    expect(resolveClaim(s, { claimId: 9n, valid: true, now: T0 })).toEqual({
      ok: false,
      error: { name: "ClaimNotPending", claimId: 9n },
    });
    const first = unwrap(resolveClaim(s, { claimId: 1n, valid: true, now: T0 }));
    expect(first.ruling.payout).toBe(P(800n));
    const second = unwrap(resolveClaim(first.state, { claimId: 2n, valid: true, now: T0 }));
    expect(second.ruling.payout).toBe(P(100n)); // F is 0 now: only its own cover
    expect(second.state.capital).toBe(P(100n));
  });

  test("invalid: the bond goes to C and the premium owed during the claim is charged from K", () => {
    const s = unwrap(file(example1(), 0, T0)).state;
    const later = unwrap(sync(s, T0 + DAY)).state;
    const debt = premiumDebt(later.pools[0]!);
    expect(debt).toBe(71_232_876_712_328_768n); // example 3's day of premium, owed not charged
    const { state, ruling } = unwrap(resolveClaim(later, { claimId: 1n, valid: false, now: T0 + DAY }));
    expect(ruling.premiumCharged).toBe(debt);
    expect(state.pools[0]!.active).toBe(P(100n) - debt);
    expect(state.capital - later.capital).toBe(ONE + splitPremium(debt, 500n, 500n).capital);
    expect(state.lastRulingAt).toBe(T0 + DAY);
  });

  test("invalid: the debt may lapse the pool, and the bond still goes to C", () => {
    const s = stateAt(T0, P(1_000_000n), [ONE]);
    const filed = unwrap(file(s, 0, T0)).state;
    const hour = unwrap(sync(filed, T0 + HOUR));
    expect(hour.lapsed).toEqual([]); // cannot lapse while its claim is pending
    const { state, ruling } = unwrap(resolveClaim(hour.state, { claimId: 1n, valid: false, now: T0 + HOUR }));
    expect(ruling.closedEpoch).toMatchObject({ reason: "lapse", remaining: 0n });
    expect(ruling.premiumCharged).toBe(ONE);
    expect(ruling.premiumForgiven).toBeGreaterThan(0n);
    expect(state.pools[0]).toMatchObject({ active: 0n, supply: 0n, epoch: 1n });
  });

  test("valid: holders redeem K + P less the premium owed during the claim; the C part of it returns to C", () => {
    const s = unwrap(file(example1(), 0, T0)).state;
    const { state, ruling } = unwrap(resolveClaim(s, { claimId: 1n, valid: true, now: T0 + DAY }));
    const debt = 71_232_876_712_328_768n;
    const other = 99_928_767_123_287_671_232n; // B and C were charged as in example 3
    // P = K_A + F = C − K_B − K_C, with C lifted by B's and C's premium.
    expect(ruling.payout).toBe(P(1000n) + 2n * 64_109_589_041_095_892n - 2n * other);
    expect(ruling.premiumCharged).toBe(debt);
    expect(ruling.closedEpoch!.remaining).toBe(P(100n) + ruling.payout - debt);
    expect(state.capital).toBe(2n * other + splitPremium(debt, 500n, 500n).capital);
    const half = redeemPayout(ruling.closedEpoch!, P(50n));
    expect(half.assets).toBe(ruling.closedEpoch!.remaining / 2n);
    expect(redeemPayout(half.closed, P(50n)).assets).toBe(ruling.closedEpoch!.remaining - half.assets);
  });

  test("valid with no tokens left: nothing is taken from C", () => {
    const s = unwrap(file(example1(), 0, T0)).state;
    const out = unwrap(withdrawProtection(s, 0, P(100n), P(100n), T0));
    expect(out.assets).toBe(P(100n));
    const { state, ruling } = unwrap(resolveClaim(out.state, { claimId: 1n, valid: true, now: T0 }));
    expect(ruling.payout).toBe(0n);
    expect(state.capital).toBe(P(1000n));
    expect(state.pools[0]!.epoch).toBe(1n);
  });

  test("valid: every pending purchase of the MetaPool becomes refundable, and pool i restarts empty", () => {
    let s = example1();
    s = unwrap(buyProtection(s, 0, P(10n), T0)).state;
    s = unwrap(buyProtection(s, 2, P(20n), T0)).state;
    const { state, ruling } = fileAndRule(s, 0, true, T0 + HOUR, T0 + 2n * HOUR);
    expect(ruling.refunded).toBe(P(30n));
    expect(state.pools.map((p) => p.pending)).toEqual([0n, 0n, 0n]);
    expect(state.pools[0]).toMatchObject({ active: 0n, supply: 0n, owedWad: 0n, charged: 0n, epochOpenedAt: 0n });
    // The MetaPool goes on: the next purchase opens epoch 1 of pool 0.
    const next = unwrap(
      buyProtection(unwrap(deposit(state, P(100n), T0 + 3n * HOUR)).state, 0, P(10n), T0 + 3n * HOUR),
    ).state;
    const matured = unwrap(sync(next, T0 + 3n * HOUR + DAY));
    expect(matured.matured[0]).toMatchObject({ epoch: 1n, openedEpoch: true });
  });

  test("fileClaim itself is refused while the queue needs a poke", () => {
    let s = stateAt(T0, P(1000n), [P(100n)], exampleParams());
    for (let k = 0n; k < 17n; k++) s = unwrap(buyProtection(s, 0, P(10n), T0 + k)).state;
    expect(file(s, 0, T0 + 2n * DAY)).toEqual({ ok: false, error: { name: "SyncRequired", remaining: 1 } });
  });
});
