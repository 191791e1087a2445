import { describe, expect, test } from "vitest";

import { fileClaim } from "./claim";
import { fileAndRule } from "./claimFlow.testkit";
import { DAY, HOUR } from "./constants";
import { unwrap } from "./errors";
import { deposit } from "./shares";
import { shutdown } from "./shutdown";
import { newMetaPool } from "./state";
import { exampleParams, ONE, stateAt, T0, ZERO_CURVE } from "./testkit";
import {
  cancelWithdrawal,
  completeWithdrawal,
  exit,
  previewWithdrawal,
  requestWithdrawal,
  withdrawalWindow,
} from "./withdrawal";

const P = (n: bigint) => n * ONE;
const params = exampleParams({ curve: ZERO_CURVE, withdrawalPeriod: DAY });

function requested(active: bigint[] = [P(100n)]) {
  const s = stateAt(T0, P(1000n), active, params);
  return unwrap(requestWithdrawal(s, P(500n), P(1000n), T0));
}

describe("withdrawal", () => {
  test("a request records shares, assetsAtRequest and unlockAt; the shares stay in the supply", () => {
    const { state, request } = requested();
    expect(request).toEqual({ shares: P(500n), assetsAtRequest: P(500n), unlockAt: T0 + DAY, shareEpoch: 0n });
    expect(state.shareSupply).toBe(P(1000n));
  });

  test("requests need shares the holder has", () => {
    const s = stateAt(T0, P(1000n), [P(100n)], params);
    expect(requestWithdrawal(s, 0n, P(1n), T0)).toEqual({ ok: false, error: { name: "ZeroAmount" } });
    expect(requestWithdrawal(s, P(2n), P(1n), T0)).toEqual({
      ok: false,
      error: { name: "InsufficientShares", requested: P(2n), balance: P(1n) },
    });
  });

  test("locked before unlockAt, open for 7 days after, then only cancellable", () => {
    const { state, request } = requested();
    expect(completeWithdrawal(state, request, P(1n), T0 + DAY - 1n)).toEqual({
      ok: false,
      error: { name: "WithdrawalLocked", unlockAt: T0 + DAY },
    });
    expect(completeWithdrawal(state, request, P(1n), T0 + 8n * DAY).ok).toBe(true);
    expect(completeWithdrawal(state, request, P(1n), T0 + 8n * DAY + 1n)).toEqual({
      ok: false,
      error: { name: "WithdrawalWindowClosed", windowEnd: T0 + 8n * DAY },
    });
    expect(cancelWithdrawal(state, request, T0 + 30n * DAY).ok).toBe(true);
  });

  test("a later claim ruling reopens the window for 7 days", () => {
    const { state, request } = requested([P(100n), P(100n)]);
    const late = T0 + 20n * DAY;
    const { state: ruled } = fileAndRule(state, 1, false, late, late);
    expect(withdrawalWindow(ruled, request)).toEqual({ opensAt: T0 + DAY, closesAt: late + 7n * DAY });
    expect(completeWithdrawal(ruled, request, P(500n), late + 7n * DAY).ok).toBe(true);
  });

  test("a pending claim blocks completion but not requests or cancellations", () => {
    const { state, request } = requested();
    const filed = unwrap(fileClaim(state, { poolId: 0, incidentTime: T0, filerTokens: P(1n), now: T0 + DAY })).state;
    expect(completeWithdrawal(filed, request, P(1n), T0 + DAY)).toEqual({
      ok: false,
      error: { name: "ClaimPending", claimId: 1n },
    });
    expect(requestWithdrawal(filed, P(1n), P(500n), T0 + DAY).ok).toBe(true);
    expect(cancelWithdrawal(filed, request, T0 + DAY).ok).toBe(true);
  });

  test("payments are capped by the free capital C − Σ K", () => {
    const s = stateAt(T0, P(1000n), [P(600n)], params);
    const { state, request } = unwrap(requestWithdrawal(s, P(500n), P(1000n), T0));
    expect(completeWithdrawal(state, request, P(500n), T0 + DAY)).toEqual({
      ok: false,
      error: { name: "InsufficientFreeCapital", available: P(400n) },
    });
    const part = unwrap(completeWithdrawal(state, request, P(400n), T0 + DAY));
    expect(part.assets).toBe(P(400n));
  });

  test("completion in parts shrinks the request pro rata and never pays more than at once", () => {
    const { state, request } = requested();
    const lifted = { ...state, capital: state.capital + P(3n) };
    const first = unwrap(completeWithdrawal(lifted, request, P(100n) + 1n, T0 + DAY));
    expect(first.request.shares).toBe(P(400n) - 1n);
    expect(first.request.assetsAtRequest).toBe((P(500n) * (P(400n) - 1n)) / P(500n));
    const second = unwrap(completeWithdrawal(first.state, first.request, first.request.shares, T0 + DAY));
    const whole = unwrap(completeWithdrawal(lifted, request, P(500n), T0 + DAY));
    expect(first.assets + second.assets).toBeLessThanOrEqual(whole.assets);
    expect(whole.assets).toBe(P(500n));
    expect(second.request).toMatchObject({ shares: 0n, assetsAtRequest: 0n });
  });

  test("requested shares bear losses: a claim lowers what they pay", () => {
    // Example 7's MetaPool (payoutMultiple 5): a claim takes 500 of C = 1000.
    const s = stateAt(
      T0,
      P(1000n),
      [P(100n), P(100n), P(100n)],
      exampleParams({ curve: ZERO_CURVE, withdrawalPeriod: DAY, payoutMultiple: 5n }),
    );
    const { state, request } = unwrap(requestWithdrawal(s, P(500n), P(1000n), T0));
    const { state: ruled } = fileAndRule(state, 0, true, T0, T0);
    expect(ruled.capital).toBe(P(500n));
    const out = unwrap(completeWithdrawal(ruled, request, P(500n), T0 + DAY));
    expect(out.assets).toBe((P(500n) * (P(500n) + 1n)) / (P(1000n) + 1n));
    expect(previewWithdrawal(ruled, request, P(500n))).toBe(out.assets);
  });

  test("after shutdown a request pays at once under the min rule, with no window and no cap", () => {
    const { state, request } = requested([P(900n)]);
    const down = unwrap(shutdown(state, { byArbiter: true, now: T0 })).state;
    const paid = unwrap(completeWithdrawal(down, request, P(500n), T0));
    expect(paid.assets).toBe(P(500n));
  });

  test("exit pays convertToAssets after shutdown only", () => {
    const s = unwrap(deposit(newMetaPool(params, 1, T0), P(1000n), T0)).state;
    expect(exit(s, P(1n), P(1000n), T0)).toEqual({ ok: false, error: { name: "MetaPoolNotShutDown" } });
    const down = unwrap(shutdown(s, { byArbiter: true, now: T0 })).state;
    const out = unwrap(exit(down, P(400n), P(1000n), T0));
    expect(out.assets).toBe(P(400n));
    expect(out.state).toMatchObject({ capital: P(600n), shareSupply: P(600n) });
  });

  test("cancelling after losses returns every share; after gains it burns what they would have earned", () => {
    const { state, request } = requested([P(100n), P(100n)]);
    const { state: ruled } = fileAndRule(state, 0, true, T0, T0); // C 1000 → 100 + … loss
    const loss = unwrap(cancelWithdrawal(ruled, request, T0 + HOUR));
    expect(loss).toMatchObject({ returned: P(500n), burned: 0n });
    const gain = unwrap(cancelWithdrawal({ ...state, capital: P(2000n) }, request, T0 + HOUR));
    expect(gain.returned).toBe((P(500n) * (P(1000n) + 1n)) / (P(2000n) + 1n));
    expect(gain.returned + gain.burned).toBe(P(500n));
  });
});
