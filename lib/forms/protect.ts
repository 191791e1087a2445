import { checkAmount, type AmountCheck, type AmountLimit } from "@/lib/forms/amount";

/** What the buy form needs to know about the MetaPool to decide whether it sells protection at all. */
export interface SaleStatus {
  shutDown: boolean;
  pendingClaims: bigint;
  /** Id of the oldest pending claim (0 when none). */
  firstPendingClaimId: bigint;
}

/**
 * Why this MetaPool sells no protection now, or null when it does (SPEC §5, §8: `buyProtection`
 * reverts `MetaPoolIsShutDown`, and `ClaimPending` while any claim of the MetaPool is pending).
 */
export function saleRefusal(status: SaleStatus): string | null {
  if (status.shutDown) {
    return "This MetaPool is shut down: it sells no more protection. Deposits already made can be withdrawn or refunded below.";
  }
  if (status.pendingClaims > 0n) {
    const id = status.firstPendingClaimId > 0n ? ` #${status.firstPendingClaimId}` : "";
    return `Claim${id} is pending: no protection is sold until the arbiter rules on it (or, after 30 days, anyone shuts the MetaPool down).`;
  }
  return null;
}

/**
 * Capacity for a new purchase, as `previewBuy` reports it: C − ΣK, what could become cover if the
 * purchase matured now, and 0 while the MetaPool is shut down or a claim is pending. Pending
 * purchases reserve nothing (SPEC §5, revision 4): they are queued ahead and mature first, so
 * acceptance is decided at maturity (see `acceptanceAtMaturity`).
 */
export function purchaseCapacity(figures: SaleStatus & { capital: bigint; totalActive: bigint }): bigint {
  if (figures.shutDown || figures.pendingClaims > 0n) return 0n;
  return figures.capital > figures.totalActive ? figures.capital - figures.totalActive : 0n;
}

export interface AcceptanceEstimate {
  /** What becomes cover at maturity if everything queued ahead matures first and nothing else changes. */
  accepted: bigint;
  /** The rest, refundable to the buyer at maturity. */
  refundable: bigint;
  /** Capacity left for this purchase once everything queued ahead has matured: C − ΣK − ΣR, at least 0. */
  leftAfterAhead: bigint;
}

/**
 * What a purchase of `amount` would become at maturity (SPEC §5): purchases queued ahead mature
 * first, each taking min(its amount, C − ΣK), so together they take min(ΣR, C − ΣK) and this one
 * gets min(amount, C − ΣK − ΣR). An estimate that assumes capital and cover stay as they are:
 * deposits, withdrawals, premiums and lapses until then change it, and acceptance is decided at maturity.
 */
export function acceptanceAtMaturity(amount: bigint, capacity: bigint, pendingAhead: bigint): AcceptanceEstimate {
  const leftAfterAhead = capacity > pendingAhead ? capacity - pendingAhead : 0n;
  const accepted = amount < leftAfterAhead ? amount : leftAfterAhead;
  return { accepted, refundable: amount - accepted, leftAfterAhead };
}

export type PoolChoice = { ok: true; poolId: number } | { ok: false; error: string };

/** The chosen coverage pool: one of the MetaPool's `poolCount` pools. */
export function checkPoolChoice(poolId: number | null, poolCount: number): PoolChoice {
  if (poolId === null) return { ok: false, error: "Choose the coverage pool to protect." };
  if (!Number.isInteger(poolId) || poolId < 0 || poolId >= poolCount) {
    return { ok: false, error: "Choose one of this MetaPool's coverage pools." };
  }
  return { ok: true, poolId };
}

export interface PurchaseRules {
  decimals: number;
  symbol: string;
  poolCount: number;
  /** `config.minPurchase`. */
  minPurchase: bigint;
  /** C − ΣK (see `purchaseCapacity`). */
  capacity: bigint;
  /** The wallet's balance of the asset; undefined while disconnected (the button says so instead). */
  balance?: bigint;
  /** `saleRefusal(...)`: the MetaPool sells nothing now. */
  refusal: string | null;
}

export type PurchaseCheck =
  | { ok: true; poolId: number; amount: bigint }
  | { ok: false; field: "form" | "pool" | "amount"; error: string };

/** Every rule `buyProtection(poolId, amount, receiver)` enforces, checked before anything is sent. */
export function checkPurchase(poolId: number | null, text: string, rules: PurchaseRules): PurchaseCheck {
  if (rules.refusal) return { ok: false, field: "form", error: rules.refusal };
  const pool = checkPoolChoice(poolId, rules.poolCount);
  if (!pool.ok) return { ok: false, field: "pool", error: pool.error };
  const amount = checkPurchaseAmount(text, rules);
  if (!amount.ok) return { ok: false, field: "amount", error: amount.error };
  return { ok: true, poolId: pool.poolId, amount: amount.value };
}

/** The amount alone: the minimum purchase, the capacity left and the wallet's balance. */
export function checkPurchaseAmount(text: string, rules: Omit<PurchaseRules, "poolCount" | "refusal">): AmountCheck {
  const max: AmountLimit[] = [
    { value: rules.capacity, reason: "the capacity left in this MetaPool (capital not yet backing cover)" },
  ];
  if (rules.balance !== undefined) max.push({ value: rules.balance, reason: "your wallet balance" });
  return checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    min: { value: rules.minPurchase, reason: "the minimum purchase of this MetaPool" },
    max,
  });
}

/** Cover tokens to burn through `withdrawProtection`: at most the tokens held. */
export function checkCoverWithdrawal(
  text: string,
  rules: { decimals: number; symbol: string; tokens: bigint },
): AmountCheck {
  return checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    max: [{ value: rules.tokens, reason: "the cover tokens you hold in this pool" }],
  });
}
