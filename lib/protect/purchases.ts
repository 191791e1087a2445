import type { PurchasePosition, PurchaseState } from "@/lib/types/positions";

export interface LivePurchase {
  state: PurchaseState;
  /** What `refundPurchase` pays now (0 when it would revert). */
  refundable: bigint;
}

/**
 * A purchase's state by the chain's clock: the position was read a few seconds ago, and a pending
 * purchase whose delay has since ended is due now: frozen (refundable by its buyer) while a claim
 * is pending, otherwise maturing at the next sync.
 */
export function livePurchase(p: PurchasePosition, now: bigint | undefined, claimPending: boolean): LivePurchase {
  if (p.state === "pending" && now !== undefined && now >= BigInt(p.record.maturesAt)) {
    return claimPending ? { state: "frozen", refundable: p.record.amount } : { state: "maturing", refundable: 0n };
  }
  if (p.state === "frozen" && !claimPending) return { state: "maturing", refundable: 0n };
  return { state: p.state, refundable: p.refundable };
}

/** Purchases worth showing: anything not yet settled, and matured ones with a rest to take back. Newest first. */
export function openPurchases(purchases: readonly PurchasePosition[]): PurchasePosition[] {
  return purchases
    .filter((p) => p.state !== "refunded" && !(p.state === "matured" && p.refundable === 0n))
    .sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
}
