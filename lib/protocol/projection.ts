import { DAY, LAPSE_DENOMINATOR, WAD, YEAR } from "./constants";
import { fail, ok, type Result } from "./errors";
import { ceilDiv, min, mulDivDown, mulDivUp, saturatingSub } from "./math";
import { poolView, type PoolView } from "./poolView";
import { accrueOwed, premiumDue } from "./premium";
import { buyBlocker, pendingAhead, purchaseCapacity } from "./protection";
import { cloneState, poolAt, type MetaPoolState } from "./state";
import { projectTo } from "./sync";
import { totalActive } from "./utilisation";

/**
 * Forward-looking figures for the app, all "at today's speed": rates change only at syncs, so
 * these are estimates, each rounded against the seeker (premium up, cover and time down).
 */

/** Premium a pool pays per day at speed ρ, rounded up. */
export function costPerDay(premiumSpeed: bigint): bigint {
  return mulDivUp(premiumSpeed, DAY, YEAR * WAD);
}

/** A holding's share of a pool's daily cost, rounded up. */
export function holdingCostPerDay(premiumSpeed: bigint, tokens: bigint, supply: bigint): bigint {
  return supply === 0n ? 0n : mulDivUp(costPerDay(premiumSpeed), tokens, supply);
}

/** K_i after `seconds` more at the pool's current speed (state synced to now). */
export function projectedCover(state: MetaPoolState, poolId: number, seconds: bigint): bigint {
  const pool = poolAt(state, poolId);
  const speed = poolView(state, poolId).premiumSpeed;
  const premium = saturatingSub(premiumDue(accrueOwed(pool.owedWad, speed, seconds)), pool.charged);
  return saturatingSub(pool.active, premium);
}

/** Projected cover after `days` days, per pool and for a holding of `tokens`. */
export function projectedCoverAfterDays(
  state: MetaPoolState,
  poolId: number,
  days: bigint,
  tokens?: bigint,
): { active: bigint; holding: bigint } {
  const active = projectedCover(state, poolId, days * DAY);
  const supply = poolAt(state, poolId).supply;
  const holding = tokens === undefined || supply === 0n ? 0n : mulDivDown(tokens, active, supply);
  return { active, holding };
}

/**
 * Seconds until the pool's cover lapses at today's speed (every holding shrinks alike, so this is
 * also how long any deposit in it lasts); null when the pool pays nothing. Rounded down.
 */
export function coverLifetime(
  active: bigint,
  supply: bigint,
  owedWad: bigint,
  charged: bigint,
  premiumSpeed: bigint,
): bigint | null {
  if (premiumSpeed === 0n) return null;
  // The epoch lapses once K drops below supply / 1e9; it survives while K ≥ ceil(supply / 1e9).
  const keep = ceilDiv(supply, LAPSE_DENOMINATOR);
  const budgetWad = saturatingSub((charged + saturatingSub(active, keep)) * WAD, owedWad);
  return mulDivDown(budgetWad, YEAR, premiumSpeed);
}

/** coverLifetime for pool `poolId` of a state synced to now. */
export function poolCoverLifetime(state: MetaPoolState, poolId: number): bigint | null {
  const pool = poolAt(state, poolId);
  return coverLifetime(pool.active, pool.supply, pool.owedWad, pool.charged, poolView(state, poolId).premiumSpeed);
}

export interface PurchaseQuote {
  maturesAt: bigint;
  /** C − Σ K now: what could be accepted if the purchase matured now (`previewBuy`'s capacity). */
  capacity: bigint;
  /** Σ R of the whole MetaPool: pending purchases queued ahead, which mature first and take capital first. */
  pendingAhead: bigint;
  /**
   * What would be accepted at maturity if everything queued ahead matured first and nothing else
   * changed: min(amount, C − Σ K after them). The rest would be refundable. An estimate: acceptance
   * is decided at maturity, by the capital free then.
   */
  acceptedIfAheadMature: bigint;
  /** The pool now, projected to `now`. */
  before: PoolView;
  /** The pool once every purchase queued before it and then this one have matured. */
  after: PoolView;
  /** Cover tokens at today's supply / K (1:1 when the epoch opens); an estimate, K shrinks until maturity. */
  tokens: bigint;
  /** This deposit's share of the pool's daily premium after maturity, rounded up. */
  costPerDay: bigint;
  /** Seconds the deposit lasts at the post-maturity speed; null if it pays nothing. */
  lifetime: bigint | null;
}

/**
 * `previewBuy(poolId, amount)` and what follows it: the capacity now, the pending amount queued
 * ahead, and the pool once everything queued ahead and then this purchase have matured, in queue
 * order, each taking min(amount, C − Σ K) (SPEC §5), assuming nothing else changes.
 */
export function quotePurchase(
  state: MetaPoolState,
  poolId: number,
  amount: bigint,
  now: bigint,
): Result<PurchaseQuote> {
  const s = projectTo(state, now);
  const blocker = buyBlocker(s, poolId, amount);
  if (blocker) return fail(blocker);
  const before = poolView(s, poolId);
  const pool = poolAt(s, poolId);
  const tokens =
    pool.epochOpenedAt === 0n || pool.supply === 0n ? amount : mulDivDown(amount, pool.supply, pool.active);

  const matured = cloneState(s);
  const free = () => saturatingSub(matured.capital, totalActive(matured.pools));
  for (const entry of matured.queue) {
    if (entry.refunded) continue;
    const p = poolAt(matured, entry.poolId);
    p.active += min(entry.amount, free());
    p.pending -= entry.amount;
  }
  const target = poolAt(matured, poolId);
  const accepted = min(amount, free());
  target.active += accepted;
  target.supply += tokens;
  const after = poolView(matured, poolId);
  return ok({
    maturesAt: now + s.params.purchaseDelay,
    capacity: purchaseCapacity(s),
    pendingAhead: pendingAhead(s),
    acceptedIfAheadMature: accepted,
    before,
    after,
    tokens,
    costPerDay: target.active === 0n ? 0n : mulDivUp(costPerDay(after.premiumSpeed), amount, target.active),
    lifetime: coverLifetime(target.active, target.supply, target.owedWad, target.charged, after.premiumSpeed),
  });
}
