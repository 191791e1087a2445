import { fundingRate } from "./fundingRate";
import { payout } from "./payout";
import { premiumSpeed } from "./premium";
import { pendingClaimOn, poolAt, type MetaPoolState, type PendingClaim } from "./state";
import { freeCapital, utilisation } from "./utilisation";

/** What the `pool(poolId)` view shows, derived from the stored state (SPEC §3, §6, §10). */
export interface PoolView {
  active: bigint;
  pending: bigint;
  /** F, shared by all pools. */
  free: bigint;
  payout: bigint;
  utilisation: bigint;
  rate: bigint;
  premiumSpeed: bigint;
  epoch: bigint;
  supply: bigint;
  pendingClaim: PendingClaim | undefined;
}

/**
 * After shutdown cover is no longer in force: payout, rate and speed are 0, and F is clamped at 0
 * (exits ignore cover). A pool without cover tokens shows a payout of 0, as the contract's view
 * does: a valid claim on it would take nothing from C (SPEC §7).
 */
export function poolView(state: MetaPoolState, poolId: number): PoolView {
  const pool = poolAt(state, poolId);
  const free = freeCapital(state.capital, state.pools);
  const u = utilisation(pool.active, free);
  const live = !state.isShutDown;
  const p = live && pool.supply > 0n ? payout(pool.active, free, state.params.payoutMultiple) : 0n;
  const rate = live ? fundingRate(state.params.curve, u) : 0n;
  return {
    active: pool.active,
    pending: pool.pending,
    free,
    payout: p,
    utilisation: u,
    rate,
    premiumSpeed: premiumSpeed(rate, p, pool.active),
    epoch: pool.epoch,
    supply: pool.supply,
    pendingClaim: pendingClaimOn(state, poolId),
  };
}

/** ρ_i of every pool, fixed from the state as it stands (SPEC §6 step 1). */
export function premiumSpeeds(state: MetaPoolState): bigint[] {
  return state.pools.map((_, i) => poolView(state, i).premiumSpeed);
}
