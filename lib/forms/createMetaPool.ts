import * as v from "valibot";
import { getAddress, parseEventLogs, type Address, type Log } from "viem";

import { metaPoolFactoryAbi } from "@/abis";

import type { AssetInfo } from "./create/addresses";
import { CURVE_PRESETS, type CurveInput, type PayoutInput } from "./create/pricing";
import {
  assetVerdict,
  createFormSchema,
  FIELD_STEP,
  issuesByField,
  type CreateContext,
  type CreateParams,
} from "./create/schema";
import type { DurationInput } from "./create/terms";
import type { PoolInput } from "./create/texts";

/**
 * The create-MetaPool form: every rule of contracts/src/lib/ParamsValidation.sol (SPEC §2), checked
 * before anything is sent, each failure said next to its field with the figure to change. The app
 * adds a few rules of its own where the contract would accept something useless (blank or duplicate
 * coverage pool names, an all-zero curve, a minimum purchase no MetaPool of this token could accept).
 * The checks live by concern in ./create/, the schema that composes them in ./create/schema.ts; this
 * file holds the form's defaults, its steps and `buildCreateParams`, which parses a valid form into
 * the exact `MetaPoolParams`.
 */
export * from "./create/addresses";
export * from "./create/check";
export * from "./create/pricing";
export * from "./create/schema";
export * from "./create/terms";
export * from "./create/texts";

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

/**
 * Every field's error at once, keyed by its path in the form ("name", "pools.1.name", "curve.kink", "payout"), and
 * "fees" for the fees' sum; absent where the field is fine. Messages and order are the schema's.
 */
export type CreateFormErrors = Readonly<Record<string, string | undefined>>;

/** Validates the whole form against `createFormSchema`; the asset accepted for its address prices its amounts. */
export function validateCreateForm(form: CreateForm, ctx: CreateContext): CreateFormErrors {
  return issuesByField(parseCreateForm(form, ctx).issues);
}

function parseCreateForm(form: CreateForm, ctx: CreateContext) {
  const asset = assetVerdict(form.asset, ctx);
  return v.safeParse(createFormSchema({ ...ctx, asset: asset.ok ? asset.value : undefined }), form);
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

/**
 * Why a step cannot be left yet (the first problem on its fields, in the schema's order), or undefined when it is
 * complete. A coverage pool's problem is prefixed "Pool N:". The review step is blocked by any earlier step's problem.
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
  for (const [key, message] of Object.entries(errors)) {
    if (!message || FIELD_STEP[key.split(".")[0]!] !== step) continue;
    const pool = /^pools\.(\d+)\./.exec(key);
    return pool ? `Pool ${Number(pool[1]) + 1}: ${message}` : message;
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
  const parsed = parseCreateForm(form, { asset, creator });
  if (parsed.success) return parsed.output;
  throw new InvalidCreateForm(stepIssue("review", issuesByField(parsed.issues)) ?? parsed.issues[0].message);
}

/** The new MetaPool's address from the factory's `MetaPoolCreated` in a creation receipt. */
export function createdMetaPool(logs: readonly Log[], factory: Address): Address | undefined {
  const events = parseEventLogs({ abi: metaPoolFactoryAbi, eventName: "MetaPoolCreated", logs: [...logs] });
  const own = events.find((e) => e.address.toLowerCase() === factory.toLowerCase());
  return own ? getAddress(own.args.metaPool) : undefined;
}
