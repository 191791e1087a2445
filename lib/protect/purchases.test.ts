import { describe, expect, it } from "vitest";

import type { PurchasePosition } from "@/lib/types/positions";

import { livePurchase, openPurchases } from "./purchases";

const buyer = "0x00000000000000000000000000000000000000b1" as const;
function purchase(id: bigint, state: PurchasePosition["state"], refundable = 0n, maturesAt = 1_000): PurchasePosition {
  return {
    id,
    state,
    refundable,
    record: { buyer, maturesAt, poolId: 0, status: 1, amount: 50n, accepted: 0n, receiver: buyer, restRefunded: false },
  };
}

describe("livePurchase", () => {
  it("keeps a pending purchase pending before its maturity", () => {
    expect(livePurchase(purchase(1n, "pending"), 999n, false)).toEqual({ state: "pending", refundable: 0n });
  });
  it("turns a pending purchase due since the read into maturing", () => {
    expect(livePurchase(purchase(1n, "pending"), 1_000n, false)).toEqual({ state: "maturing", refundable: 0n });
  });
  it("turns it into frozen, refundable in full, while a claim is pending", () => {
    expect(livePurchase(purchase(1n, "pending"), 1_001n, true)).toEqual({ state: "frozen", refundable: 50n });
  });
  it("unfreezes once no claim is pending", () => {
    expect(livePurchase(purchase(1n, "frozen", 50n), 2_000n, false)).toEqual({ state: "maturing", refundable: 0n });
  });
  it("keeps the clock-less read as it is", () => {
    expect(livePurchase(purchase(1n, "voided", 50n), undefined, false)).toEqual({ state: "voided", refundable: 50n });
  });
});

describe("openPurchases", () => {
  it("drops refunded and fully settled matured purchases, newest first", () => {
    const list = [
      purchase(1n, "refunded"),
      purchase(2n, "matured"),
      purchase(3n, "matured", 5n),
      purchase(4n, "pending"),
      purchase(5n, "voided", 50n),
    ];
    expect(openPurchases(list).map((p) => p.id)).toEqual([5n, 4n, 3n]);
  });
});
