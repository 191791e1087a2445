import { describe, expect, it } from "vitest";

import { formatDateTime } from "@/lib/format";
import { convertToAssets } from "@/lib/protocol";

import {
  checkDeposit,
  checkWithdrawalRequest,
  claimLoss,
  depositRefusal,
  maxWithdrawableShares,
  minimumDeposit,
  netResult,
  requestPayment,
  requestStatus,
  sharesForPercent,
  type RequestQuote,
} from "./underwrite";

const ONE = 1_000_000n; // dUSD has 6 decimals
const open = { shutDown: false, pendingClaims: 0n, firstPendingClaimId: 0n };
const usd = { decimals: 6, symbol: "dUSD" };

describe("depositRefusal", () => {
  it("lets deposits through while the MetaPool is open", () => {
    expect(depositRefusal(open)).toBeNull();
  });
  it("refuses after shutdown", () => {
    expect(depositRefusal({ ...open, shutDown: true })).toMatch(/shut down: it takes no new capital/);
  });
  it("names the pending claim", () => {
    expect(depositRefusal({ ...open, pendingClaims: 1n, firstPendingClaimId: 7n })).toBe(
      "Claim #7 is pending: deposits reopen once the arbiter rules on it.",
    );
  });
});

describe("checkDeposit", () => {
  const rules = { ...usd, ...open, balance: 500n * ONE, capital: 1_000n * ONE, shareSupply: 1_000n * ONE };

  it("accepts an amount within the balance and quotes the shares it mints (as the contract: floor(a × (S + 1) / (C + 1)))", () => {
    expect(checkDeposit("100", rules)).toEqual({ ok: true, value: 100n * ONE, shares: 100n * ONE });
    const grown = { ...rules, capital: 1_250n * ONE };
    const r = checkDeposit("100", grown);
    expect(r).toEqual({
      ok: true,
      value: 100n * ONE,
      shares: (100n * ONE * (1_000n * ONE + 1n)) / (1_250n * ONE + 1n),
    });
  });

  it("mints 1:1 into an empty MetaPool", () => {
    expect(checkDeposit("2.5", { ...rules, capital: 0n, shareSupply: 0n })).toEqual({
      ok: true,
      value: 2_500_000n,
      shares: 2_500_000n,
    });
  });

  it("refuses more than the wallet holds", () => {
    expect(checkDeposit("500.000001", rules)).toEqual({
      ok: false,
      error: "Enter at most 500.00 dUSD: your wallet balance.",
    });
  });

  it("skips the balance limit while disconnected", () => {
    expect(checkDeposit("5000", { ...rules, balance: undefined }).ok).toBe(true);
  });

  it("passes the amount rules through (empty, zero, too many decimals)", () => {
    expect(checkDeposit("", rules)).toEqual({ ok: false, error: "Enter an amount." });
    expect(checkDeposit("0", rules)).toEqual({ ok: false, error: "Enter an amount greater than 0." });
    expect(checkDeposit("1.0000001", rules)).toEqual({
      ok: false,
      error: "dUSD has 6 decimals; use at most 6 digits after the point.",
    });
  });

  it("refuses with the reason when shut down or a claim is pending, before reading the amount", () => {
    expect(checkDeposit("10", { ...rules, shutDown: true })).toEqual({
      ok: false,
      error: depositRefusal({ ...open, shutDown: true }),
    });
    expect(checkDeposit("", { ...rules, pendingClaims: 2n, firstPendingClaimId: 3n })).toEqual({
      ok: false,
      error: "Claim #3 is pending: deposits reopen once the arbiter rules on it.",
    });
  });

  it("refuses an amount that would mint no share and names the least that mints one", () => {
    // One share is worth 3 base units: 2 base units mint 0 shares.
    const dear = { ...rules, capital: 3_000n, shareSupply: 999n };
    expect(minimumDeposit(3_000n, 999n)).toBe(4n); // ceil(3001 / 1000)
    expect(checkDeposit("0.000002", dear)).toEqual({
      ok: false,
      error: "Too small to mint a share: enter at least 0.000004 dUSD.",
    });
    expect(checkDeposit("0.000004", dear)).toEqual({ ok: true, value: 4n, shares: 1n });
    expect(minimumDeposit(123n, 0n)).toBe(1n);
  });
});

