import { chargePremium, isLapsed, splitPremium } from "./premium";
import { poolAt, type ClosedEpoch, type MetaPoolState } from "./state";

/**
 * Mutating steps shared by sync, claims and shutdown. They work on a draft the caller has
 * already cloned; nothing here is exported from the package's public surface.
 */

/** Pays `amount` of premium out: fees to the arbiter and the creator, the rest to C. */
export function creditPremium(s: MetaPoolState, amount: bigint): void {
  const split = splitPremium(amount, s.params.arbiterFeeBps, s.params.creatorFeeBps);
  s.fees.arbiter += split.arbiter;
  s.fees.creator += split.creator;
  s.capital += split.capital;
}

/**
 * Closes the pool's current epoch; its holders redeem `remaining` pro rata. An epoch without tokens
 * leaves no record (nobody can redeem from it).
 */
export function closePoolEpoch(
  s: MetaPoolState,
  poolId: number,
  reason: ClosedEpoch["reason"],
  remaining: bigint,
): ClosedEpoch | undefined {
  const pool = poolAt(s, poolId);
  const closed: ClosedEpoch | undefined =
    pool.supply === 0n ? undefined : { poolId, epoch: pool.epoch, reason, supply: pool.supply, remaining };
  if (closed) s.closedEpochs.push(closed);
  pool.epoch += 1n;
  pool.epochOpenedAt = 0n;
  pool.supply = 0n;
  pool.active = 0n;
  pool.owedWad = 0n;
  pool.charged = 0n;
  return closed;
}

export interface PoolCharge {
  amount: bigint;
  forgiven: bigint;
  /** The epoch this charge lapsed, if it did. */
  lapsed?: ClosedEpoch;
}

/**
 * Charges the pool's premium due beyond what was charged, capped at K_i, and lapses the epoch
 * when K_i falls below 1e-9 of its 1:1 value. The remaining dust is left to the holders.
 */
export function chargePool(s: MetaPoolState, poolId: number): PoolCharge {
  const pool = poolAt(s, poolId);
  const charge = chargePremium(pool.owedWad, pool.charged, pool.active);
  pool.active -= charge.amount;
  pool.charged = charge.charged;
  creditPremium(s, charge.amount);
  const result: PoolCharge = { amount: charge.amount, forgiven: charge.forgiven };
  if (isLapsed(pool.active, pool.supply)) result.lapsed = closePoolEpoch(s, poolId, "lapse", pool.active);
  return result;
}

/**
 * An invalid ruling, or a claim voided by shutdown: the premium owed during the claim is charged
 * from K_i (capped; it may lapse the pool), and an epoch emptied during the claim closes.
 */
export function settleClaimDebt(s: MetaPoolState, poolId: number): PoolCharge {
  const charge = chargePool(s, poolId);
  const pool = poolAt(s, poolId);
  if (!charge.lapsed && pool.supply === 0n && pool.epochOpenedAt !== 0n) closePoolEpoch(s, poolId, "lapse", 0n);
  return charge;
}

/** Closes an epoch whose last token was withdrawn, so later buyers start a fresh one. */
export function retireEmptiedEpoch(s: MetaPoolState, poolId: number): void {
  const pool = poolAt(s, poolId);
  if (pool.supply === 0n && pool.epochOpenedAt !== 0n) closePoolEpoch(s, poolId, "lapse", 0n);
}
