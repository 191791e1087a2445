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
  checkAddressFormat,
  checkArbiter,
  checkAssetAddress,
  checkAssetDecimals,
  checkAssetProbe,
  checkClaimBond,
  checkCurve,
  checkFees,
  checkMinPurchase,
  checkName,
  checkPayoutMultiple,
  checkPoolDescription,
  checkPoolName,
  checkPools,
  checkProtectionStatement,
  checkPurchaseDelay,
  checkWithdrawalPeriod,
  createdMetaPool,
  CURVE_PRESETS,
  defaultCreateForm,
  durationInput,
  InvalidCreateForm,
  parseDuration,
  parsePercentToBps,
  parsePercentToWad,
  percentText,
  stepIssue,
  utf8Length,
  validateCreateForm,
  type AssetInfo,
  type CreateForm,
} from "./createMetaPool";

const DUSD: AssetInfo = { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "dUSD", decimals: 6 };
const DDAI: AssetInfo = { address: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", symbol: "dDAI", decimals: 18 };
const CREATOR: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const ARBITER: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const FACTORY: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";

const errorOf = (c: { ok: boolean; error?: string }) => (c.ok ? undefined : c.error);

function validForm(overrides: Partial<CreateForm> = {}): CreateForm {
  return {
    ...defaultCreateForm(DUSD.address),
    name: "  Blue-chip lending ",
    protectionStatement: "Pays when a listed lending market loses suppliers' funds.",
    pools: [
      { name: "Aave v3", description: "Aave v3 Ethereum core market." },
      { name: "Compound v3", description: "" },
    ],
    arbiter: ARBITER,
    ...overrides,
  };
}

describe("texts count UTF-8 bytes, as the contract does", () => {
  it("counts multi-byte characters by their bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("🛡️")).toBe(7);
  });

  it("name: 1..64 bytes (InvalidName)", () => {
    expect(errorOf(checkName(""))).toMatch(/Enter a name/);
    expect(errorOf(checkName("   "))).toMatch(/Enter a name/);
    expect(checkName("a".repeat(64))).toEqual({ ok: true, value: "a".repeat(64) });
    expect(errorOf(checkName("a".repeat(65)))).toMatch(/65 bytes.*at most 64/);
    // 32 characters, 64 bytes: fine; 33 two-byte characters: 66 bytes, refused.
    expect(checkName("é".repeat(32)).ok).toBe(true);
    expect(errorOf(checkName("é".repeat(33)))).toMatch(/66 bytes/);
  });

  it("name is trimmed before it is measured and sent", () => {
    expect(checkName(`  ${"a".repeat(64)}  `)).toEqual({ ok: true, value: "a".repeat(64) });
  });

  it("protection statement: 1..4096 bytes (InvalidProtectionStatement)", () => {
    expect(errorOf(checkProtectionStatement(""))).toMatch(/Enter the protection statement/);
    expect(checkProtectionStatement("x".repeat(4096)).ok).toBe(true);
    expect(errorOf(checkProtectionStatement("x".repeat(4097)))).toMatch(/4097 bytes.*4096/);
    expect(errorOf(checkProtectionStatement("€".repeat(1366)))).toMatch(/4098 bytes/);
  });

  it("pool name: 1..64 bytes (InvalidPoolName)", () => {
    expect(errorOf(checkPoolName(""))).toMatch(/Enter the coverage pool's name/);
    expect(checkPoolName("p".repeat(64)).ok).toBe(true);
    expect(errorOf(checkPoolName("p".repeat(65)))).toMatch(/65 bytes/);
  });

  it("pool description: at most 280 bytes, may be empty (InvalidPoolDescription)", () => {
    expect(checkPoolDescription("")).toEqual({ ok: true, value: "" });
    expect(checkPoolDescription("d".repeat(280)).ok).toBe(true);
    expect(errorOf(checkPoolDescription("d".repeat(281)))).toMatch(/281 bytes.*280/);
    expect(errorOf(checkPoolDescription("é".repeat(141)))).toMatch(/282 bytes/);
  });
});

describe("coverage pools", () => {
  const pool = (name: string, description = "") => ({ name, description });

  it("needs 1..16 pools (InvalidPoolCount)", () => {
    expect(checkPools([]).count).toMatch(/at least one/);
    expect(checkPools([pool("A")]).count).toBeUndefined();
    const sixteen = Array.from({ length: 16 }, (_, i) => pool(`P${i}`));
    expect(checkPools(sixteen).count).toBeUndefined();
    expect(checkPools([...sixteen, pool("P16")]).count).toMatch(/at most 16.*remove 1/);
  });

  it("reports each pool's name and description errors at its index", () => {
    const result = checkPools([pool("A"), pool("", "d".repeat(281))]);
    expect(result.pools[0]).toEqual({});
    expect(result.pools[1]!.name).toMatch(/Enter/);
    expect(result.pools[1]!.description).toMatch(/281 bytes/);
  });

  it("refuses duplicate names, ignoring case and surrounding spaces", () => {
    const result = checkPools([pool("Aave v3"), pool("Curve"), pool(" aave V3 ")]);
    expect(result.pools[0]).toEqual({});
    expect(result.pools[1]).toEqual({});
    expect(result.pools[2]!.name).toMatch(/Pool 1 already has this name/);
  });
});

describe("addresses", () => {
  it("accepts a checksummed or an all-lower-case address and returns it checksummed", () => {
    expect(checkAddressFormat(DUSD.address, "x")).toEqual({ ok: true, value: DUSD.address });
    expect(checkAddressFormat(` ${DUSD.address.toLowerCase()} `, "x")).toEqual({ ok: true, value: DUSD.address });
  });

  it("says what is wrong with the format", () => {
    expect(errorOf(checkAddressFormat("", "the token's address"))).toBe("Enter the token's address.");
    expect(errorOf(checkAddressFormat("Dc64a140Aa3E981100a9becA4E685f962f0cF6C9", "x"))).toMatch(/starts with 0x/);
    expect(errorOf(checkAddressFormat("0xZc64a140Aa3E981100a9becA4E685f962f0cF6C9", "x"))).toMatch(/only the digits/);
    expect(errorOf(checkAddressFormat("0xDc64a140", "x"))).toMatch(/40 hex digits.*has 8/);
  });

  it("refuses a mixed-case address whose checksum is wrong", () => {
    const broken = "0xdC64a140Aa3E981100a9becA4E685f962f0cF6C9";
    expect(errorOf(checkAddressFormat(broken, "x"))).toMatch(/checksum/);
  });

  it("asset: the zero address is not a token", () => {
    expect(errorOf(checkAssetAddress(zeroAddress))).toMatch(/not a token/);
    expect(checkAssetAddress(DUSD.address).ok).toBe(true);
  });

  it("arbiter: the zero address is refused (InvalidArbiter)", () => {
    expect(errorOf(checkArbiter(zeroAddress, CREATOR))).toMatch(/zero address cannot rule/);
  });

  it("arbiter: another address has no warning, the creator itself is allowed with one", () => {
    expect(checkArbiter(ARBITER, CREATOR)).toEqual({ ok: true, value: { address: ARBITER, warning: undefined } });
    const self = checkArbiter(CREATOR.toLowerCase(), CREATOR);
    expect(self.ok).toBe(true);
    expect(self.ok && self.value.address).toBe(CREATOR);
    expect(self.ok && self.value.warning).toMatch(/arbiter of your own MetaPool/);
  });
});

describe("the asset as read from the chain", () => {
  it("InvalidAsset: no code, or no decimals()", () => {
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: false }))).toMatch(/No contract/);
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, symbol: "X" }))).toMatch(/decimals\(\)/);
  });

  it("InvalidAssetDecimals: 6..18 only", () => {
    expect(errorOf(checkAssetDecimals(5))).toMatch(/5 decimals.*6 to 18/);
    expect(checkAssetDecimals(6)).toEqual({ ok: true, value: 6 });
    expect(checkAssetDecimals(18)).toEqual({ ok: true, value: 18 });
    expect(errorOf(checkAssetDecimals(19))).toMatch(/19 decimals/);
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 2, symbol: "X" }))).toMatch(/2 decimals/);
  });

  it("needs a symbol to show amounts", () => {
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 6 }))).toMatch(/symbol\(\)/);
  });

  it("accepts a real token", () => {
    expect(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 6, symbol: "dUSD" })).toEqual({
      ok: true,
      value: DUSD,
    });
  });
});

