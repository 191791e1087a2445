import { describe, expect, it } from "vitest";

import { echoAmount, echoInline } from "./echo";

describe("echoAmount", () => {
  it("shows a typed amount like every other amount and keeps its exact figure aside", () => {
    expect(echoAmount(16_627_223_950n, 6, { symbol: "dUSD" })).toEqual({
      text: "16,627.22 dUSD",
      exact: "16,627.22395 dUSD",
    });
  });
  it("has no separate exact figure when nothing is hidden", () => {
    expect(echoAmount(400_000_000n, 6, { symbol: "dUSD" })).toEqual({ text: "400.00 dUSD" });
    expect(echoAmount(400_500_000n, 6, { symbol: "dUSD" })).toEqual({ text: "400.50 dUSD" });
  });
  it("never rounds a hidden digit up", () => {
    expect(echoAmount(999_999_999_999_999_999n, 18, { symbol: "dDAI" })).toEqual({
      text: "0.9999 dDAI",
      exact: "0.999999999999999999 dDAI",
    });
  });
});

describe("echoInline", () => {
  it("names the exact figure beside the rounded one when two decimals hide digits", () => {
    expect(echoInline(16_627_223_950n, 6, { symbol: "dUSD" })).toBe("16,627.22 dUSD (exactly 16,627.22395 dUSD)");
    expect(echoInline(1n, 6, { symbol: "dUSD" })).toBe("<0.0001 dUSD (exactly 0.000001 dUSD)");
  });
  it("is the plain figure when nothing is hidden", () => {
    expect(echoInline(100_000_000n, 6, { symbol: "dUSD" })).toBe("100.00 dUSD");
  });
});
