import { describe, expect, it } from "vitest";

import { convertToAssets } from "@/lib/protocol";

import { checkRequestAssets } from "./requestAmount";

// 1 000.000001 dUSD of capital behind 990 shares (6 decimals): a share is worth a little more than 1.
const C = 1_000_000_001n;
const S = 990_000_000n;
const rules = { decimals: 6, symbol: "dUSD", capital: C, supply: S, all: false };

describe("checkRequestAssets", () => {
  it("converts a typed amount into shares worth at most that amount, as close as a share unit allows", () => {
    const check = checkRequestAssets("123.456789", { ...rules, shares: 500_000_000n });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.assets).toBe(convertToAssets(check.shares, C, S));
    expect(check.assets <= 123_456_789n).toBe(true);
    // One more share unit would be worth more than typed.
    expect(convertToAssets(check.shares + 1n, C, S) > 123_456_789n).toBe(true);
  });

  it("requests the exact balance for Max and for the whole worth typed", () => {
    const held = 500_000_000n;
    const worth = convertToAssets(held, C, S);
    expect(checkRequestAssets("", { ...rules, shares: held, all: true })).toEqual({
      ok: true,
      shares: held,
      assets: worth,
      all: true,
    });
    const typed = `${worth / 1_000_000n}.${(worth % 1_000_000n).toString().padStart(6, "0")}`;
    expect(checkRequestAssets(typed, { ...rules, shares: held })).toMatchObject({ ok: true, shares: held, all: true });
  });

  it("refuses more than the shares are worth, naming the figure", () => {
    const check = checkRequestAssets("600", { ...rules, shares: 500_000_000n });
    expect(check).toEqual({ ok: false, error: "Enter at most 505.050505 dUSD: what your shares are worth now." });
  });

  it("refuses an empty holding and amounts that are not numbers", () => {
    expect(checkRequestAssets("1", { ...rules, shares: 0n })).toEqual({
      ok: false,
      error: "You hold no shares of this MetaPool.",
    });
    expect(checkRequestAssets("abc", { ...rules, shares: 5n })).toMatchObject({ ok: false });
  });
});
