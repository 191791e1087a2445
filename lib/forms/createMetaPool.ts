import { getAddress, parseEventLogs, type Address, type ContractFunctionArgs, type Log } from "viem";

import { metaPoolFactoryAbi } from "@/abis";

import { checkArbiter, checkAssetAddress, type ArbiterCheck, type AssetInfo } from "./create/addresses";
import { fail, type Check } from "./create/check";
import {
  checkCurve,
  checkFees,
  checkPayoutMultiple,
  CURVE_PRESETS,
  type CurveInput,
  type PayoutInput,
} from "./create/pricing";
import {
  checkClaimBond,
  checkMinPurchase,
  checkPurchaseDelay,
  checkWithdrawalPeriod,
  type DurationInput,
} from "./create/terms";
import {
  checkName,
  checkPools,
  checkProtectionStatement,
  cleanText,
  type PoolErrors,
  type PoolInput,
} from "./create/texts";

/**
 * The create-MetaPool form: every rule of contracts/src/lib/ParamsValidation.sol (SPEC §2), checked
 * before anything is sent, each failure said next to its field with the figure to change. The app
 * adds a few rules of its own where the contract would accept something useless (blank or duplicate
 * coverage pool names, an all-zero curve, a minimum purchase no MetaPool of this token could accept).
 * The checks live by concern in ./create/; this file holds the whole form, its steps and
 * `buildCreateParams`, which turns a valid form into the exact `MetaPoolParams`.
 */
export * from "./create/addresses";
export * from "./create/check";
export * from "./create/pricing";
export * from "./create/terms";
export * from "./create/texts";

/** The struct `createMetaPool` takes, typed from the ABI (uint16/uint32 are numbers, wider ints bigint). */
export type CreateParams = ContractFunctionArgs<typeof metaPoolFactoryAbi, "nonpayable", "createMetaPool">[0];

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
    payout: { capped: true, multiple: "3" },
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
