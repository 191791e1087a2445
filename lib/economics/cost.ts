import { projectPurchase } from "@/lib/protect/viewState";
import { DAY, mulDivUp, poolAt, poolView, WAD, YEAR, type MetaPoolState } from "@/lib/protocol";

import { payoutMultiple, payoutShare } from "./payout";

/**
 * The true price of cover (SPEC §6). A pool pays r(u) × P a year out of its cover K, every holding alike,
 * so a deposit pays r(u) × P / K of itself a year: the curve's rate times the payout multiple. With an
 * uncapped payout P / K can be large, and so can the cost; this is what a buyer compares.
 */

/** Days in the protocol's year (YEAR = 365 days). */
const DAYS_PER_YEAR = YEAR / DAY;

/** Cost per year as a fraction of the deposit (WAD): daily cost × 365 / deposit, rounded up (against the buyer). */
export function costPerYearOfDeposit(perDay: bigint, deposit: bigint): bigint | null {
  return deposit === 0n ? null : mulDivUp(perDay * DAYS_PER_YEAR, WAD, deposit);
}

/** What a pool's cover costs a year, as a fraction of the cover (WAD): ρ / K, rounded up; null without cover. */
export function coverCostRate(premiumSpeed: bigint, active: bigint): bigint | null {
  return active === 0n ? null : mulDivUp(premiumSpeed, 1n, active);
}

export interface PurchaseEconomics {
  /** The part of the deposit that becomes cover if it matured now: min(amount, F). */
  deposit: bigint;
  /** Its share of the pool's daily premium after the purchase, rounded up. */
  perDay: bigint;
  /** perDay × 365 / deposit, WAD. */
  perYearOfDeposit: bigint | null;
  /** P / K after the purchase, WAD: what the payout is per unit of cover. */
  payoutMultiple: bigint | null;
  /** The pool's payout after the purchase. */
  payoutAfter: bigint;
  /** My share of it: (my tokens + new tokens) / supply after × P after. */
  myPayoutAfter: bigint;
  /** The curve's rate after the purchase (WAD per year), charged on the payout. */
  rateAfter: bigint;
  /** Seconds the deposit lasts at the post-purchase speed; null if it pays nothing. */
  lifetime: bigint | null;
  after30: bigint;
  after90: bigint;
  tokens: bigint;
  /** K of the pool after the purchase. */
  activeAfter: bigint;
}

/** A purchase of `amount` in pool `poolId` as if it were cover now, plus `myTokens` already held there. */
export function purchaseEconomics(
  state: MetaPoolState,
  poolId: number,
  amount: bigint,
  myTokens = 0n,
): PurchaseEconomics {
  const p = projectPurchase(state, poolId, amount);
  const supplyAfter = poolAt(state, poolId).supply + p.tokens;
  return {
    deposit: p.accepted,
    perDay: p.costPerDay,
    perYearOfDeposit: costPerYearOfDeposit(p.costPerDay, p.accepted),
    payoutMultiple: payoutMultiple(p.payoutAfter, p.activeAfter),
    payoutAfter: p.payoutAfter,
    myPayoutAfter: payoutShare(p.payoutAfter, myTokens + p.tokens, supplyAfter),
    rateAfter: p.rateAfter,
    lifetime: p.lifetime,
    after30: p.after30,
    after90: p.after90,
    tokens: p.tokens,
    activeAfter: p.activeAfter,
  };
}

export interface PoolPrice {
  /** Cost per year as a fraction of the deposit (WAD). */
  costRate: bigint | null;
  /** P / K (WAD). */
  payoutMultiple: bigint | null;
  /** Whether these are for a minimum purchase into a pool without cover (else the pool's holders' own). */
  forMinimumPurchase: boolean;
}

/**
 * A pool's price as lists show it: what its holders pay now (ρ / K and P / K); for a pool without cover,
 * what a minimum purchase would pay once it were cover (the same measure, for the first buyer).
 */
export function poolPrice(state: MetaPoolState, poolId: number): PoolPrice {
  const view = poolView(state, poolId);
  if (state.isShutDown) return { costRate: null, payoutMultiple: null, forMinimumPurchase: false };
  if (view.active > 0n && view.supply > 0n) {
    return {
      costRate: coverCostRate(view.premiumSpeed, view.active),
      payoutMultiple: payoutMultiple(view.payout, view.active),
      forMinimumPurchase: false,
    };
  }
  const p = projectPurchase(state, poolId, state.params.minPurchase);
  if (p.accepted === 0n) return { costRate: null, payoutMultiple: null, forMinimumPurchase: true };
  return {
    costRate: coverCostRate(p.premiumSpeedAfter, p.activeAfter),
    payoutMultiple: payoutMultiple(p.payoutAfter, p.activeAfter),
    forMinimumPurchase: true,
  };
}
