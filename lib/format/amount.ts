import { pow10, renderFixed, roundDiv, type Rounding } from "./decimal";

export interface AmountOptions {
  /** Unit shown after the number, e.g. "USDC". */
  symbol?: string;
  /** 1.23K, 4.5M, 7B, 1.2T above a thousand units. */
  compact?: boolean;
  /** Most decimals shown; by default 2 from 1 unit up and 4 below. */
  maxDecimals?: number;
  /** Default 'down': a balance is never shown larger than it is. Use 'up' for costs. */
  rounding?: Rounding;
}

const SUFFIXES = ["", "K", "M", "B", "T"] as const;

/**
 * One formatter for every bigint amount in base units: decimals chosen by size, "<0.01" for a
 * tiny non-zero amount, thousands separators, optional compact suffix and unit. The amount is
 * scaled in bigint and rendered with viem's formatUnits; it never goes through a float.
 */
export function formatAmount(value: bigint, decimals: number, options: AmountOptions = {}): string {
  const { symbol, compact = false, rounding = "down" } = options;
  const unit = symbol ? ` ${symbol}` : "";
  if (value === 0n) return `0${unit}`;
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const one = pow10(decimals);

  let tier = 0;
  if (compact) while (tier < SUFFIXES.length - 1 && abs >= one * pow10(3 * (tier + 1))) tier++;
  const digits = options.maxDecimals ?? (abs >= one ? 2 : 4);
  let scaled = roundDiv(abs * pow10(digits), one * pow10(3 * tier), rounding);
  // Rounding up may carry into the next compact tier (999.999 → 1K, 999.999K → 1M).
  if (compact && tier < SUFFIXES.length - 1 && scaled >= 1000n * pow10(digits)) {
    tier++;
    scaled = roundDiv(abs * pow10(digits), one * pow10(3 * tier), rounding);
  }
  // Compact figures drop trailing zeros ("1.5K"); plain ones keep two decimals ("1.50").
  const minDigits = tier > 0 ? 0 : Math.min(2, digits);
  if (scaled === 0n) return `${sign === "-" ? ">-" : "<"}${renderFixed(1n, digits, digits)}${unit}`;
  return `${sign}${renderFixed(scaled, digits, minDigits)}${SUFFIXES[tier]}${unit}`;
}
