import * as v from "valibot";
import type { Address, ContractFunctionArgs } from "viem";

import type { metaPoolFactoryAbi } from "@/abis";
import { sameAddress } from "@/lib/format";
import { WAD } from "@/lib/protocol/constants";

import { checkArbiter, checkAssetAddress, type AssetInfo } from "./addresses";
import { fail, MAX_CURVE_SUM, MAX_TOTAL_FEE_BPS, ok, type Check } from "./check";
import {
  checkPayoutMultiple,
  parsePercentToBps,
  parsePercentToWad,
  percentText,
  type CurveInput,
  type CurveValue,
} from "./pricing";
import { checkClaimBond, checkMinPurchase, checkPurchaseDelay, checkWithdrawalPeriod } from "./terms";
import { checkName, checkPools, checkProtectionStatement, cleanText } from "./texts";

/**
 * The create form as one valibot schema: its shape, every rule (the checks in this folder, whose messages are the
 * issues), which step owns which field, and the parse to the factory's `MetaPoolParams`. Errors are the issues keyed
 * by their path ("name", "pools.1.name", "curve.kink"); a step is blocked by the issues under its own fields.
 */

/** The struct `createMetaPool` takes, typed from the ABI (uint16/uint32 are numbers, wider ints bigint). */
export type CreateParams = ContractFunctionArgs<typeof metaPoolFactoryAbi, "nonpayable", "createMetaPool">[0];

/** What the form needs from outside: the asset read from the chain, and who would create it. */
export interface CreateContext {
  /** The asset once read and accepted (see `checkAssetProbe`); undefined while unknown. */
  asset?: AssetInfo;
  /** An error from reading the asset, shown on the asset field. */
  assetError?: string;
  /** The connected account: the creator. */
  creator?: Address;
}

/** A check from this folder as a schema step: its error becomes the issue, its value the parsed output. */
function rule<I, O>(check: (input: I) => Check<O>) {
  return v.rawTransform<I, O>(({ dataset, addIssue, NEVER }) => {
    const result = check(dataset.value);
    if (result.ok) return result.value;
    addIssue({ message: result.error });
    return NEVER;
  });
}
const text = <O>(check: (text: string) => Check<O>) => v.pipe(v.string(), rule(check));
const duration = <O>(check: (input: { amount: string; unit: "minutes" | "hours" | "days" }) => Check<O>) =>
  v.pipe(v.object({ amount: v.string(), unit: v.picklist(["minutes", "hours", "days"]) }), rule(check));

/** The asset field: the address's format, then the chain's verdict on the token at that address. */
export function assetVerdict(text: string, ctx: CreateContext): Check<AssetInfo> {
  const address = checkAssetAddress(text);
  if (!address.ok) return address;
  if (ctx.assetError) return fail(ctx.assetError);
  if (!ctx.asset || !sameAddress(ctx.asset.address, address.value)) return fail("Reading the token…");
  return ok(ctx.asset);
}

/**
 * 1..16 pools, each named and described within bounds, names distinct: `checkPools`, whose per-pool errors become
 * issues at "pools.<i>.name" / "pools.<i>.description" (so a duplicate and a blank pool show together).
 */
const pools = v.pipe(
  v.array(v.object({ name: v.string(), description: v.string() })),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const input = dataset.value;
    const result = checkPools(input);
    if (result.count) addIssue({ message: result.count });
    result.pools.forEach((errors, i) => {
      for (const key of ["name", "description"] as const) {
        const message = errors[key];
        if (!message) continue;
        const item = { type: "array", origin: "value", input, key: i, value: input[i] } as const;
        const field = { type: "object", origin: "value", input: input[i]!, key, value: input[i]![key] } as const;
        addIssue({ message, path: [item, field] });
      }
    });
    if (result.count || result.pools.some((e) => e.name || e.description)) return NEVER;
    return input.map((p) => ({ name: cleanText(p.name), description: cleanText(p.description) }));
  }),
);

const percentWad = (what: string) => text((t) => parsePercentToWad(t, what));
const kinkMessage = "The kink is the utilisation where the curve steepens; it must be above 0 % and below 100 %.";
const curveSum = (c: { baseRate: bigint; slope1: bigint; slope2: bigint }) => c.baseRate + c.slope1 + c.slope2;
const sumPaths = [["baseRate"], ["slope1"], ["slope2"]] as const;

/** InvalidKink (0 < kink < 100 %), InvalidCurveSum (base + slope1 + slope2 ≤ 1 000 %), and the app's: not all zero. */
export const curveSchema = v.pipe(
  v.object({
    baseRate: percentWad("the base rate"),
    slope1: percentWad("slope 1"),
    kink: v.pipe(
      percentWad("the kink"),
      v.check((k) => k > 0n && k < WAD, kinkMessage),
    ),
    slope2: percentWad("slope 2"),
  }),
  v.partialCheck(
    sumPaths,
    (c) => curveSum(c) <= MAX_CURVE_SUM,
    (issue) =>
      `Base rate + slope 1 + slope 2 is ${percentText(curveSum(issue.input as never), 16)} % a year; the most a pool can charge is 1 000 %.`,
  ),
  // The contract accepts it, but cover would be free at any utilisation and underwriters would earn nothing.
  v.partialCheck(
    sumPaths,
    (c) => curveSum(c) !== 0n,
    "Base rate, slope 1 and slope 2 are all 0 %: cover would cost nothing even with all capital in use, and underwriters would earn nothing. Set at least one above 0 %.",
  ),
);