describe("sharesForPercent", () => {
  it("rounds down and gives all shares at 100 %", () => {
    expect(sharesForPercent(999n, 25)).toBe(249n);
    expect(sharesForPercent(999n, 50)).toBe(499n);
    expect(sharesForPercent(999n, 100)).toBe(999n);
    expect(sharesForPercent(999n, 0)).toBe(0n);
  });
  it("rejects percentages outside 0..100", () => {
    expect(() => sharesForPercent(1n, 101)).toThrow(RangeError);
    expect(() => sharesForPercent(1n, 12.5)).toThrow(RangeError);
  });
});

describe("checkWithdrawalRequest", () => {
  it("accepts up to the shares held", () => {
    expect(checkWithdrawalRequest("40", { decimals: 6, shares: 40n * ONE })).toEqual({ ok: true, value: 40n * ONE });
  });
  it("refuses more shares than held", () => {
    expect(checkWithdrawalRequest("40.5", { decimals: 6, shares: 40n * ONE })).toEqual({
      ok: false,
      error: "Enter at most 40.00 shares: the shares you hold.",
    });
  });
  it("says so when there is nothing to request", () => {
    expect(checkWithdrawalRequest("1", { decimals: 6, shares: 0n })).toEqual({
      ok: false,
      error: "You hold no shares of this MetaPool to withdraw.",
    });
  });
  it("passes the amount rules through", () => {
    expect(checkWithdrawalRequest("abc", { decimals: 6, shares: ONE })).toEqual({
      ok: false,
      error: "Enter a number, like 1250.50.",
    });
  });
});

// SPEC §9 example 6 in 6 decimals: one holder of 1 000 shares requested 500 (assetsAtRequest 500).
const quote: RequestQuote = {
  shares: 500n * ONE,
  assetsAtRequest: 500n * ONE,
  assets: 500n * ONE,
  freeCapital: 1_001n * ONE,
  unlockAt: 1_000n,
  windowEnd: 1_000n + 7n * 86_400n,
  sharesIfCancelled: 499n * ONE,
};

describe("requestPayment (min rule)", () => {
  it("pays the promised assets when the shares gained (example 6: C = 1 001 → 500)", () => {
    expect(requestPayment(500n * ONE, quote, 1_001n * ONE, 1_000n * ONE)).toBe(500n * ONE);
  });
  it("pays the shares' value when they lost (example 6 after the claim: C = 200 → 100)", () => {
    expect(requestPayment(500n * ONE, quote, 200n * ONE, 1_000n * ONE)).toBe(
      convertToAssets(500n * ONE, 200n * ONE, 1_000n * ONE),
    );
    expect(requestPayment(500n * ONE, quote, 200n * ONE, 1_000n * ONE)).toBe(100n * ONE);
  });
  it("pays a part pro rata, rounded down", () => {
    expect(requestPayment(1n, { ...quote, shares: 3n, assetsAtRequest: 2n }, 10n, 10n)).toBe(0n);
    expect(requestPayment(2n, { ...quote, shares: 3n, assetsAtRequest: 2n }, 10n, 10n)).toBe(1n);
  });
  it("pays nothing for zero shares or an emptied request", () => {
    expect(requestPayment(0n, quote, ONE, ONE)).toBe(0n);
    expect(requestPayment(5n, { ...quote, shares: 0n }, ONE, ONE)).toBe(0n);
  });
});

