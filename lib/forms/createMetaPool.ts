import {
  getAddress,
  isAddress,
  parseEventLogs,
  zeroAddress,
  type Address,
  type ContractFunctionArgs,
  type Log,
} from "viem";

import { metaPoolFactoryAbi } from "@/abis";
import { formatAmount, formatDuration, parseAmount, sameAddress } from "@/lib/format";
import { DAY, HOUR, MINUTE, WAD } from "@/lib/protocol/constants";

/**
 * The create-MetaPool form: every rule of contracts/src/lib/ParamsValidation.sol (SPEC §2), checked
 * before anything is sent, each failure said next to its field with the figure to change. The app
 * adds a few rules of its own where the contract would accept something useless (blank or duplicate
 * coverage pool names). `buildCreateParams` turns a valid form into the exact `MetaPoolParams`.
 */

// ParamsValidation.sol constants.
export const MAX_POOLS = 16;
export const MAX_NAME_BYTES = 64;
export const MAX_STATEMENT_BYTES = 4096;
export const MAX_DESCRIPTION_BYTES = 280;
export const MAX_TOTAL_FEE_BPS = 5000n;
export const MAX_CURVE_SUM = 10n * WAD;
export const MAX_PAYOUT_MULTIPLE = 10_000n;
export const MIN_DECIMALS = 6;
export const MAX_DECIMALS = 18;
export const MIN_WITHDRAWAL_PERIOD = HOUR;
export const MAX_WITHDRAWAL_PERIOD = 365n * DAY;
export const MIN_PURCHASE_DELAY = HOUR;
export const MAX_PURCHASE_DELAY = 30n * DAY;
const MAX_UINT128 = (1n << 128n) - 1n;

/** The struct `createMetaPool` takes, typed from the ABI (uint16/uint32 are numbers, wider ints bigint). */
export type CreateParams = ContractFunctionArgs<typeof metaPoolFactoryAbi, "nonpayable", "createMetaPool">[0];

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(error: string): Check<T> => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------
// Texts: the contract counts UTF-8 bytes, so "é" is 2 and an emoji 4.

const encoder = new TextEncoder();

/** Length in UTF-8 bytes, as Solidity's `bytes(text).length` counts it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** What the form sends: surrounding whitespace is dropped, so counters and checks measure that. */
export function cleanText(text: string): string {
  return text.trim();
}

