import * as v from "valibot";
import { zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";

import {
  buildCreateParams,
  CREATE_STEPS,
  defaultCreateForm,
  stepIssue,
  validateCreateForm,
  type AssetInfo,
  type CreateForm,
  type CreateStepId,
} from "../createMetaPool";
import { checkCurve, checkFees, createFormSchema } from "./schema";

const DUSD: AssetInfo = { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "dUSD", decimals: 6 };
const CREATOR: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ARBITER: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

const valid: CreateForm = {
  ...defaultCreateForm(DUSD.address),
  name: "Blue-chip lending",
  protectionStatement: "Pays when a listed lending market loses suppliers' funds.",
  pools: [
    { name: "Aave v3", description: "Core market." },
    { name: "Compound v3", description: "" },
  ],
  arbiter: ARBITER,
};
const ctx = { asset: DUSD, creator: CREATOR };
const pool = (name: string, description = "") => ({ name, description });

/** [step, what is broken, key the error is shown under, the exact message the step is blocked by]. */
const cases: [CreateStepId, Partial<CreateForm>, string, string][] = [
  ["asset", { asset: "" }, "asset", "Enter the token's address."],
  ["asset", { asset: "0x12" }, "asset", "An address has 40 hex digits after 0x; this one has 2."],
  ["asset", { asset: zeroAddress }, "asset", "The zero address is not a token."],
  ["describe", { name: " " }, "name", "Enter a name for the MetaPool."],
  // The contract counts UTF-8 bytes: 33 × "é" is 66 bytes.
  [
    "describe",
    { name: "é".repeat(33) },
    "name",
    "A name for the MetaPool is 66 bytes long; shorten it to at most 64 bytes.",
  ],
  ["describe", { protectionStatement: "" }, "protectionStatement", "Enter the protection statement."],
  [
    "describe",
    { protectionStatement: "€".repeat(1366) },
    "protectionStatement",
    "The protection statement is 4098 bytes long; shorten it to at most 4096 bytes.",
  ],
  ["pools", { pools: [] }, "pools", "Add at least one coverage pool."],
  [
    "pools",
    { pools: Array.from({ length: 17 }, (_, i) => pool(`P${i}`)) },
    "pools",
    "A MetaPool holds at most 16 coverage pools; remove 1.",
  ],
  ["pools", { pools: [pool("A"), pool(" ")] }, "pools.1.name", "Pool 2: Enter the coverage pool's name."],
  [
    "pools",
    { pools: [pool("A", "é".repeat(141))] },
    "pools.0.description",
    "Pool 1: The description is 282 bytes long; shorten it to at most 280 bytes.",
  ],
  [
    "pools",
    { pools: [pool("Aave v3"), pool(" aave V3 ")] },
    "pools.1.name",
    "Pool 2: Pool 1 already has this name; give each pool its own.",
  ],
  ["arbiter", { arbiter: "" }, "arbiter", "Enter the arbiter's address."],
  ["arbiter", { arbiter: zeroAddress }, "arbiter", "The zero address cannot rule on claims; choose a real arbiter."],
  ["arbiter", { arbiterFee: "" }, "arbiterFee", "Enter the arbiter fee in %, e.g. 5 or 2.5."],
  ["arbiter", { creatorFee: "-1" }, "creatorFee", "The creator fee cannot be negative."],
  ["arbiter", { arbiterFee: "1.234" }, "arbiterFee", "Use at most 2 digits after the point for the arbiter fee."],
  [
    "arbiter",
    { arbiterFee: "30", creatorFee: "30" },
    "fees",
    "The fees add up to 60 % of the premium; together they may take at most 50 %.",
  ],
  ["arbiter", { payout: { capped: true, multiple: "0" } }, "payout", "The payout multiple must be 1 to 10 000, not 0."],
  [
    "curve",
    { curve: { ...valid.curve, kink: "100" } },
    "curve.kink",
    "The kink is the utilisation where the curve steepens; it must be above 0 % and below 100 %.",
  ],
  [
    "curve",
    { curve: { ...valid.curve, slope1: "x" } },
    "curve.slope1",
    "Enter slope 1 as a number of %, e.g. 5 or 2.5.",
  ],
  [
    "curve",
    { curve: { baseRate: "0", slope1: "600", kink: "50", slope2: "600" } },
    "curve",
    "Base rate + slope 1 + slope 2 is 1200 % a year; the most a pool can charge is 1 000 %.",
  ],
  [
    "curve",
    { curve: { baseRate: "0", slope1: "0", kink: "50", slope2: "0" } },
    "curve",
    "Base rate, slope 1 and slope 2 are all 0 %: cover would cost nothing even with all capital in use, and underwriters would earn nothing. Set at least one above 0 %.",
  ],
  ["terms", { withdrawalPeriod: { amount: "", unit: "days" } }, "withdrawalPeriod", "Enter the withdrawal period."],
  [
    "terms",
    { purchaseDelay: { amount: "0.0001", unit: "minutes" } },
    "purchaseDelay",
    "The purchase delay must come to a whole number of seconds.",
  ],
  [
    "terms",
    { claimBond: "0.5" },
    "claimBond",
    "The claim bond must be at least 1.00 dUSD: the contract's minimum bond.",
  ],
  ["terms", { minPurchase: "" }, "minPurchase", "Enter the minimum purchase in dUSD."],
];

describe("the create form schema: each rule's message blocks exactly its own step", () => {
  it("a complete form parses to the factory's params with no issue", () => {
    const parsed = v.safeParse(createFormSchema(ctx), valid);
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual(buildCreateParams(valid, DUSD, CREATOR));
    expect(parsed.output).toMatchObject({ arbiterFeeBps: 500, payoutMultiple: 3, withdrawalPeriod: 604_800 });
    for (const step of CREATE_STEPS) expect(stepIssue(step.id, validateCreateForm(valid, ctx))).toBeUndefined();
  });

  it.each(cases)("%s: %j → %s", (step, patch, key, message) => {
    const errors = validateCreateForm({ ...valid, ...patch }, ctx);
    expect(errors[key]).toBe(message.replace(/^Pool \d+: /, ""));
    expect(stepIssue(step, errors)).toBe(message);
    for (const other of CREATE_STEPS) {
      // Amounts are in the asset's units: without an asset, the terms wait for it too.
      const waits = step === "asset" && other.id === "terms";
      if (other.id !== step && other.id !== "review" && !waits) {
        expect(stepIssue(other.id, errors), other.id).toBeUndefined();
      }
    }
    const title = CREATE_STEPS.find((s) => s.id === step)!.title;
    expect(stepIssue("review", errors)).toBe(`${title}: ${message}`);
    expect(() => buildCreateParams({ ...valid, ...patch }, DUSD, CREATOR)).toThrow(`${title}: ${message}`);
  });

  it("covers every step but review", () => {
    const steps = new Set(cases.map(([step]) => step));
    expect([...steps]).toEqual(CREATE_STEPS.map((s) => s.id).filter((id) => id !== "review"));
  });

  it("reports every field at once: a duplicate and a blank pool together, the fields of several steps", () => {
    const errors = validateCreateForm(
      { ...valid, name: "", pools: [pool("A"), pool("a"), pool("")], arbiter: "", claimBond: "0" },
      ctx,
    );
    expect(Object.keys(errors)).toEqual(["name", "pools.1.name", "pools.2.name", "arbiter", "claimBond"]);
  });

  it("the asset's read decides the asset field, and amounts wait for it", () => {
    expect(validateCreateForm(valid, {}).asset).toBe("Reading the token…");
    expect(validateCreateForm(valid, { assetError: "No contract here." }).asset).toBe("No contract here.");
    expect(validateCreateForm(valid, {}).claimBond).toBe("Choose the asset first: amounts are in its units.");
    // The asset read is for another address than the one typed: still reading.
    const other = { ...DUSD, address: ARBITER };
    expect(validateCreateForm(valid, { asset: other }).minPurchase).toMatch(/Choose the asset first/);
  });

  it("trims texts before it measures and sends them", () => {
    const params = buildCreateParams({ ...valid, name: `  ${"a".repeat(64)}  `, pools: [pool(" P ", " d ")] }, DUSD);
    expect(params.name).toBe("a".repeat(64));
    expect(params.pools).toEqual([{ name: "P", description: "d" }]);
  });

  it("the fees and the curve alone go through the same rules as the form", () => {
    expect(checkFees("30", "30").total).toBe(
      "The fees add up to 60 % of the premium; together they may take at most 50 %.",
    );
    expect(checkFees("2.5", "0").value).toEqual({ arbiterFeeBps: 250n, creatorFeeBps: 0n });
    expect(checkCurve({ baseRate: "0", slope1: "600", kink: "0", slope2: "600" })).toEqual({
      baseRate: undefined,
      slope1: undefined,
      kink: "The kink is the utilisation where the curve steepens; it must be above 0 % and below 100 %.",
      slope2: undefined,
      total: "Base rate + slope 1 + slope 2 is 1200 % a year; the most a pool can charge is 1 000 %.",
    });
  });
});