type Fees = { arbiterFee: bigint; creatorFee: bigint };
const feePaths = [["arbiterFee"], ["creatorFee"]] as const;
/** InvalidFees: arbiter fee + creator fee ≤ 50 % (5 000 bps); a rule across two fields, keyed "fees". */
const feesWithinCap = (f: Fees) => f.arbiterFee + f.creatorFee <= MAX_TOTAL_FEE_BPS;
const feesMessage = (issue: { input: unknown }) =>
  `The fees add up to ${percentText((issue.input as Fees).arbiterFee + (issue.input as Fees).creatorFee, 2)} % of the premium; together they may take at most 50 %.`;
const fees = {
  arbiterFee: text((t) => parsePercentToBps(t, "the arbiter fee")),
  creatorFee: text((t) => parsePercentToBps(t, "the creator fee")),
};
/** The fees alone (the arbiter step's split in words). */
export const feesSchema = v.pipe(v.object(fees), v.partialCheck(feePaths, feesWithinCap, feesMessage));

/** Each step's fields, in the order they appear on it: the one place that says which step owns what. */
function stepFields(ctx: CreateContext) {
  const needAsset = "Choose the asset first: amounts are in its units.";
  const amount = (check: (text: string, asset: AssetInfo) => Check<bigint>) =>
    text((t) => (ctx.asset ? check(t, ctx.asset) : fail<bigint>(needAsset)));
  return {
    asset: { asset: text((t) => assetVerdict(t, ctx)) },
    describe: { name: text(checkName), protectionStatement: text(checkProtectionStatement) },
    pools: { pools },
    arbiter: {
      arbiter: text((t) => checkArbiter(t, ctx.creator)),
      ...fees,
      payout: v.pipe(v.object({ capped: v.boolean(), multiple: v.string() }), rule(checkPayoutMultiple)),
    },
    curve: { curve: curveSchema },
    terms: {
      withdrawalPeriod: duration(checkWithdrawalPeriod),
      purchaseDelay: duration(checkPurchaseDelay),
      claimBond: amount(checkClaimBond),
      minPurchase: amount(checkMinPurchase),
    },
  };
}

export type CreateStepFields = ReturnType<typeof stepFields>;
export type FormStepId = keyof CreateStepFields;
/** Rules across fields, by the key their issue is shown under, and the step they block. */
const CROSS_FIELD_RULES = { fees: { step: "arbiter", requirement: feesWithinCap } } as const;

/** Which step owns each top-level field (and cross-field rule). */
export const FIELD_STEP = {
  ...Object.fromEntries(
    Object.entries(stepFields({})).flatMap(([step, fields]) => Object.keys(fields).map((key) => [key, step])),
  ),
  ...Object.fromEntries(Object.entries(CROSS_FIELD_RULES).map(([key, r]) => [key, r.step])),
} as Readonly<Record<string, FormStepId>>;

/**
 * The whole form → `CreateParams`. `ctx.asset` must be the asset `assetVerdict` accepted for the form's address
 * (`createFormSchema` is built per parse, since amounts are in that asset's units).
 */
export function createFormSchema(ctx: CreateContext) {
  const steps = stepFields(ctx);
  return v.pipe(
    v.object({ ...steps.asset, ...steps.describe, ...steps.pools, ...steps.arbiter, ...steps.curve, ...steps.terms }),
    v.partialCheck(feePaths, feesWithinCap, feesMessage),
    v.transform(
      (f): CreateParams => ({
        asset: f.asset.address,
        arbiter: f.arbiter.address,
        name: f.name,
        protectionStatement: f.protectionStatement,
        pools: f.pools,
        arbiterFeeBps: Number(f.arbiterFee),
        creatorFeeBps: Number(f.creatorFee),
        curve: f.curve,
        payoutMultiple: Number(f.payout),
        withdrawalPeriod: Number(f.withdrawalPeriod),
        purchaseDelay: Number(f.purchaseDelay),
        claimBond: f.claimBond,
        minPurchase: f.minPurchase,
      }),
    ),
  );
}

/** One issue per field key (the first), in the schema's order; a cross-field rule's issue under its own key. */
export function issuesByField(issues: readonly v.BaseIssue<unknown>[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const cross = Object.entries(CROSS_FIELD_RULES).find(([, r]) => r.requirement === issue.requirement);
    const key = v.getDotPath(issue) ?? cross?.[0] ?? "form";
    out[key] ??= issue.message;
  }
  return out;
}

export interface FeesCheck {
  arbiter?: string;
  creator?: string;
  /** The sum's error (InvalidFees), shown under both fields. */
  total?: string;
  value?: { arbiterFeeBps: bigint; creatorFeeBps: bigint };
}

/** The fees alone, through the same rules as the form (the arbiter step's split in words). */
export function checkFees(arbiterFee: string, creatorFee: string): FeesCheck {
  const parsed = v.safeParse(feesSchema, { arbiterFee, creatorFee });
  if (parsed.success)
    return { value: { arbiterFeeBps: parsed.output.arbiterFee, creatorFeeBps: parsed.output.creatorFee } };
  const e = issuesByField(parsed.issues);
  return { arbiter: e.arbiterFee, creator: e.creatorFee, total: e.fees };
}

export interface CurveCheck extends Partial<Record<keyof CurveInput, string>> {
  /** InvalidCurveSum or the all-zero rule. */
  total?: string;
  value?: CurveValue;
}

/** The curve alone, through the same rules as the form (the chart draws only a valid curve). */
export function checkCurve(input: CurveInput): CurveCheck {
  const parsed = v.safeParse(curveSchema, input);
  if (parsed.success) return { value: parsed.output };
  const e = issuesByField(parsed.issues);
  return { baseRate: e.baseRate, slope1: e.slope1, kink: e.kink, slope2: e.slope2, total: e.form };
}