function checkText(text: string, what: string, max: number, required: boolean): Check<string> {
  const value = cleanText(text);
  const bytes = utf8Length(value);
  if (required && bytes === 0) return fail(`Enter ${what}.`);
  if (bytes > max) return fail(`${capitalise(what)} is ${bytes} bytes long; shorten it to at most ${max} bytes.`);
  return ok(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `name`: 1..64 bytes (InvalidName). */
export function checkName(text: string): Check<string> {
  return checkText(text, "a name for the MetaPool", MAX_NAME_BYTES, true);
}

/** `protectionStatement`: 1..4096 bytes (InvalidProtectionStatement). */
export function checkProtectionStatement(text: string): Check<string> {
  return checkText(text, "the protection statement", MAX_STATEMENT_BYTES, true);
}

/** A coverage pool's `name`: 1..64 bytes (InvalidPoolName). */
export function checkPoolName(text: string): Check<string> {
  return checkText(text, "the coverage pool's name", MAX_NAME_BYTES, true);
}

/** A coverage pool's `description`: at most 280 bytes, may be empty (InvalidPoolDescription). */
export function checkPoolDescription(text: string): Check<string> {
  return checkText(text, "the description", MAX_DESCRIPTION_BYTES, false);
}

export interface PoolInput {
  name: string;
  description: string;
}

export interface PoolErrors {
  name?: string;
  description?: string;
}

/**
 * 1..16 pools (InvalidPoolCount), each named and described within bounds. Names must also differ
 * (ignoring case and surrounding spaces): the app's rule, since seekers choose a pool by its name.
 */
export function checkPools(pools: readonly PoolInput[]): { count?: string; pools: PoolErrors[] } {
  const count =
    pools.length === 0
      ? "Add at least one coverage pool."
      : pools.length > MAX_POOLS
        ? `A MetaPool holds at most ${MAX_POOLS} coverage pools; remove ${pools.length - MAX_POOLS}.`
        : undefined;
  const seen = new Map<string, number>();
  const errors = pools.map((pool, i): PoolErrors => {
    const errs: PoolErrors = {};
    const name = checkPoolName(pool.name);
    if (!name.ok) errs.name = name.error;
    else {
      const key = name.value.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) errs.name = `Pool ${first + 1} already has this name; give each pool its own.`;
      else seen.set(key, i);
    }
    const description = checkPoolDescription(pool.description);
    if (!description.ok) errs.description = description.error;
    return errs;
  });
  return { count, pools: errors };
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** An address as typed: 0x + 40 hex digits; mixed case must carry a valid EIP-55 checksum. */
export function checkAddressFormat(text: string, what: string): Check<Address> {
  const value = text.trim();
  if (value === "") return fail(`Enter ${what}.`);
  if (!/^0x/i.test(value)) return fail("An address starts with 0x.");
  if (!/^0x[0-9a-fA-F]*$/.test(value)) return fail("An address holds only the digits 0-9 and the letters a-f.");
  if (value.length !== 42) return fail(`An address has 40 hex digits after 0x; this one has ${value.length - 2}.`);
  if (!isAddress(value, { strict: true })) {
    return fail("The checksum (upper and lower case letters) does not match: check the address, or paste it in lower case.");
  }
  return ok(getAddress(value));
}

/** The asset address's format; whether it is a token is read from the chain (see `checkAssetProbe`). */
export function checkAssetAddress(text: string): Check<Address> {
  const address = checkAddressFormat(text, "the token's address");
  if (address.ok && address.value === zeroAddress) return fail("The zero address is not a token.");
  return address;
}

/** What the app read from the chain at the asset address. */
export interface AssetProbe {
  /** Whether the address holds contract code (InvalidAsset otherwise). */
  hasCode: boolean;
  /** `decimals()`, or undefined if the call failed (InvalidAsset). */
  decimals?: number;
  /** `symbol()`, or undefined if the call failed (the contract does not need it; the app does). */
  symbol?: string;
}

export interface AssetInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

/**
 * InvalidAsset (no code, or no `decimals()`), InvalidAssetDecimals (outside 6..18), and a symbol
 * the app can show next to every amount.
 */
export function checkAssetProbe(address: Address, probe: AssetProbe): Check<AssetInfo> {
  if (!probe.hasCode) return fail("No contract lives at this address on this network; choose an ERC-20 token.");
  if (probe.decimals === undefined) {
    return fail("This contract does not answer decimals(), so it is not an ERC-20 token the MetaPool can hold.");
  }
  const decimals = checkAssetDecimals(probe.decimals);
  if (!decimals.ok) return fail(decimals.error);
  if (probe.symbol === undefined || probe.symbol.trim() === "") {
    return fail("This contract does not answer symbol(), so it is not an ERC-20 token the app can show.");
  }
  return ok({ address, symbol: probe.symbol, decimals: probe.decimals });
}

/** InvalidAssetDecimals: the asset must have 6 to 18 decimals. */
export function checkAssetDecimals(decimals: number): Check<number> {
  if (!Number.isInteger(decimals) || decimals < MIN_DECIMALS || decimals > MAX_DECIMALS) {
    return fail(`This token has ${decimals} decimals; a MetaPool's asset needs ${MIN_DECIMALS} to ${MAX_DECIMALS}.`);
  }
  return ok(decimals);
}

export interface ArbiterCheck {
  address: Address;
  /** Shown, not blocking: the creator arbitrates claims against its own pool. */
  warning?: string;
}

/** InvalidArbiter: any address but zero. The creator may be its own arbiter, with a warning. */
export function checkArbiter(text: string, creator?: Address): Check<ArbiterCheck> {
  const address = checkAddressFormat(text, "the arbiter's address");
  if (!address.ok) return address;
  if (address.value === zeroAddress) return fail("The zero address cannot rule on claims; choose a real arbiter.");
  const self = sameAddress(address.value, creator);
  return ok({
    address: address.value,
    warning: self
      ? "You would be the arbiter of your own MetaPool: you alone would rule on claims against it and earn its creator fee. Seekers may trust it less."
      : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
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

/** InvalidKink (0 < kink < 100 %) and InvalidCurveSum (base + slope1 + slope2 ≤ 1 000 %). */
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

// ---------------------------------------------------------------------------------------------
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
  const fmt = (v: bigint) => formatAmount(v, decimals, { symbol, maxDecimals: Math.min(decimals, 6) });
  if (!parsed.ok) {
    switch (parsed.error) {
      case "empty":
        return fail(`Enter ${what} in ${symbol}.`);
      case "zero":
        return fail(`${capitalise(what)} must be at least ${fmt(min)}: ${why}.`);
      case "negative":
        return fail(`${capitalise(what)} cannot be negative.`);
      case "too-many-decimals":
        return fail(`${symbol} has ${decimals} decimals; use at most ${decimals} digits after the point.`);
      case "not-a-number":
        return fail(`Enter ${what} as a number of ${symbol}, like 100.`);
    }
  }
  if (parsed.value < min) return fail(`${capitalise(what)} must be at least ${fmt(min)}: ${why}.`);
  if (parsed.value > MAX_UINT128) return fail(`${capitalise(what)} is too large for the contract to store.`);
  return ok(parsed.value);
}

/** InvalidClaimBond: at least one whole token (`10 ** decimals`). */
export function checkClaimBond(text: string, asset: AssetInfo): Check<bigint> {
  return checkAssetAmount(text, asset, "the claim bond", 10n ** BigInt(asset.decimals), "the contract's minimum bond");
}

/** InvalidMinPurchase: at least a hundredth of a token (`10 ** decimals / 100`). */
export function checkMinPurchase(text: string, asset: AssetInfo): Check<bigint> {
  return checkAssetAmount(
    text,
    asset,
    "the minimum purchase",
    10n ** BigInt(asset.decimals) / 100n,
    "the contract's smallest minimum purchase",
  );
}

// ---------------------------------------------------------------------------------------------
// The whole form, step by step.

export interface CreateForm {
  /** The asset's address as typed or picked. */
  asset: string;
  name: string;
  protectionStatement: string;
  pools: PoolInput[];
  arbiter: string;
  arbiterFee: string;
  creatorFee: string;
  payout: PayoutInput;
  curve: CurveInput;
  withdrawalPeriod: DurationInput;
  purchaseDelay: DurationInput;
  claimBond: string;
  minPurchase: string;
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

/** Sensible values for everything the creator does not have to write, so a first MetaPool takes a minute. */
export function defaultCreateForm(asset = ""): CreateForm {
  return {
    asset,
    name: "",
    protectionStatement: "",
    pools: [{ name: "", description: "" }],
    arbiter: "",
    arbiterFee: "5",
    creatorFee: "5",
    payout: { capped: true, multiple: "10" },
    curve: { ...CURVE_PRESETS[1]!.curve },
    withdrawalPeriod: { amount: "7", unit: "days" },
    purchaseDelay: { amount: "1", unit: "days" },
    claimBond: "100",
    minPurchase: "10",
  };
}

/** What the form needs from outside: the asset read from the chain, and who would create it. */
export interface CreateContext {
  /** The asset once read and accepted (see `checkAssetProbe`); undefined while unknown. */
  asset?: AssetInfo;
  /** An error from reading the asset, shown on the asset field. */
  assetError?: string;
  /** The connected account: the creator. */
  creator?: Address;
}

export interface CreateFormErrors {
  asset?: string;
  name?: string;
  protectionStatement?: string;
  poolCount?: string;
  pools: PoolErrors[];
  arbiter?: string;
  arbiterFee?: string;
  creatorFee?: string;
  fees?: string;
  payoutMultiple?: string;
  baseRate?: string;
  slope1?: string;
  kink?: string;
  slope2?: string;
  curve?: string;
  withdrawalPeriod?: string;
  purchaseDelay?: string;
  claimBond?: string;
  minPurchase?: string;
}

/** Every field's error at once (undefined where the field is fine). */
export function validateCreateForm(form: CreateForm, ctx: CreateContext): CreateFormErrors {
  const assetAddress = checkAssetAddress(form.asset);
  const assetError = !assetAddress.ok
    ? assetAddress.error
    : ctx.assetError
      ? ctx.assetError
      : !ctx.asset || ctx.asset.address.toLowerCase() !== assetAddress.value.toLowerCase()
        ? "Reading the token…"
        : undefined;
  const asset = assetError ? undefined : ctx.asset;
  const pools = checkPools(form.pools);
  const arbiter = checkArbiter(form.arbiter, ctx.creator);
  const fees = checkFees(form.arbiterFee, form.creatorFee);
  const payout = checkPayoutMultiple(form.payout);
  const curve = checkCurve(form.curve);
  const needAsset = "Choose the asset first: amounts are in its units.";
  const bond = asset ? checkClaimBond(form.claimBond, asset) : fail<bigint>(needAsset);
  const minPurchase = asset ? checkMinPurchase(form.minPurchase, asset) : fail<bigint>(needAsset);
  const errorOf = (c: Check<unknown>) => (c.ok ? undefined : c.error);
  return {
    asset: assetError,
    name: errorOf(checkName(form.name)),
    protectionStatement: errorOf(checkProtectionStatement(form.protectionStatement)),
    poolCount: pools.count,
    pools: pools.pools,
    arbiter: errorOf(arbiter),
    arbiterFee: fees.arbiter,
    creatorFee: fees.creator,
    fees: fees.total,
    payoutMultiple: errorOf(payout),
    baseRate: curve.baseRate,
    slope1: curve.slope1,
    kink: curve.kink,
    slope2: curve.slope2,
    curve: curve.total,
    withdrawalPeriod: errorOf(checkWithdrawalPeriod(form.withdrawalPeriod)),
    purchaseDelay: errorOf(checkPurchaseDelay(form.purchaseDelay)),
    claimBond: errorOf(bond),
    minPurchase: errorOf(minPurchase),
  };
}

export const CREATE_STEPS = [
  { id: "asset", title: "Asset" },
  { id: "describe", title: "Describe" },
  { id: "pools", title: "Coverage pools" },
  { id: "arbiter", title: "Arbiter & fees" },
  { id: "curve", title: "Funding curve" },
  { id: "terms", title: "Terms" },
  { id: "review", title: "Review" },
] as const;

export type CreateStepId = (typeof CREATE_STEPS)[number]["id"];

/** The fields each step owns, in the order they appear on it. */
const STEP_FIELDS: Record<CreateStepId, readonly (keyof Omit<CreateFormErrors, "pools">)[]> = {
  asset: ["asset"],
  describe: ["name", "protectionStatement"],
  pools: ["poolCount"],
  arbiter: ["arbiter", "arbiterFee", "creatorFee", "fees", "payoutMultiple"],
  curve: ["baseRate", "slope1", "kink", "slope2", "curve"],
  terms: ["withdrawalPeriod", "purchaseDelay", "claimBond", "minPurchase"],
  review: [],
};

/**
 * Why a step cannot be left yet (the first problem on it), or undefined when it is complete.
 * The review step is blocked by any earlier step's problem.
 */
export function stepIssue(step: CreateStepId, errors: CreateFormErrors): string | undefined {
  if (step === "review") {
    for (const s of CREATE_STEPS) {
      if (s.id === "review") continue;
      const issue = stepIssue(s.id, errors);
      if (issue) return `${s.title}: ${issue}`;
    }
    return undefined;
  }
  for (const field of STEP_FIELDS[step]) {
    const error = errors[field];
    if (error) return error;
  }
  if (step === "pools") {
    const i = errors.pools.findIndex((p) => p.name || p.description);
    if (i >= 0) return `Pool ${i + 1}: ${errors.pools[i]!.name ?? errors.pools[i]!.description}`;
  }
  return undefined;
}

export class InvalidCreateForm extends Error {
  constructor(readonly issue: string) {
    super(issue);
    this.name = "InvalidCreateForm";
  }
}

/**
 * The exact `MetaPoolParams` for `createMetaPool` from a valid form and its asset as read from the
 * chain. Throws `InvalidCreateForm` naming the first problem otherwise, so nothing invalid is sent.
 */
export function buildCreateParams(form: CreateForm, asset: AssetInfo, creator?: Address): CreateParams {
  const errors = validateCreateForm(form, { asset, creator });
  const issue = stepIssue("review", errors);
  if (issue) throw new InvalidCreateForm(issue);
  const arbiter = checkArbiter(form.arbiter, creator) as { value: ArbiterCheck };
  const fees = checkFees(form.arbiterFee, form.creatorFee).value!;
  const curve = checkCurve(form.curve).value!;
  const value = <T>(c: Check<T>) => (c as { value: T }).value;
  return {
    asset: asset.address,
    arbiter: arbiter.value.address,
    name: cleanText(form.name),
    protectionStatement: cleanText(form.protectionStatement),
    pools: form.pools.map((p) => ({ name: cleanText(p.name), description: cleanText(p.description) })),
    arbiterFeeBps: Number(fees.arbiterFeeBps),
    creatorFeeBps: Number(fees.creatorFeeBps),
    curve,
    payoutMultiple: Number(value(checkPayoutMultiple(form.payout))),
    withdrawalPeriod: Number(value(checkWithdrawalPeriod(form.withdrawalPeriod))),
    purchaseDelay: Number(value(checkPurchaseDelay(form.purchaseDelay))),
    claimBond: value(checkClaimBond(form.claimBond, asset)),
    minPurchase: value(checkMinPurchase(form.minPurchase, asset)),
  };
}

/** The new MetaPool's address from the factory's `MetaPoolCreated` in a creation receipt. */
export function createdMetaPool(logs: readonly Log[], factory: Address): Address | undefined {
  const events = parseEventLogs({ abi: metaPoolFactoryAbi, eventName: "MetaPoolCreated", logs: [...logs] });
  const own = events.find((e) => e.address.toLowerCase() === factory.toLowerCase());
  return own ? getAddress(own.args.metaPool) : undefined;
}
