import { describe, expect, it } from "vitest";

import {
  acceptanceAtMaturity,
  checkCoverWithdrawal,
  checkPoolChoice,
  checkPurchase,
  checkPurchaseAmount,
  purchaseCapacity,
  saleRefusal,
} from "./protect";

const open = { shutDown: false, pendingClaims: 0n, firstPendingClaimId: 0n };
const usd = { decimals: 6, symbol: "dUSD" };
const rules = {
  ...usd,
  poolCount: 3,
  minPurchase: 10_000_000n, // 10 dUSD
  capacity: 420_000_000n, // 420 dUSD
  balance: 500_000_000n, // 500 dUSD
  refusal: null,
};

describe("saleRefusal", () => {
  it("sells while open and no claim is pending", () => {
    expect(saleRefusal(open)).toBeNull();
  });
  it("refuses after shutdown", () => {
    expect(saleRefusal({ ...open, shutDown: true })).toMatch(/shut down: it sells no more protection/);
  });
  it("refuses while a claim is pending and names it", () => {
    expect(saleRefusal({ ...open, pendingClaims: 1n, firstPendingClaimId: 7n })).toMatch(/^Claim #7 is pending/);
  });
  it("shutdown wins over a pending claim", () => {
    expect(saleRefusal({ shutDown: true, pendingClaims: 1n, firstPendingClaimId: 2n })).toMatch(/shut down/);
  });
});

describe("purchaseCapacity", () => {
  const figures = { ...open, capital: 1_000n, totalActive: 300n };
  it("is C − ΣK: pending purchases reserve nothing", () => {
    expect(purchaseCapacity(figures)).toBe(700n);
    expect(purchaseCapacity({ ...figures, totalPending: 650n } as typeof figures)).toBe(700n);
  });
  it("is 0 when cover uses all capital (never negative)", () => {
    expect(purchaseCapacity({ ...figures, totalActive: 1_000n })).toBe(0n);
    expect(purchaseCapacity({ ...figures, totalActive: 1_200n })).toBe(0n);
  });
  it("is 0 while a claim is pending or after shutdown", () => {
    expect(purchaseCapacity({ ...figures, pendingClaims: 1n })).toBe(0n);
    expect(purchaseCapacity({ ...figures, shutDown: true })).toBe(0n);
  });
});

describe("acceptanceAtMaturity", () => {
  it("accepts everything when the capacity covers what is queued ahead and this purchase", () => {
    expect(acceptanceAtMaturity(100n, 700n, 300n)).toEqual({ accepted: 100n, refundable: 0n, leftAfterAhead: 400n });
  });
  it("SPEC §9 example 10: capacity 700, 700 pending ahead: Carol's 10 would be refundable in full", () => {
    expect(acceptanceAtMaturity(10n, 700n, 700n)).toEqual({ accepted: 0n, refundable: 10n, leftAfterAhead: 0n });
  });
  it("accepts part when the queue ahead leaves less than the amount", () => {
    expect(acceptanceAtMaturity(100n, 700n, 650n)).toEqual({ accepted: 50n, refundable: 50n, leftAfterAhead: 50n });
  });
  it("more pending ahead than capacity leaves nothing (never negative)", () => {
    expect(acceptanceAtMaturity(5n, 100n, 1_000n)).toEqual({ accepted: 0n, refundable: 5n, leftAfterAhead: 0n });
  });
});

describe("checkPoolChoice", () => {
  it("asks for a pool when none is chosen", () => {
    expect(checkPoolChoice(null, 3)).toEqual({ ok: false, error: "Choose the coverage pool to protect." });
  });
  it.each([-1, 3, 1.5])("refuses pool %s", (id) => {
    expect(checkPoolChoice(id, 3)).toEqual({ ok: false, error: "Choose one of this MetaPool's coverage pools." });
  });
  it("accepts 0..n−1", () => {
    expect(checkPoolChoice(0, 3)).toEqual({ ok: true, poolId: 0 });
    expect(checkPoolChoice(2, 3)).toEqual({ ok: true, poolId: 2 });
  });
});

describe("checkPurchase", () => {
  it("accepts a valid purchase in base units", () => {
    expect(checkPurchase(1, "100.5", rules)).toEqual({ ok: true, poolId: 1, amount: 100_500_000n });
  });
  it("reports a refusal on the form before anything else", () => {
    expect(checkPurchase(null, "", { ...rules, refusal: "shut down" })).toEqual({
      ok: false,
      field: "form",
      error: "shut down",
    });
  });
  it("reports a missing pool on the pool field", () => {
    expect(checkPurchase(null, "100", rules)).toMatchObject({ ok: false, field: "pool" });
  });
  it("reports amount errors on the amount field", () => {
    expect(checkPurchase(0, "", rules)).toEqual({ ok: false, field: "amount", error: "Enter an amount." });
  });
  it("refuses below the minimum purchase", () => {
    expect(checkPurchase(0, "9.99", rules)).toEqual({
      ok: false,
      field: "amount",
      error: "Enter at least 10.00 dUSD: the minimum purchase of this MetaPool.",
    });
  });
  it("accepts exactly the minimum and exactly the capacity", () => {
    expect(checkPurchase(0, "10", rules)).toMatchObject({ ok: true, amount: 10_000_000n });
    expect(checkPurchase(0, "420", rules)).toMatchObject({ ok: true, amount: 420_000_000n });
  });
  it("refuses beyond the capacity left", () => {
    const r = checkPurchase(0, "420.000001", rules);
    expect(r).toMatchObject({ ok: false, field: "amount" });
    expect(!r.ok && r.error).toMatch(/^Enter at most 420.00 dUSD: the capacity left/);
  });
  it("refuses beyond the wallet balance when it is the tighter limit", () => {
    const r = checkPurchase(0, "300", { ...rules, balance: 250_000_000n });
    expect(!r.ok && r.error).toBe("Enter at most 250.00 dUSD: your wallet balance.");
  });
  it("skips the balance while disconnected", () => {
    expect(checkPurchase(0, "400", { ...rules, balance: undefined })).toMatchObject({ ok: true });
  });
  it("refuses any amount when no capacity is left", () => {
    const r = checkPurchaseAmount("10", { ...rules, capacity: 0n });
    expect(!r.ok && r.error).toMatch(/^Enter at most 0 dUSD: the capacity left/);
  });
});

describe("checkCoverWithdrawal", () => {
  const cover = { ...usd, symbol: "cnpy-0-e1", tokens: 50_000_000n };
  it("accepts up to the tokens held", () => {
    expect(checkCoverWithdrawal("50", cover)).toEqual({ ok: true, value: 50_000_000n });
  });
  it("refuses more than the tokens held", () => {
    expect(checkCoverWithdrawal("50.000001", cover)).toEqual({
      ok: false,
      error: "Enter at most 50.00 cnpy-0-e1: the cover tokens you hold in this pool.",
    });
  });
  it("refuses zero and non-numbers", () => {
    expect(checkCoverWithdrawal("0", cover)).toEqual({ ok: false, error: "Enter an amount greater than 0." });
    expect(checkCoverWithdrawal("x", cover)).toMatchObject({ ok: false });
  });
});