describe("requestStatus", () => {
  const ctx = { ...open, now: 2_000n, ...usd };

  it("is withdrawable in full inside the window with enough free capital", () => {
    expect(requestStatus(quote, ctx)).toEqual({ state: "open", withdrawable: 500n * ONE, heldBack: 0n, reason: null });
  });
  it("holds back everything while locked, naming the unlock time", () => {
    const s = requestStatus(quote, { ...ctx, now: 999n });
    expect(s).toMatchObject({ state: "locked", withdrawable: 0n, heldBack: 500n * ONE });
    expect(s.reason).toBe(`Locked until ${formatDateTime(1_000n)} (the withdrawal period).`);
  });
  it("opens exactly at unlockAt and stays open through windowEnd", () => {
    expect(requestStatus(quote, { ...ctx, now: 1_000n }).state).toBe("open");
    expect(requestStatus(quote, { ...ctx, now: 1_000n + 7n * 86_400n }).state).toBe("open");
  });
  it("after the window, tells the owner to cancel and request again", () => {
    const s = requestStatus(quote, { ...ctx, now: 1_001n + 7n * 86_400n });
    expect(s.state).toBe("closed");
    expect(s.reason).toMatch(/cancel and request again/);
  });
  it("holds everything back while a claim is pending, naming it", () => {
    const s = requestStatus(quote, { ...ctx, pendingClaims: 1n, firstPendingClaimId: 4n });
    expect(s).toMatchObject({ state: "claim", withdrawable: 0n });
    expect(s.reason).toMatch(/^Claim #4 is pending/);
  });
  it("pays only the free capital when coverage holds the rest", () => {
    const s = requestStatus({ ...quote, freeCapital: 120n * ONE }, ctx);
    expect(s).toEqual({
      state: "short",
      withdrawable: 120n * ONE,
      heldBack: 380n * ONE,
      reason: "Active coverage holds capital back: only 120.00 dUSD is free right now.",
    });
  });
  it("pays at once after shutdown, window and free capital aside", () => {
    const s = requestStatus({ ...quote, freeCapital: 0n }, { ...ctx, now: 0n, shutDown: true, pendingClaims: 1n });
    expect(s).toEqual({ state: "shutdown", withdrawable: 500n * ONE, heldBack: 0n, reason: null });
  });
});

describe("maxWithdrawableShares", () => {
  it("is the whole request when it pays in full", () => {
    expect(maxWithdrawableShares(quote, 1_001n * ONE, 1_000n * ONE, 500n * ONE)).toBe(500n * ONE);
  });
  it("is the largest part whose payment fits the free capital", () => {
    const s = maxWithdrawableShares(quote, 1_001n * ONE, 1_000n * ONE, 120n * ONE);
    expect(requestPayment(s, quote, 1_001n * ONE, 1_000n * ONE)).toBeLessThanOrEqual(120n * ONE);
    expect(requestPayment(s + 1n, quote, 1_001n * ONE, 1_000n * ONE)).toBeGreaterThan(120n * ONE);
  });
  it("is 0 when nothing fits", () => {
    expect(maxWithdrawableShares(quote, 1_001n * ONE, 1_000n * ONE, 0n)).toBe(0n);
  });
});

describe("claimLoss", () => {
  it("is my share of the payout, rounded up (SPEC example 1: P = 800, a tenth of the shares)", () => {
    expect(claimLoss(800n * ONE, 100n * ONE, 1_000n * ONE, 100n * ONE)).toBe(80n * ONE);
    expect(claimLoss(10n, 1n, 3n, 100n)).toBe(4n); // ceil(10 / 3)
  });
  it("never exceeds what my shares are worth", () => {
    expect(claimLoss(1_000n * ONE, 1_000n * ONE, 1_000n * ONE, 990n * ONE)).toBe(990n * ONE);
  });
  it("is 0 without shares, supply or payout", () => {
    expect(claimLoss(800n, 0n, 1_000n, 0n)).toBe(0n);
    expect(claimLoss(800n, 5n, 0n, 5n)).toBe(0n);
    expect(claimLoss(0n, 5n, 10n, 5n)).toBe(0n);
  });
});

describe("netResult", () => {
  it("is value plus withdrawn less deposited, negative after a loss", () => {
    expect(netResult({ value: 1_010n, withdrawn: 0n, deposited: 1_000n })).toBe(10n);
    expect(netResult({ value: 500n, withdrawn: 520n, deposited: 1_000n })).toBe(20n);
    expect(netResult({ value: 200n, withdrawn: 0n, deposited: 1_000n })).toBe(-800n);
  });
});
