import { BPS, LAPSE_DENOMINATOR, WAD, YEAR } from "./constants";
import { ceilDiv, min, mulDivDown } from "./math";

/**
 * Premium accrual (SPEC §6). A pool's speed ρ = r(u) × P is in asset units × WAD per year; the
 * accumulator `owedWad` keeps the sub-wei part so that rounding does not depend on how often
 * sync runs.
 */

/** ρ_i = r(u_i) × P_i (asset × WAD per year); 0 for a pool without active cover. */
export function premiumSpeed(rate: bigint, payoutAmount: bigint, active: bigint): bigint {
  return active === 0n ? 0n : rate * payoutAmount;
}

/** owedWad after `dt` seconds at speed ρ: each step rounds up (premium is the pool's income). */
export function accrueOwed(owedWad: bigint, speed: bigint, dt: bigint): bigint {
  return owedWad + ceilDiv(speed * dt, YEAR);
}

/** The premium due so far in asset units: ceil(owedWad / 1e18). */
export function premiumDue(owedWad: bigint): bigint {
  return ceilDiv(owedWad, WAD);
}

export interface PremiumCharge {
  /** Taken from K_i now. */
  amount: bigint;
  /** Due beyond what K_i held: never collected. */
  forgiven: bigint;
  /** The charged total afterwards: always the premium due. */
  charged: bigint;
}

/** Charges the increase of the premium due over what was already charged, at most K_i. */
export function chargePremium(owedWad: bigint, charged: bigint, active: bigint): PremiumCharge {
  const due = premiumDue(owedWad);
  const increase = due > charged ? due - charged : 0n;
  const amount = min(increase, active);
  return { amount, forgiven: increase - amount, charged: due > charged ? due : charged };
}

export interface PremiumSplit {
  arbiter: bigint;
  creator: bigint;
  /** The rest, to underwriters' capital C. */
  capital: bigint;
}

/** Fees round down, so any rounding remainder goes to C. */
export function splitPremium(amount: bigint, arbiterFeeBps: bigint, creatorFeeBps: bigint): PremiumSplit {
  const arbiter = mulDivDown(amount, arbiterFeeBps, BPS);
  const creator = mulDivDown(amount, creatorFeeBps, BPS);
  return { arbiter, creator, capital: amount - arbiter - creator };
}

/** The epoch lapses when K_i is below 1e-9 of its 1:1 value per token (or 0) while tokens exist. */
export function isLapsed(active: bigint, supply: bigint): boolean {
  return supply > 0n && active * LAPSE_DENOMINATOR < supply;
}
