import { describe, expect, it } from "vitest";

import { echoAmount } from "./echo";

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
