import type { Address } from "viem";

import { sameAddress } from "@/lib/format";
import { CLAIM_TIMEOUT, LAPSE_DENOMINATOR, splitPremium } from "@/lib/protocol";
import type { PendingClaim } from "@/lib/reads/arbiterDesk";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * The arbiter desk's rules (SPEC §7, §8), pure so every one is tested: which claim may be ruled
 * now, when shutdown is open and to whom, the typed-name confirmation, and the exact consequence
 * of each ruling, computed from the contract's own previews.
 */

// ----- Who may act ------------------------------------------------------------------------

export type RulingCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `claimId` can be ruled now by `account`. Claims are ruled in filing order
 * (`EarlierClaimPending`), by the arbiter alone (`NotArbiter`), and not after a shutdown.
 */
export function checkRuling(args: {
  account: Address | undefined;
  arbiter: Address;
  shutDown: boolean;
  claimId: bigint;
  firstPendingClaimId: bigint;
}): RulingCheck {
  if (args.shutDown) return { ok: false, reason: "The MetaPool is shut down: its pending claims were voided." };
  if (!args.account) return { ok: false, reason: "Connect the arbiter's wallet to rule on this claim." };
  if (!sameAddress(args.account, args.arbiter))
    return { ok: false, reason: "Only this MetaPool's arbiter can rule on its claims." };
  if (args.claimId !== args.firstPendingClaimId) {
    return { ok: false, reason: `Rule #${args.firstPendingClaimId} first: claims are ruled in filing order.` };
  }
  return { ok: true };
}

/** When anyone may shut the MetaPool down because a claim has waited 30 days for a ruling. */
export function claimTimeoutAt(filedAt: bigint): bigint {
  return filedAt + CLAIM_TIMEOUT;
}

/** The claim has been pending 30 days or more: the arbiter is overdue and anyone may shut down. */
export function isClaimOverdue(filedAt: bigint, now: bigint): boolean {
  return now >= claimTimeoutAt(filedAt);
}

export type ShutdownCheck = { ok: true; as: "arbiter" | "anyone" } | { ok: false; reason: string; openAt?: bigint };

/**
 * `shutdown()` is open to the arbiter when no claim is pending, and to anyone (the arbiter
 * included) once the oldest pending claim has waited 30 days; never twice.
 * `oldestFiledAt` is the filing time of the first pending claim (undefined when none is pending).
 */
export function checkShutdown(args: {
  account: Address | undefined;
  arbiter: Address;
  shutDown: boolean;
  pendingClaims: bigint;
  firstPendingClaimId: bigint;
  oldestFiledAt: bigint | undefined;
  now: bigint | undefined;
}): ShutdownCheck {
  if (args.shutDown) return { ok: false, reason: "This MetaPool is already shut down." };
  if (!args.account) return { ok: false, reason: "Connect the arbiter's wallet to shut this MetaPool down." };
  if (args.pendingClaims === 0n) {
    if (!sameAddress(args.account, args.arbiter)) {
      return { ok: false, reason: "Only the arbiter can shut down while no claim is pending." };
    }
    return { ok: true, as: "arbiter" };
  }
  if (args.oldestFiledAt === undefined || args.now === undefined) {
    return { ok: false, reason: "Reading the pending claims…" };
  }
  const openAt = claimTimeoutAt(args.oldestFiledAt);
  if (args.now < openAt) {
    return {
      ok: false,
      openAt,
      reason: `Claim #${args.firstPendingClaimId} is pending: rule on it first. Shutdown opens to anyone 30 days after it was filed.`,
    };
  }
  return { ok: true, as: "anyone" };
}

// ----- Typed confirmation -----------------------------------------------------------------

export type NameCheck =
  | { ok: true }
  | { ok: false; reason: "empty" | "spaces" | "case" | "different"; message: string };

/**
 * The typed confirmation for an irreversible action: the text must be the MetaPool's name
 * exactly. Letter case and every space count (names like "Aave" and "aave " are different
 * MetaPools' names); only Unicode composition is normalised (NFC), since "é" typed as one
 * character or as e + accent is the same letter. When the text is close, the message says how
 * it differs instead of a bare "does not match".
 */
export function checkTypedName(typed: string, name: string): NameCheck {
  const a = typed.normalize("NFC");
  const b = name.normalize("NFC");
  if (a === b) return { ok: true };
  if (a.length === 0) return { ok: false, reason: "empty", message: `Type ${quote(name)} to confirm.` };
  if (a.trim() === b.trim()) {
    return {
      ok: false,
      reason: "spaces",
      message: `Check the spaces at the start or end: type ${quote(name)} exactly.`,
    };
  }
  if (a.toLowerCase() === b.toLowerCase() || a.trim().toLowerCase() === b.trim().toLowerCase()) {
    return { ok: false, reason: "case", message: `Letter case differs: type ${quote(name)} exactly.` };
  }
  return { ok: false, reason: "different", message: `This is not the MetaPool's name: type ${quote(name)} exactly.` };
}

function quote(text: string): string {
  return `“${text}”`;
}

// ----- What a ruling does -----------------------------------------------------------------

