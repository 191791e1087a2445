import { parseAmount } from "@/lib/format";
import { WAD } from "@/lib/protocol/constants";

import { capitalise, fail, MAX_CURVE_SUM, MAX_PAYOUT_MULTIPLE, MAX_TOTAL_FEE_BPS, ok, type Check } from "./check";

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

export interface FeesCheck {
  arbiter?: string;
  creator?: string;
  /** The sum's error (InvalidFees), shown under both fields. */
  total?: string;
  value?: { arbiterFeeBps: bigint; creatorFeeBps: bigint };
}

/** InvalidFees: arbiter fee + creator fee ≤ 50 % (5 000 bps), each a share of the premium. */
export function checkFees(arbiterText: string, creatorText: string): FeesCheck {
  const arbiter = parsePercentToBps(arbiterText, "the arbiter fee");
  const creator = parsePercentToBps(creatorText, "the creator fee");
  const out: FeesCheck = {
    arbiter: arbiter.ok ? undefined : arbiter.error,
    creator: creator.ok ? undefined : creator.error,
  };
  if (!arbiter.ok || !creator.ok) return out;
  if (arbiter.value + creator.value > MAX_TOTAL_FEE_BPS) {
    out.total = `The fees add up to ${percentText(arbiter.value + creator.value, 2)} % of the premium; together they may take at most 50 %.`;
    return out;
  }
  out.value = { arbiterFeeBps: arbiter.value, creatorFeeBps: creator.value };
  return out;
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

export interface CurveCheck {
  baseRate?: string;
  slope1?: string;
  kink?: string;
  slope2?: string;
  /** InvalidCurveSum. */
  total?: string;
  value?: CurveValue;
}

/** InvalidKink (0 < kink < 100 %), InvalidCurveSum (base + slope1 + slope2 ≤ 1 000 %), and the app's own: not all zero. */
export function checkCurve(input: CurveInput): CurveCheck {
  const baseRate = parsePercentToWad(input.baseRate, "the base rate");
  const slope1 = parsePercentToWad(input.slope1, "slope 1");
  const kink = parsePercentToWad(input.kink, "the kink");
  const slope2 = parsePercentToWad(input.slope2, "slope 2");
  const out: CurveCheck = {
    baseRate: baseRate.ok ? undefined : baseRate.error,
    slope1: slope1.ok ? undefined : slope1.error,
    kink: kink.ok ? undefined : kink.error,
    slope2: slope2.ok ? undefined : slope2.error,
  };
  if (kink.ok && (kink.value === 0n || kink.value >= WAD)) {
    out.kink = "The kink is the utilisation where the curve steepens; it must be above 0 % and below 100 %.";
  }
  if (baseRate.ok && slope1.ok && slope2.ok) {
    const sum = baseRate.value + slope1.value + slope2.value;
    if (sum > MAX_CURVE_SUM) {
      out.total = `Base rate + slope 1 + slope 2 is ${percentText(sum, 16)} % a year; the most a pool can charge is 1 000 %.`;
    } else if (sum === 0n) {
      // The contract accepts it, but cover would be free at any utilisation and underwriters would earn nothing.
      out.total =
        "Base rate, slope 1 and slope 2 are all 0 %: cover would cost nothing even with all capital in use, and underwriters would earn nothing. Set at least one above 0 %.";
    }
  }
  if (out.baseRate || out.slope1 || out.kink || out.slope2 || out.total) return out;
  out.value = {
    baseRate: (baseRate as { value: bigint }).value,
    slope1: (slope1 as { value: bigint }).value,
    kink: (kink as { value: bigint }).value,
    slope2: (slope2 as { value: bigint }).value,
  };
  return out;
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