describe("percentages, parsed exactly", () => {
  it("to basis points, to 0.01 %", () => {
    expect(parsePercentToBps("5")).toEqual({ ok: true, value: 500n });
    expect(parsePercentToBps("2.5 %")).toEqual({ ok: true, value: 250n });
    expect(parsePercentToBps("0.01")).toEqual({ ok: true, value: 1n });
    expect(parsePercentToBps("0")).toEqual({ ok: true, value: 0n });
    expect(errorOf(parsePercentToBps("0.005"))).toMatch(/at most 2 digits/);
    expect(errorOf(parsePercentToBps("-1"))).toMatch(/negative/);
    expect(errorOf(parsePercentToBps(""))).toMatch(/Enter/);
    expect(errorOf(parsePercentToBps("five"))).toMatch(/number/);
  });

  it("to WAD, with no float on the way (0.1 + 0.2 is exact)", () => {
    expect(parsePercentToWad("100")).toEqual({ ok: true, value: 10n ** 18n });
    expect(parsePercentToWad("0.3")).toEqual({ ok: true, value: 3n * 10n ** 15n });
    expect(parsePercentToWad("12.3456789")).toEqual({ ok: true, value: 123_456_789n * 10n ** 9n });
    expect(parsePercentToWad("0.0000000000000001")).toEqual({ ok: true, value: 1n });
    expect(errorOf(parsePercentToWad("0.00000000000000001"))).toMatch(/at most 16 digits/);
  });

  it("renders back to the form's text", () => {
    expect(percentText(250n, 2)).toBe("2.5");
    expect(percentText(500n, 2)).toBe("5");
    expect(percentText(8n * 10n ** 16n, 16)).toBe("8");
    expect(percentText(1n, 16)).toBe("0.0000000000000001");
  });
});

