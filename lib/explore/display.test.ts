import { describe, expect, it } from "vitest";

import { arbiterLabel, formatFees, formatRateRange, formatUtilisation, rowFigures } from "./display";
import { pct } from "./testkit";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("arbiterLabel", () => {
  it('says "you" for the connected account, whatever the letter case', () => {
    expect(arbiterLabel(A, A.toLowerCase() as `0x${string}`)).toBe("you");
  });
  it("shows a short address otherwise or when disconnected", () => {
    expect(arbiterLabel(A, undefined)).toBe("0x7099…79C8");
    expect(arbiterLabel(A, "0x0000000000000000000000000000000000000001")).toBe("0x7099…79C8");
  });
});

describe("formatRateRange", () => {
  it("shows one rate when all pools pay the same", () => {
    expect(formatRateRange(pct(3.25), pct(3.25))).toBe("3.25 % APR");
  });
  it("shows lowest to highest", () => {
    expect(formatRateRange(pct(2), pct(60))).toBe("2 – 60 % APR");
    expect(formatRateRange(0n, pct(3.25))).toBe("0 – 3.25 % APR");
  });
  it("shows a dash without rates (shut down)", () => {
    expect(formatRateRange(null, null)).toBe("—");
  });
});

describe("formatFees", () => {
  it("names both fees and their total", () => {
    expect(formatFees(500, 250)).toEqual({
      short: "5 % + 2.5 %",
      long: "5 % to the arbiter and 2.5 % to the creator, taken from premiums",
      total: "7.5 %",
    });
  });
});

describe("formatUtilisation", () => {
  it("formats a WAD share or a dash", () => {
    expect(formatUtilisation(pct(30))).toBe("30 %");
    expect(formatUtilisation(null)).toBe("—");
  });
});

describe("rowFigures", () => {
  const WAD = 10n ** 18n;
  const row = {
    capital: 1_234_567n * WAD,
    free: 934_567n * WAD,
    active: 300_000n * WAD,
    pending: 0n,
    decimals: 18,
    utilisation: pct(24.3),
    minRate: pct(2),
    maxRate: pct(3.25),
    purchaseDelay: 86_400,
    withdrawalPeriod: 7 * 86_400 + 3_600,
    arbiterFeeBps: 500,
    creatorFeeBps: 0,
    arbiter: A as `0x${string}`,
    poolNames: ["Aave v3"],
  };
  it("formats every figure with its unit", () => {
    expect(rowFigures(row, "dUSD", undefined)).toEqual({
      capital: "1.23M dUSD",
      free: "934.56K dUSD",
      active: "300K dUSD",
      pending: null,
      utilisation: "24.3 %",
      rate: "2 – 3.25 % APR",
      cost: null,
      apy: "—",
      payoutCap: null,
      purchaseDelay: "1 d",
      withdrawalPeriod: "7 d 1 h",
      fees: {
        short: "5 % + 0 %",
        long: "5 % to the arbiter and 0 % to the creator, taken from premiums",
        total: "5 %",
      },
      arbiter: "0x7099…79C8",
      arbiterIsYou: false,
      poolCount: "1 coverage pool",
    });
  });
  it("shows pending cover, plural pools and the connected arbiter", () => {
    const f = rowFigures({ ...row, pending: 50n * WAD, poolNames: ["a", "b"] }, "dUSD", A as `0x${string}`);
    expect(f.pending).toBe("50.00 dUSD");
    expect(f.poolCount).toBe("2 coverage pools");
    expect(f.arbiter).toBe("you");
    expect(f.arbiterIsYou).toBe(true);
  });
  it("shows the APY, the cost of cover as a share of the deposit and the payout cap when known", () => {
    const f = rowFigures(
      { ...row, apy: pct(7.02), minCost: pct(26), maxCost: pct(41.25), payoutCap: 0 },
      "dUSD",
      undefined,
    );
    expect(f.apy).toBe("7.02 % APY");
    expect(f.cost).toBe("26 – 41.3 % a year");
    expect(f.payoutCap).toBe("uncapped");
    expect(rowFigures({ ...row, minCost: pct(26), maxCost: pct(26), payoutCap: 3 }, "dUSD", undefined)).toMatchObject({
      cost: "26 % a year",
      payoutCap: "3× cap",
    });
  });
});
