import { min } from "./math";

/**
 * P_i, what a valid claim on the pool would pay now (SPEC §3): K_i + F when payoutMultiple is 0
 * (the pool's cover plus all unused capital), else K_i + min(F, (payoutMultiple − 1) × K_i).
 */
export function payout(active: bigint, free: bigint, payoutMultiple: bigint): bigint {
  if (payoutMultiple === 0n) return active + free;
  return active + min(free, (payoutMultiple - 1n) * active);
}