describe("fees (InvalidFees: arbiter + creator ≤ 5 000 bps)", () => {
  it("accepts up to 50 % together, zero included", () => {
    expect(checkFees("25", "25").value).toEqual({ arbiterFeeBps: 2500n, creatorFeeBps: 2500n });
    expect(checkFees("0", "0").value).toEqual({ arbiterFeeBps: 0n, creatorFeeBps: 0n });
    expect(checkFees("50", "0").value).toEqual({ arbiterFeeBps: 5000n, creatorFeeBps: 0n });
  });

  it("refuses a sum above 50 %, naming it", () => {
    const result = checkFees("25", "25.01");
    expect(result.value).toBeUndefined();
    expect(result.total).toMatch(/50.01 %.*at most 50 %/);
  });

  it("reports each field's own parse error", () => {
    const result = checkFees("abc", "");
    expect(result.arbiter).toMatch(/arbiter fee/);
    expect(result.creator).toMatch(/creator fee/);
    expect(result.total).toBeUndefined();
  });
});

describe("payout multiple (InvalidPayoutMultiple: 0 or 1..10 000)", () => {
  it("uncapped is 0 whatever is typed", () => {
    expect(checkPayoutMultiple({ capped: false, multiple: "junk" })).toEqual({ ok: true, value: 0n });
  });

  it("capped takes a whole 1..10 000", () => {
    expect(checkPayoutMultiple({ capped: true, multiple: "1" })).toEqual({ ok: true, value: 1n });
    expect(checkPayoutMultiple({ capped: true, multiple: "10000" })).toEqual({ ok: true, value: 10_000n });
    expect(checkPayoutMultiple({ capped: true, multiple: "5×" })).toEqual({ ok: true, value: 5n });
    expect(errorOf(checkPayoutMultiple({ capped: true, multiple: "0" }))).toMatch(/1 to 10 000, not 0/);
    expect(errorOf(checkPayoutMultiple({ capped: true, multiple: "10001" }))).toMatch(/not 10001/);
    expect(errorOf(checkPayoutMultiple({ capped: true, multiple: "2.5" }))).toMatch(/whole number/);
    expect(errorOf(checkPayoutMultiple({ capped: true, multiple: "" }))).toMatch(/Enter/);
  });
});

