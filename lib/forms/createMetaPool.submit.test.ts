// The create-MetaPool form as a whole: its steps' issues, the params it sends and the MetaPool read from the receipt.
import {
  encodeAbiParameters,
  encodeEventTopics,
  getAbiItem,
  zeroAddress,
  type Address,
  type Hex,
  type Log,
} from "viem";
import { describe, expect, it } from "vitest";

import { metaPoolFactoryAbi } from "@/abis";

import {
  buildCreateParams,
  createdMetaPool,
  defaultCreateForm,
  InvalidCreateForm,
  stepIssue,
  validateCreateForm,
} from "./createMetaPool";
import { ARBITER, CREATOR, DDAI, DUSD, FACTORY, validForm } from "./createMetaPool.fixtures";

describe("steps and the whole form", () => {
  it("defaults leave only the texts and the arbiter to fill", () => {
    const errors = validateCreateForm(defaultCreateForm(DUSD.address), { asset: DUSD, creator: CREATOR });
    expect(stepIssue("asset", errors)).toBeUndefined();
    expect(stepIssue("describe", errors)).toMatch(/Enter a name/);
    expect(stepIssue("pools", errors)).toMatch(/^Pool 1: Enter/);
    expect(stepIssue("arbiter", errors)).toMatch(/Enter the arbiter's address/);
    expect(stepIssue("curve", errors)).toBeUndefined();
    expect(stepIssue("terms", errors)).toBeUndefined();
    expect(stepIssue("review", errors)).toMatch(/^Describe: Enter a name/);
  });

  it("the asset step waits for the token to be read, and shows the read's error", () => {
    const form = validForm();
    expect(stepIssue("asset", validateCreateForm(form, {}))).toBe("Reading the token…");
    expect(stepIssue("asset", validateCreateForm(form, { asset: DDAI }))).toBe("Reading the token…");
    expect(stepIssue("asset", validateCreateForm(form, { assetError: "No contract" }))).toBe("No contract");
    expect(stepIssue("asset", validateCreateForm({ ...form, asset: "0x12" }, { asset: DUSD }))).toMatch(/40 hex/);
    expect(validateCreateForm(form, {}).claimBond).toMatch(/Choose the asset first/);
  });

  it("fees and curve sums block their step", () => {
    const fees = validateCreateForm(validForm({ arbiterFee: "30", creatorFee: "30" }), { asset: DUSD });
    expect(stepIssue("arbiter", fees)).toMatch(/add up to 60 %/);
    const curve = validateCreateForm(
      validForm({ curve: { baseRate: "0", slope1: "600", kink: "50", slope2: "600" } }),
      {
        asset: DUSD,
      },
    );
    expect(stepIssue("curve", curve)).toMatch(/1200 %/);
    expect(stepIssue("review", curve)).toMatch(/^Funding curve:/);
  });

  it("a complete form has no issue on any step", () => {
    const errors = validateCreateForm(validForm(), { asset: DUSD, creator: CREATOR });
    expect(stepIssue("review", errors)).toBeUndefined();
  });
});

describe("buildCreateParams", () => {
  it("returns the exact MetaPoolParams struct", () => {
    expect(buildCreateParams(validForm(), DUSD, CREATOR)).toEqual({
      asset: DUSD.address,
      arbiter: ARBITER,
      name: "Blue-chip lending",
      protectionStatement: "Pays when a listed lending market loses suppliers' funds.",
      pools: [
        { name: "Aave v3", description: "Aave v3 Ethereum core market." },
        { name: "Compound v3", description: "" },
      ],
      arbiterFeeBps: 500,
      creatorFeeBps: 500,
      curve: { baseRate: 2n * 10n ** 16n, slope1: 8n * 10n ** 16n, kink: 8n * 10n ** 17n, slope2: 10n ** 18n },
      payoutMultiple: 3,
      withdrawalPeriod: 604_800,
      purchaseDelay: 86_400,
      claimBond: 100_000_000n,
      minPurchase: 10_000_000n,
    });
  });

  it("uses the asset's decimals and uncapped payout as 0", () => {
    const params = buildCreateParams(
      validForm({ asset: DDAI.address, payout: { capped: false, multiple: "" }, claimBond: "1", minPurchase: "0.01" }),
      DDAI,
    );
    expect(params.payoutMultiple).toBe(0);
    expect(params.claimBond).toBe(10n ** 18n);
    expect(params.minPurchase).toBe(10n ** 16n);
  });

  it("encodes as the factory's argument", async () => {
    const { encodeFunctionData } = await import("viem");
    const data = encodeFunctionData({
      abi: metaPoolFactoryAbi,
      functionName: "createMetaPool",
      args: [buildCreateParams(validForm(), DUSD)],
    });
    expect(data.startsWith("0x")).toBe(true);
  });

  it("throws naming the first problem instead of building an invalid struct", () => {
    expect(() => buildCreateParams(validForm({ arbiter: zeroAddress }), DUSD)).toThrow(InvalidCreateForm);
    expect(() => buildCreateParams(validForm({ arbiter: zeroAddress }), DUSD)).toThrow(
      /Arbiter & fees: The zero address/,
    );
    expect(() => buildCreateParams(validForm({ pools: [] }), DUSD)).toThrow(/Coverage pools: Add at least one/);
  });
});

describe("createdMetaPool reads the receipt", () => {
  const event = getAbiItem({ abi: metaPoolFactoryAbi, name: "MetaPoolCreated" });
  const created: Address = "0x8464135c8F25Da09e49BC8782676a84730C318bC";

  function creationLog(address: Address): Log {
    const params = buildCreateParams(validForm(), DUSD);
    const topics = encodeEventTopics({
      abi: metaPoolFactoryAbi,
      eventName: "MetaPoolCreated",
      args: { metaPool: created, creator: CREATOR, arbiter: ARBITER },
    });
    const data = encodeAbiParameters(
      event.inputs.filter((i) => !i.indexed),
      [DUSD.address, 4n, params],
    );
    return {
      address,
      topics: topics as [Hex, ...Hex[]],
      data,
      blockHash: null,
      blockNumber: null,
      logIndex: null,
      transactionHash: null,
      transactionIndex: null,
      removed: false,
    };
  }

  it("finds the new MetaPool's address in the factory's event", () => {
    expect(createdMetaPool([creationLog(FACTORY)], FACTORY)).toBe(created);
  });

  it("ignores the same event from another contract and unrelated logs", () => {
    const unrelated: Log = { ...creationLog(FACTORY), topics: [`0x${"11".repeat(32)}`] };
    expect(createdMetaPool([creationLog(DUSD.address), unrelated], FACTORY)).toBeUndefined();
  });
});
