import { formatAmount, formatDuration, parseAmount } from "@/lib/format";
import { DAY, HOUR, MINUTE } from "@/lib/protocol/constants";

import type { AssetInfo } from "./addresses";
import {
  capitalise,
  fail,
  MAX_PURCHASE_DELAY,
  MAX_UINT128,
  MAX_WITHDRAWAL_PERIOD,
  MIN_PURCHASE_DELAY,
  MIN_WITHDRAWAL_PERIOD,
  ok,
  type Check,
} from "./check";

// Durations: a number and a unit, in whole seconds.

export type DurationUnit = "minutes" | "hours" | "days";
export const DURATION_UNITS: Record<DurationUnit, bigint> = { minutes: MINUTE, hours: HOUR, days: DAY };

export interface DurationInput {
  amount: string;
  unit: DurationUnit;
}

/** "1.5" days → 129 600 s, exactly; a fraction that is not a whole number of seconds is refused. */
export function parseDuration(input: DurationInput, what: string): Check<bigint> {
  const precision = 6;
  const parsed = parseAmount(input.amount, precision);
  if (!parsed.ok) {
    switch (parsed.error) {
      case "empty":
        return fail(`Enter ${what}.`);
      case "zero":
        return ok(0n);
      case "negative":
        return fail(`${capitalise(what)} cannot be negative.`);
      default:
        return fail(`Enter ${what} as a number of ${input.unit}, e.g. 7 or 1.5.`);
    }
  }
  const scaled = parsed.value * DURATION_UNITS[input.unit];
  const one = 10n ** BigInt(precision);
  if (scaled % one !== 0n) return fail(`${capitalise(what)} must come to a whole number of seconds.`);
  return ok(scaled / one);
}

function checkDurationRange(input: DurationInput, what: string, min: bigint, max: bigint): Check<bigint> {
  const seconds = parseDuration(input, what);
  if (!seconds.ok) return seconds;
  if (seconds.value < min || seconds.value > max) {
    return fail(
      `${capitalise(what)} must be ${formatDuration(min)} to ${formatDuration(max)}` +
        (seconds.value > 0n ? `, not ${formatDuration(seconds.value)}.` : "."),
    );
  }
  return ok(seconds.value);
}

/** InvalidWithdrawalPeriod: 1 hour .. 365 days. */
export function checkWithdrawalPeriod(input: DurationInput): Check<bigint> {
  return checkDurationRange(input, "the withdrawal period", MIN_WITHDRAWAL_PERIOD, MAX_WITHDRAWAL_PERIOD);
}

/** InvalidPurchaseDelay: 1 hour .. 30 days. */
export function checkPurchaseDelay(input: DurationInput): Check<bigint> {
  return checkDurationRange(input, "the purchase delay", MIN_PURCHASE_DELAY, MAX_PURCHASE_DELAY);
}

/** A duration in seconds back to the largest unit that holds it whole (for presets and defaults). */
export function durationInput(seconds: bigint): DurationInput {
  if (seconds % DAY === 0n) return { amount: `${seconds / DAY}`, unit: "days" };
  if (seconds % HOUR === 0n) return { amount: `${seconds / HOUR}`, unit: "hours" };
  return { amount: `${seconds / MINUTE}`, unit: "minutes" };
}

// ---------------------------------------------------------------------------------------------
// Amounts in the asset's units.

function checkAssetAmount(text: string, asset: AssetInfo, what: string, min: bigint, why: string): Check<bigint> {
  const { decimals, symbol } = asset;
  const parsed = parseAmount(text, decimals);
  // A minimum is shown rounded up, so the figure typed back is accepted.
  const fmt = (v: bigint, rounding: "up" | "down" = "down") =>
    formatAmount(v, decimals, { symbol, maxDecimals: Math.min(decimals, 6), rounding });
  if (!parsed.ok) {
    switch (parsed.error) {
      case "empty":
        return fail(`Enter ${what} in ${symbol}.`);
      case "zero":
        return fail(`${capitalise(what)} must be at least ${fmt(min, "up")}: ${why}.`);
      case "negative":
        return fail(`${capitalise(what)} cannot be negative.`);
      case "too-many-decimals":
        return fail(`${symbol} has ${decimals} decimals; use at most ${decimals} digits after the point.`);
      case "not-a-number":
        return fail(`Enter ${what} as a number of ${symbol}, like 100.`);
    }
  }
  if (parsed.value < min) return fail(`${capitalise(what)} must be at least ${fmt(min, "up")}: ${why}.`);
  if (parsed.value > MAX_UINT128) return fail(`${capitalise(what)} is too large for the contract to store.`);
  return ok(parsed.value);
}

/** InvalidClaimBond: at least one whole token (`10 ** decimals`). */
export function checkClaimBond(text: string, asset: AssetInfo): Check<bigint> {
  return checkAssetAmount(text, asset, "the claim bond", 10n ** BigInt(asset.decimals), "the contract's minimum bond");
}

/**
 * InvalidMinPurchase: at least a hundredth of a token (`10 ** decimals / 100`). The app also refuses a
 * minimum no MetaPool could ever accept: a purchase must fit in the MetaPool's free capital, which can
 * never exceed every token in existence (the token's total supply).
 */
export function checkMinPurchase(text: string, asset: AssetInfo): Check<bigint> {
  const min = checkAssetAmount(
    text,
    asset,
    "the minimum purchase",
    10n ** BigInt(asset.decimals) / 100n,
    "the contract's smallest minimum purchase",
  );
  if (!min.ok || asset.totalSupply === undefined || min.value <= asset.totalSupply) return min;
  const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol, maxDecimals: 2 });
  return fail(
    `A minimum purchase of ${fmt(min.value)} could never be bought: a purchase must fit in the MetaPool's free capital, ` +
      `and only ${fmt(asset.totalSupply)} exist in total. Choose a smaller minimum.`,
  );
}