describe("funding curve", () => {
  const curve = (baseRate: string, slope1: string, kink: string, slope2: string) => ({
    baseRate,
    slope1,
    kink,
    slope2,
  });
  const WAD = 10n ** 18n;

  it("builds WAD values", () => {
    expect(checkCurve(curve("2", "8", "80", "100")).value).toEqual({
      baseRate: 2n * 10n ** 16n,
      slope1: 8n * 10n ** 16n,
      kink: 8n * 10n ** 17n,
      slope2: WAD,
    });
  });

  it("InvalidKink: 0 < kink < 100 %", () => {
    expect(checkCurve(curve("2", "8", "0", "100")).kink).toMatch(/above 0 % and below 100 %/);
    expect(checkCurve(curve("2", "8", "100", "100")).kink).toMatch(/below 100 %/);
    expect(checkCurve(curve("2", "8", "0.0000000000000001", "100")).value?.kink).toBe(1n);
    expect(checkCurve(curve("2", "8", "99.9999999999999999", "100")).value?.kink).toBe(WAD - 1n);
  });

  it("InvalidCurveSum: base + slope1 + slope2 ≤ 1 000 %", () => {
    expect(checkCurve(curve("0", "0", "50", "1000")).value?.slope2).toBe(10n * WAD);
    expect(checkCurve(curve("100", "400", "50", "500")).value).toBeDefined();
    const over = checkCurve(curve("100", "400", "50", "500.0000000000000001"));
    expect(over.value).toBeUndefined();
    expect(over.total).toMatch(/1000.0000000000000001 %.*1 000 %/);
  });

  it("an all-zero curve is refused: cover would be free and underwriters would earn nothing", () => {
    const flat = checkCurve(curve("0", "0", "50", "0"));
    expect(flat.value).toBeUndefined();
    expect(flat.total).toMatch(/all 0 %.*at least one above 0 %/);
    expect(checkCurve(curve("0", "0", "50", "0.0000000000000001")).value?.slope2).toBe(1n);
  });

  it("reports each field's parse error", () => {
    const result = checkCurve(curve("x", "", "-1", "1.2.3"));
    expect(result.baseRate).toMatch(/base rate/);
    expect(result.slope1).toMatch(/slope 1/);
    expect(result.kink).toMatch(/negative/);
    expect(result.slope2).toMatch(/slope 2/);
  });

  it("every preset is valid and rises", () => {
    for (const preset of CURVE_PRESETS) {
      const value = checkCurve(preset.curve).value!;
      expect(value, preset.label).toBeDefined();
      expect(value.slope2 > value.slope1).toBe(true);
    }
  });
});

