import { parseAmount } from "@/lib/format";

import { capitalise, fail, MAX_PAYOUT_MULTIPLE, ok, type Check } from "./check";

// Percentages, exact: "2.5" % is parsed as digits, never as a float.

/** A percentage with at most `decimals` digits after the point, scaled by 10^decimals (0 allowed). */
function parsePercent(text: string, decimals: number, what: string): Check<bigint> {
  const parsed = parseAmount(text.replace(/%\s*$/, ""), decimals);
  if (parsed.ok) return ok(parsed.value);
  switch (parsed.error) {
    case "zero":
      return ok(0n);
    case "empty":
      return fail(`Enter ${what} in %, e.g. 5 or 2.5.`);
    case "negative":
      return fail(`${capitalise(what)} cannot be negative.`);
    case "too-many-decimals":
      return fail(`Use at most ${decimals} digits after the point for ${what}.`);
    case "not-a-number":
      return fail(`Enter ${what} as a number of %, e.g. 5 or 2.5.`);
  }
}

/** A percentage as basis points (1 % = 100 bps), to 0.01 %. */
export function parsePercentToBps(text: string, what = "the fee"): Check<bigint> {
  return parsePercent(text, 2, what);
}

/** A percentage as a WAD fraction (100 % = 1e18), to 1e-16 %. */
export function parsePercentToWad(text: string, what = "the rate"): Check<bigint> {
  return parsePercent(text, 16, what);
}

/** A bps or WAD value back to the text a form shows ("2.5"). */
export function percentText(value: bigint, scaleDecimals: 2 | 16): string {
  const one = 10n ** BigInt(scaleDecimals);
  const whole = value / one;
  const fraction = (value % one).toString().padStart(scaleDecimals, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

export interface PayoutInput {
  /** false = uncapped (payoutMultiple 0). */
  capped: boolean;
  multiple: string;
}

/** InvalidPayoutMultiple: 0 (uncapped) or a whole 1..10 000. */
export function checkPayoutMultiple(input: PayoutInput): Check<bigint> {
  if (!input.capped) return ok(0n);
  const text = input.multiple.trim().replace(/[×x]\s*$/i, "");
  if (text === "") return fail("Enter the payout multiple, a whole number from 1 to 10 000.");
  if (!/^\d+$/.test(text)) return fail("The payout multiple is a whole number from 1 to 10 000, like 5.");
  const value = BigInt(text);
  if (value < 1n || value > MAX_PAYOUT_MULTIPLE) {
    return fail(`The payout multiple must be 1 to 10 000, not ${value}.`);
  }
  return ok(value);
}

export interface CurveInput {
  baseRate: string;
  slope1: string;
  kink: string;
  slope2: string;
}

export interface CurveValue {
  baseRate: bigint;
  slope1: bigint;
  kink: bigint;
  slope2: bigint;
}

export interface CurvePreset {
  id: "conservative" | "standard" | "aggressive";
  label: string;
  summary: string;
  curve: CurveInput;
}

export const CURVE_PRESETS: readonly CurvePreset[] = [
  {
    id: "conservative",
    label: "Conservative",
    summary: "Cheap cover that steepens late: for well-audited, long-lived protocols.",
    curve: { baseRate: "1", slope1: "4", kink: "80", slope2: "60" },
  },
  {
    id: "standard",
    label: "Standard",
    summary: "A moderate rate that climbs steeply once most capital is in use.",
    curve: { baseRate: "2", slope1: "8", kink: "80", slope2: "100" },
  },
  {
    id: "aggressive",
    label: "Aggressive",
    summary: "Pricier cover with an early kink: for newer or riskier protocols.",
    curve: { baseRate: "4", slope1: "12", kink: "60", slope2: "200" },
  },
];
