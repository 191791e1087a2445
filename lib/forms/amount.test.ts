import { describe, expect, it } from "vitest";

import { checkAmount, clearIfStill } from "./amount";

const usd = { decimals: 6, symbol: "dUSD" };

describe("checkAmount", () => {
  it("accepts an exact amount in base units", () => {
    expect(checkAmount("1,250.5", usd)).toEqual({ ok: true, value: 1_250_500_000n });
  });

  it.each([
    ["", "Enter an amount."],
    ["abc", "Enter a number, like 1250.50."],
    ["0", "Enter an amount greater than 0."],
    ["-3", "Enter a positive amount."],
    ["1.1234567", "dUSD has 6 decimals; use at most 6 digits after the point."],
  ])("refuses %j", (text, error) => {
    expect(checkAmount(text, usd)).toEqual({ ok: false, error });
  });

  it('says "shares have", not "shares has"', () => {
    expect(checkAmount("1.1234567", { ...usd, symbol: "shares" })).toEqual({
      ok: false,
      error: "shares have 6 decimals; use at most 6 digits after the point.",
    });
  });

  it("names the minimum", () => {
    const r = checkAmount("5", { ...usd, min: { value: 10_000_000n, reason: "the minimum purchase" } });
    expect(r).toEqual({ ok: false, error: "Enter at least 10.00 dUSD: the minimum purchase." });
  });

  it("rounds a minimum up at the figure shown, so typing it back is accepted", () => {
    const dai = { decimals: 18, symbol: "dDAI" };
    const third = 333_333_333_333_333_334n; // 0.333…334 dDAI
    const r = checkAmount("0.3", { ...dai, min: { value: third, reason: "the minimum purchase" } });
    expect(r).toEqual({ ok: false, error: "Enter at least 0.333334 dDAI: the minimum purchase." });
    expect(checkAmount("0.333334", { ...dai, min: { value: third, reason: "the minimum purchase" } }).ok).toBe(true);
    const odd = checkAmount("10", { ...usd, min: { value: 10_000_001n, reason: "the minimum purchase" } });
    expect(odd).toEqual({ ok: false, error: "Enter at least 10.000001 dUSD: the minimum purchase." });
  });

  it("rounds a maximum down, so typing it back is accepted", () => {
    const dai = { decimals: 18, symbol: "dDAI" };
    const max = [{ value: 666_666_666_666_666_666n, reason: "your balance" }];
    expect(checkAmount("1", { ...dai, max })).toEqual({
      ok: false,
      error: "Enter at most 0.666666 dDAI: your balance.",
    });
    expect(checkAmount("0.666666", { ...dai, max }).ok).toBe(true);
  });

  it("reports the tightest of several limits", () => {
    const max = [
      { value: 500_000_000n, reason: "your balance" },
      { value: 420_000_000n, reason: "the capacity left in this MetaPool" },
    ];
    expect(checkAmount("450", { ...usd, max })).toEqual({
      ok: false,
      error: "Enter at most 420.00 dUSD: the capacity left in this MetaPool.",
    });
    expect(checkAmount("420", { ...usd, max })).toEqual({ ok: true, value: 420_000_000n });
  });
});

describe("clearIfStill", () => {
  it("empties the field that still holds what was sent", () => {
    expect(clearIfStill("300", "")("300")).toBe("");
  });

  it("keeps what the user typed after sending", () => {
    expect(clearIfStill("300", "")("200")).toBe("200");
    expect(clearIfStill(true, false)(false)).toBe(false);
  });
});