describe("durations", () => {
  it("parses a number and a unit to whole seconds", () => {
    expect(parseDuration({ amount: "7", unit: "days" }, "x")).toEqual({ ok: true, value: 604_800n });
    expect(parseDuration({ amount: "1.5", unit: "hours" }, "x")).toEqual({ ok: true, value: 5_400n });
    expect(parseDuration({ amount: "90", unit: "minutes" }, "x")).toEqual({ ok: true, value: 5_400n });
    expect(errorOf(parseDuration({ amount: "0.001", unit: "minutes" }, "the delay"))).toMatch(
      /whole number of seconds/,
    );
    expect(errorOf(parseDuration({ amount: "", unit: "days" }, "the delay"))).toBe("Enter the delay.");
    expect(errorOf(parseDuration({ amount: "soon", unit: "days" }, "the delay"))).toMatch(/number of days/);
  });

  it("InvalidWithdrawalPeriod: 1 hour .. 365 days", () => {
    expect(checkWithdrawalPeriod({ amount: "1", unit: "hours" })).toEqual({ ok: true, value: 3_600n });
    expect(checkWithdrawalPeriod({ amount: "365", unit: "days" })).toEqual({ ok: true, value: 31_536_000n });
    expect(errorOf(checkWithdrawalPeriod({ amount: "59", unit: "minutes" }))).toMatch(/1 h to 365 d, not 59 min/);
    expect(errorOf(checkWithdrawalPeriod({ amount: "366", unit: "days" }))).toMatch(/not 366 d/);
    expect(errorOf(checkWithdrawalPeriod({ amount: "0", unit: "days" }))).toMatch(/1 h to 365 d\.$/);
  });

  it("InvalidPurchaseDelay: 1 hour .. 30 days", () => {
    expect(checkPurchaseDelay({ amount: "60", unit: "minutes" }).ok).toBe(true);
    expect(checkPurchaseDelay({ amount: "30", unit: "days" })).toEqual({ ok: true, value: 2_592_000n });
    expect(errorOf(checkPurchaseDelay({ amount: "30.5", unit: "days" }))).toMatch(/1 h to 30 d/);
    expect(errorOf(checkPurchaseDelay({ amount: "0.5", unit: "hours" }))).toMatch(/not 30 min/);
  });

  it("turns seconds back into the largest whole unit", () => {
    expect(durationInput(604_800n)).toEqual({ amount: "7", unit: "days" });
    expect(durationInput(5_400n)).toEqual({ amount: "90", unit: "minutes" });
    expect(durationInput(7_200n)).toEqual({ amount: "2", unit: "hours" });
  });
});

describe("amounts in the asset's units", () => {
  it("InvalidClaimBond: at least one whole token", () => {
    expect(checkClaimBond("1", DUSD)).toEqual({ ok: true, value: 1_000_000n });
    expect(errorOf(checkClaimBond("0.999999", DUSD))).toMatch(/at least 1.00 dUSD/);
    expect(errorOf(checkClaimBond("0", DUSD))).toMatch(/at least 1.00 dUSD/);
    expect(checkClaimBond("1", DDAI)).toEqual({ ok: true, value: 10n ** 18n });
    expect(errorOf(checkClaimBond("1.0000001", DUSD))).toMatch(/6 decimals/);
  });

  it("InvalidMinPurchase: at least a hundredth of a token", () => {
    expect(checkMinPurchase("0.01", DUSD)).toEqual({ ok: true, value: 10_000n });
    expect(errorOf(checkMinPurchase("0.009999", DUSD))).toMatch(/at least 0.01 dUSD/);
    expect(checkMinPurchase("0.01", DDAI)).toEqual({ ok: true, value: 10n ** 16n });
    expect(errorOf(checkMinPurchase("", DDAI))).toMatch(/Enter the minimum purchase in dDAI/);
    // No purchase can exceed every token in existence: the figures are in the message.
    const supply = { ...DUSD, totalSupply: 1_500_000n * 10n ** 6n };
    expect(checkMinPurchase("1500000", supply)).toEqual({ ok: true, value: 1_500_000n * 10n ** 6n });
    expect(errorOf(checkMinPurchase("99999999999", supply))).toBe(
      "A minimum purchase of 99,999,999,999.00 dUSD could never be bought: a purchase must fit in the MetaPool's free capital, and only 1,500,000.00 dUSD exist in total. Choose a smaller minimum.",
    );
  });

  it("refuses amounts beyond uint128", () => {
    expect(errorOf(checkClaimBond("1" + "0".repeat(40), DDAI))).toMatch(/too large/);
  });
});

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
