import { formatAmount, parseAmount } from "@/lib/format";

export interface AmountLimit {
  value: bigint;
  /** Finishes "Enter at most 420.00 dUSD: …", e.g. "your balance" or "the capacity left". */
  reason: string;
}

export interface AmountRules {
  decimals: number;
  symbol: string;
  /** Smallest accepted amount (e.g. the minimum purchase). */
  min?: AmountLimit;
  /** Every upper bound that applies (balance, capacity, free capital…); the tightest one is reported. */
  max?: readonly AmountLimit[];
}

export type AmountCheck = { ok: true; value: bigint } | { ok: false; error: string };

/**
 * Validates an amount typed into a form before anything is sent: a number, not zero, no more
 * decimals than the asset has, within every limit. The sentence names the limit and its figure.
 */
export function checkAmount(text: string, rules: AmountRules): AmountCheck {
  const { decimals, symbol } = rules;
  const parsed = parseAmount(text, decimals);
  if (!parsed.ok) {
    switch (parsed.error) {
      case "empty":
        return { ok: false, error: "Enter an amount." };
      case "not-a-number":
        return { ok: false, error: "Enter a number, like 1250.50." };
      case "too-many-decimals":
        return {
          ok: false,
          error: `${symbol} ${unitVerb(symbol)} ${decimals} decimals; use at most ${decimals} digits after the point.`,
        };
      case "zero":
        return { ok: false, error: "Enter an amount greater than 0." };
      case "negative":
        return { ok: false, error: "Enter a positive amount." };
    }
  }
  const value = parsed.value;
  // A bound is shown rounded towards the side it allows, so the figure typed back is accepted:
  // "at least" up, "at most" down.
  const fmt = (v: bigint, rounding: "up" | "down" = "down") =>
    formatAmount(v, decimals, { symbol, maxDecimals: Math.min(decimals, 6), rounding });
  if (rules.min && value < rules.min.value) {
    return { ok: false, error: `Enter at least ${fmt(rules.min.value, "up")}: ${rules.min.reason}.` };
  }
  const tightest = [...(rules.max ?? [])].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))[0];
  if (tightest && value > tightest.value) {
    return { ok: false, error: `Enter at most ${fmt(tightest.value)}: ${tightest.reason}.` };
  }
  return { ok: true, value };
}

/** "dUSD has", but "shares have": a unit written as a plural word takes a plural verb. */
function unitVerb(symbol: string): "has" | "have" {
  return /^[a-z]+s$/.test(symbol) ? "have" : "has";
}

/**
 * A state updater that empties a field after its transaction confirmed, unless the user has typed
 * something else meanwhile: the flow settles after its reads refresh, and a new amount must survive that.
 */
export function clearIfStill<T>(sent: T, empty: T): (now: T) => T {
  return (now) => (Object.is(now, sent) ? empty : now);
}
