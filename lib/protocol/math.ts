/**
 * Integer division helpers for uint256 amounts. Every protocol division goes through one of
 * these so its rounding direction is explicit at the call site.
 */

function assertUnsigned(...values: bigint[]): void {
  for (const v of values) if (v < 0n) throw new RangeError(`negative amount ${v}`);
}

/** ceil(a / d), for a ≥ 0 and d > 0. */
export function ceilDiv(a: bigint, d: bigint): bigint {
  assertUnsigned(a, d);
  if (d === 0n) throw new RangeError("division by zero");
  return a === 0n ? 0n : (a - 1n) / d + 1n;
}

/** floor(a × b / d). */
export function mulDivDown(a: bigint, b: bigint, d: bigint): bigint {
  assertUnsigned(a, b, d);
  if (d === 0n) throw new RangeError("division by zero");
  return (a * b) / d;
}

/** ceil(a × b / d). */
export function mulDivUp(a: bigint, b: bigint, d: bigint): bigint {
  return ceilDiv(a * b, d);
}

export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** a − b, or 0 when b ≥ a. */
export function saturatingSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}
