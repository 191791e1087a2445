/**
 * Fixtures for the protocol tests: SPEC §9's parameters, states built through the actions, and
 * a small seeded PRNG for hand-written property tests (no extra dependencies).
 */
import { HOUR } from "./constants";
import { unwrap } from "./errors";
import { buyProtection } from "./protection";
import { deposit } from "./shares";
import { exampleParams } from "./specExample";
import { newMetaPool, type FundingCurve, type MetaPoolParams, type MetaPoolState } from "./state";
import { sync } from "./sync";

export { EXAMPLE_CURVE, ONE, exampleParams } from "./specExample";

export const ZERO_CURVE: FundingCurve = { baseRate: 0n, slope1: 0n, kink: 8n * 10n ** 17n, slope2: 0n };

/** A fixed, readable start time (2025-01-01T00:00:00Z). */
export const T0 = 1_735_689_600n;

/**
 * Capital deposited and cover bought a purchase delay before `at`, all matured at `at`: the state
 * holds exactly `capital` and `active[i]` in each pool, with epochs opened at `at`.
 */
export function stateAt(
  at: bigint,
  capital: bigint,
  active: bigint[],
  params: MetaPoolParams = exampleParams(),
): MetaPoolState {
  const start = at - params.purchaseDelay;
  let s = newMetaPool(params, active.length, start - HOUR);
  s = unwrap(deposit(s, capital, start)).state;
  active.forEach((amount, poolId) => {
    if (amount > 0n) s = unwrap(buyProtection(s, poolId, amount, start)).state;
  });
  return unwrap(sync(s, at)).state;
}

/** splitmix64 over bigint: deterministic, seedable. */
export function prng(seed: number) {
  let x = BigInt(seed) & 0xffff_ffff_ffff_ffffn;
  const mask = 0xffff_ffff_ffff_ffffn;
  const next = (): bigint => {
    x = (x + 0x9e37_79b9_7f4a_7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58_476d_1ce4_e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d0_49bb_1331_11ebn) & mask;
    return z ^ (z >> 31n);
  };
  /** Uniform in [0, n) for n ≥ 1 (rejection-free modulo; bias is irrelevant here). */
  const below = (n: bigint): bigint => {
    let r = 0n;
    for (let bits = 0n; 1n << bits < n * (1n << 64n); bits += 64n) r = (r << 64n) | next();
    return r % n;
  };
  const between = (lo: bigint, hi: bigint): bigint => lo + below(hi - lo + 1n);
  const int = (n: number): number => Number(below(BigInt(n)));
  return { next, below, between, int };
}
