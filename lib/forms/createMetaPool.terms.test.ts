// The create-MetaPool form's numbers: percentages, fees, payout multiple, funding curve, durations and amounts.
import { describe, expect, it } from "vitest";

import {
  checkClaimBond,
  checkCurve,
  checkFees,
  checkMinPurchase,
  checkPayoutMultiple,
  checkPurchaseDelay,
  checkWithdrawalPeriod,
  CURVE_PRESETS,
  durationInput,
  parseDuration,
  parsePercentToBps,
  parsePercentToWad,
  percentText,
} from "./createMetaPool";
import { DDAI, DUSD, errorOf } from "./createMetaPool.fixtures";

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