export interface RulingInputs {
  /** C, projected to now. */
  capital: bigint;
  /** K_i of the claimed pool, projected to now. */
  active: bigint;
  /** The pool's cover token supply. */
  coverSupply: bigint;
  /** Premium the pool owes since the claim was filed (charged by either ruling). */
  debt: bigint;
  /** `previewPayout(poolId)`: P_i taken from C by a valid ruling, and what the holders redeem. */
  payout: bigint;
  redeemable: bigint;
  bond: bigint;
  /** Σ R_j: every pending purchase of the MetaPool (a valid ruling makes them refundable). */
  totalPending: bigint;
  /** The MetaPool's purchase delay, seconds: an invalid ruling ending the freeze restarts it for frozen purchases. */
  purchaseDelay: bigint;
  arbiterFeeBps: bigint;
  creatorFeeBps: bigint;
  /** Claims pending in the MetaPool, this one included (the freeze lifts when it is the last). */
  pendingClaims: bigint;
  /** MetaPool share supply: a payout leaving C below 1e-9 of it closes the share epoch. */
  shareSupply: bigint;
}

/** A ruling's inputs for `claim`, from the MetaPool's view (projected to now) and the claim's own previews. */
export function rulingInputsOf(view: MetaPoolView, claim: PendingClaim): RulingInputs {
  const pool = view.pools[claim.claim.poolId]!;
  return {
    capital: view.capital,
    active: pool.active,
    coverSupply: pool.coverSupply,
    debt: pool.debt,
    payout: claim.payout,
    redeemable: claim.redeemable,
    bond: claim.claim.bond,
    totalPending: view.totalPending,
    purchaseDelay: BigInt(view.config.purchaseDelay),
    arbiterFeeBps: BigInt(view.config.arbiterFeeBps),
    creatorFeeBps: BigInt(view.config.creatorFeeBps),
    pendingClaims: view.pendingClaims,
    shareSupply: view.shareSupply,
  };
}

export interface Approval {
  payout: bigint;
  capitalBefore: bigint;
  capitalAfter: bigint;
  /** Fraction of C lost, WAD, rounded up (never shown smaller than it is). */
  capitalLossWad: bigint;
  /** What the pool's token holders redeem in total for `coverSupply` tokens. */
  redeemable: bigint;
  coverSupply: bigint;
  /** The claim's premium debt charged out of the redemption, and its split. */
  premiumCharged: bigint;
  arbiterFee: bigint;
  creatorFee: bigint;
  /** The filer's bond comes back (credited, collected with claimFees). */
  bondReturned: bigint;
  /** Every pending purchase of the MetaPool becomes refundable in full. */
  refundable: bigint;
  /** Capital left is (close to) zero: the share epoch closes, shares are wiped. */
  sharesWiped: boolean;
  /** Deposits, withdrawals and purchases resume (no other claim pending). */
  unfreezes: boolean;
}

export interface Rejection {
  /** The bond goes to underwriters' capital. */
  bondToCapital: bigint;
  premiumCharged: bigint;
  arbiterFee: bigint;
  creatorFee: bigint;
  capitalBefore: bigint;
  capitalAfter: bigint;
  activeBefore: bigint;
  activeAfter: bigint;
  /** The premium debt takes the pool's cover below its lapse threshold: the epoch closes. */
  lapses: boolean;
  unfreezes: boolean;
  /** Purchases frozen by the claims (Σ R) that restart their delay if this ruling ends the freeze. */
  frozenPurchases: bigint;
  /** Seconds after the ruling at which the frozen purchases mature when the freeze ends (the purchase delay). */
  restartDelay: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** SPEC §7 valid ruling, from the contract's `previewPayout` (payout and redeemable) and the pool's view. */
export function approvalConsequence(x: RulingInputs): Approval {
  // redeemable = K + P − min(debt, K + P): the difference is the premium charged at the ruling.
  const premiumCharged = x.active + x.payout - x.redeemable;
  const split = splitPremium(premiumCharged < 0n ? 0n : premiumCharged, x.arbiterFeeBps, x.creatorFeeBps);
  const capitalAfter = x.capital - x.payout + split.capital;
  const lost = x.capital - capitalAfter;
  return {
    payout: x.payout,
    capitalBefore: x.capital,
    capitalAfter,
    capitalLossWad: x.capital === 0n || lost <= 0n ? 0n : (lost * 10n ** 18n + x.capital - 1n) / x.capital,
    redeemable: x.redeemable,
    coverSupply: x.coverSupply,
    premiumCharged: premiumCharged < 0n ? 0n : premiumCharged,
    arbiterFee: split.arbiter,
    creatorFee: split.creator,
    bondReturned: x.bond,
    refundable: x.totalPending,
    sharesWiped: x.shareSupply > 0n && capitalAfter * LAPSE_DENOMINATOR < x.shareSupply,
    unfreezes: x.pendingClaims <= 1n,
  };
}

/**
 * SPEC §7 invalid ruling: the bond goes to C; the pool's premium debt is charged from K (capped; it
 * may lapse); if no other claim is pending, frozen purchases restart their delay from the ruling (§5).
 */
export function rejectionConsequence(x: RulingInputs): Rejection {
  const premiumCharged = min(x.debt, x.active);
  const split = splitPremium(premiumCharged, x.arbiterFeeBps, x.creatorFeeBps);
  const activeAfter = x.active - premiumCharged;
  return {
    bondToCapital: x.bond,
    premiumCharged,
    arbiterFee: split.arbiter,
    creatorFee: split.creator,
    capitalBefore: x.capital,
    capitalAfter: x.capital + x.bond + split.capital,
    activeBefore: x.active,
    activeAfter,
    lapses: x.coverSupply > 0n && activeAfter * LAPSE_DENOMINATOR < x.coverSupply,
    unfreezes: x.pendingClaims <= 1n,
    frozenPurchases: x.totalPending,
    restartDelay: x.purchaseDelay,
  };
}

// ----- Who holds the cover ----------------------------------------------------------------

export { countHolders, type TransferLike } from "../arbiter/holders";
