import { WAD } from "./constants";
import { mulDivUp, saturatingSub } from "./math";
import type { CoveragePoolState } from "./state";

/** Σ K_j. */
export function totalActive(pools: readonly CoveragePoolState[]): bigint {
  return pools.reduce((sum, p) => sum + p.active, 0n);
}

/** Σ R_j. */
export function totalPending(pools: readonly CoveragePoolState[]): bigint {
  return pools.reduce((sum, p) => sum + p.pending, 0n);
}

/** F = C − Σ K_j, clamped at 0 (only reachable after shutdown, where exits ignore cover). */
export function freeCapital(capital: bigint, pools: readonly CoveragePoolState[]): bigint {
  return saturatingSub(capital, totalActive(pools));
}

/** u_i = K_i / (K_i + F), WAD, rounded up; 0 when both are 0. */
export function utilisation(active: bigint, free: bigint): bigint {
  const open = active + free;
  return open === 0n ? 0n : mulDivUp(active, WAD, open);
}
