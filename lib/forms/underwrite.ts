import { formatAmount, formatDateTime } from "@/lib/format";
import { checkAmount, type AmountCheck } from "@/lib/forms/amount";
import { ceilDiv, convertToAssets, min, mulDivDown, mulDivUp, previewDeposit } from "@/lib/protocol";

/**
 * The underwriter's forms on a MetaPool page (SPEC §4): deposit, request a withdrawal, complete
 * one in full or in part, and what a request can pay now. Pure functions: every rule the panel
 * enforces before anything is sent, each with the sentence shown next to the field.
 */

/** Shares are an ERC-20 with the asset's decimals; forms call them "shares". */
export const SHARE_UNIT = "shares";

/** The MetaPool state a deposit depends on (from `metaPoolView()`). */
export interface PoolGate {
  shutDown: boolean;
  pendingClaims: bigint;
  firstPendingClaimId: bigint;
}

/** Why the MetaPool refuses deposits right now (SPEC §4, §8), or null when it takes them. */
export function depositRefusal(gate: PoolGate): string | null {
  if (gate.shutDown) return "This MetaPool is shut down: it takes no new capital. Holders can only exit.";
  if (gate.pendingClaims > 0n) {
    return `Claim #${gate.firstPendingClaimId} is pending: deposits reopen once the arbiter rules on it.`;
  }
  return null;
}

/** Smallest deposit that mints at least one share: ceil((C + 1) / (supply + 1)) (1 base unit when there are no shares). */
export function minimumDeposit(capital: bigint, shareSupply: bigint): bigint {
  return shareSupply === 0n ? 1n : ceilDiv(capital + 1n, shareSupply + 1n);
}

export interface DepositRules extends PoolGate {
  decimals: number;
  symbol: string;
  /** The wallet's balance of the asset; undefined while disconnected (no limit checked then). */
  balance: bigint | undefined;
  capital: bigint;
  shareSupply: bigint;
}

export type DepositCheck = { ok: true; value: bigint; shares: bigint } | { ok: false; error: string };

/** A deposit amount: the MetaPool takes deposits, a valid amount within the balance, minting at least one share. */
export function checkDeposit(text: string, rules: DepositRules): DepositCheck {
  const refusal = depositRefusal(rules);
  if (refusal) return { ok: false, error: refusal };
  const amount = checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    max: rules.balance === undefined ? [] : [{ value: rules.balance, reason: "your wallet balance" }],
  });
  if (!amount.ok) return amount;
  const shares = previewDeposit(amount.value, rules.capital, rules.shareSupply);
  if (shares === 0n) {
    const least = formatAmount(minimumDeposit(rules.capital, rules.shareSupply), rules.decimals, {
      symbol: rules.symbol,
      maxDecimals: rules.decimals,
      rounding: "up",
    });
    return { ok: false, error: `Too small to mint a share: enter at least ${least}.` };
  }
  return { ok: true, value: amount.value, shares };
}

/** Shares to request for a percentage button: floor(balance × percent / 100), all of them at 100 %. */
export function sharesForPercent(balance: bigint, percent: number): bigint {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`percent ${percent}`);
  return percent === 100 ? balance : mulDivDown(balance, BigInt(percent), 100n);
}

/** A withdrawal request: a share amount, at most the shares held (requested shares are already in custody). */
export function checkWithdrawalRequest(text: string, rules: { decimals: number; shares: bigint }): AmountCheck {
  if (rules.shares === 0n) return { ok: false, error: "You hold no shares of this MetaPool to withdraw." };
  return checkAmount(text, {
    decimals: rules.decimals,
    symbol: SHARE_UNIT,
    max: [{ value: rules.shares, reason: "the shares you hold" }],
  });
}

/** An open request as `previewWithdrawal(requestId)` quotes it. */
export interface RequestQuote {
  shares: bigint;
  assetsAtRequest: bigint;
  /** Min rule for the whole request. */
  assets: bigint;
  freeCapital: bigint;
  unlockAt: bigint | number;
  windowEnd: bigint | number;
  sharesIfCancelled: bigint;
}

