import { formatUnits } from "viem";

/** How a display rounds the digits it drops. */
export type Rounding = "down" | "up" | "nearest";

/** value / divisor, rounded as asked (value ≥ 0, divisor > 0). */
export function roundDiv(value: bigint, divisor: bigint, rounding: Rounding): bigint {
  const q = value / divisor;
  const r = value % divisor;
  if (r === 0n) return q;
  if (rounding === "up") return q + 1n;
  if (rounding === "nearest") return 2n * r >= divisor ? q + 1n : q;
  return q;
}

/** "1234567" → "1,234,567". */
export function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Renders `scaled / 10^digits` with thousands separators and between `minDigits` and `digits`
 * decimals (trailing zeros trimmed down to minDigits). No float is involved.
 */
export function renderFixed(scaled: bigint, digits: number, minDigits: number): string {
  const [integer = "0", fraction = ""] = formatUnits(scaled, digits).split(".");
  const shown = fraction.padEnd(minDigits, "0");
  return shown ? `${groupThousands(integer)}.${shown}` : groupThousands(integer);
}

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}