/**
 * What completing `shares` of a request pays (SPEC §4 min rule, as the contract computes it):
 * min(floor(shares × assetsAtRequest / requestShares), convertToAssets(shares)).
 */
export function requestPayment(shares: bigint, quote: RequestQuote, capital: bigint, shareSupply: bigint): bigint {
  if (quote.shares === 0n || shares === 0n) return 0n;
  return min(mulDivDown(shares, quote.assetsAtRequest, quote.shares), convertToAssets(shares, capital, shareSupply));
}

export type RequestState = "open" | "short" | "locked" | "closed" | "claim" | "shutdown";

export interface RequestStatus {
  state: RequestState;
  /** Assets the request can pay now. */
  withdrawable: bigint;
  /** Assets it is worth but cannot pay now. */
  heldBack: bigint;
  /** Why something is held back (null when everything is withdrawable). */
  reason: string | null;
}

/**
 * Where a request stands by the chain's clock: withdrawable now, or held back and why (locked,
 * window closed, a claim pending, free capital short). After shutdown it pays at once, with no
 * window and no free-capital cap (SPEC §8).
 */
export function requestStatus(
  quote: RequestQuote,
  ctx: PoolGate & { now: bigint; decimals: number; symbol: string },
): RequestStatus {
  const fmt = (v: bigint) => formatAmount(v, ctx.decimals, { symbol: ctx.symbol });
  const unlockAt = BigInt(quote.unlockAt);
  const windowEnd = BigInt(quote.windowEnd);
  const none = (state: RequestState, reason: string): RequestStatus => ({
    state,
    withdrawable: 0n,
    heldBack: quote.assets,
    reason,
  });
  if (ctx.shutDown) return { state: "shutdown", withdrawable: quote.assets, heldBack: 0n, reason: null };
  if (ctx.pendingClaims > 0n) {
    return none(
      "claim",
      `Claim #${ctx.firstPendingClaimId} is pending: withdrawals wait for the arbiter's ruling, and the 7-day window then reopens.`,
    );
  }
  if (ctx.now < unlockAt) return none("locked", `Locked until ${formatDateTime(unlockAt)} (the withdrawal period).`);
  if (ctx.now > windowEnd) {
    return none("closed", `The 7-day window closed on ${formatDateTime(windowEnd)}: cancel and request again.`);
  }
  if (quote.freeCapital < quote.assets) {
    return {
      state: "short",
      withdrawable: quote.freeCapital,
      heldBack: quote.assets - quote.freeCapital,
      reason: `Active coverage holds capital back: only ${fmt(quote.freeCapital)} is free right now.`,
    };
  }
  return { state: "open", withdrawable: quote.assets, heldBack: 0n, reason: null };
}

/** The most shares of a request whose payment fits in `withdrawable` (payment rises with shares: binary search). */
export function maxWithdrawableShares(
  quote: RequestQuote,
  capital: bigint,
  shareSupply: bigint,
  withdrawable: bigint,
): bigint {
  const pay = (s: bigint) => requestPayment(s, quote, capital, shareSupply);
  if (pay(quote.shares) <= withdrawable) return quote.shares;
  let lo = 0n;
  let hi = quote.shares;
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if (pay(mid) <= withdrawable) lo = mid;
    else hi = mid - 1n;
  }
  return lo;
}

/**
 * What a valid claim on a pool paid now would take from this underwriter: its share of the
 * payout, ceil(payout × myShares / shareSupply) (rounded up, against the user), at most what the
 * shares are worth.
 */
export function claimLoss(payout: bigint, myShares: bigint, shareSupply: bigint, myValue: bigint): bigint {
  if (shareSupply === 0n || myShares === 0n || payout === 0n) return 0n;
  return min(mulDivUp(payout, myShares, shareSupply), myValue);
}

/**
 * The underwriter's net result so far: what the position is worth (held and requested shares)
 * plus what it took out, less what it put in. Premiums earned minus claim losses; may be negative.
 */
export function netResult(p: { value: bigint; withdrawn: bigint; deposited: bigint }): bigint {
  return p.value + p.withdrawn - p.deposited;
}
