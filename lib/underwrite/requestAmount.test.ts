import { describe, expect, it } from "vitest";

import { requestPayment, requestStatus, type RequestQuote } from "@/lib/forms/underwrite";
import { convertToAssets } from "@/lib/protocol";

import { checkRequestAssets, checkRequestWithdrawAssets } from "./requestAmount";

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

describe("checkRequestWithdrawAssets", () => {
  // A 6-decimal request of 500 shares, worth 505.050505 dUSD when made; unlocked at 1 000, window to 1 000 + 7 days.
  const quote: RequestQuote = {
    shares: 500_000_000n,
    assetsAtRequest: 505_050_505n,
    assets: 505_050_505n,
    freeCapital: 10_000_000_000n,
    unlockAt: 1_000n,
    windowEnd: 1_000n + 7n * 86_400n,
    sharesIfCancelled: 500_000_000n,
  };
  const ctx = { shutDown: false, pendingClaims: 0n, firstPendingClaimId: 0n, now: 2_000n, decimals: 6, symbol: "dUSD" };
  // Premium earned since the request: a share is now worth more, so the worth at request binds (the min rule).
  const grown = { capital: 1_100_000_000n, supply: 990_000_000n };
  // A claim paid since: a share is now worth less, so today's worth binds.
  const shrunk = { capital: 900_000_000n, supply: 990_000_000n };
  const rules = (figures: { capital: bigint; supply: bigint }, q = quote) => ({
    decimals: 6,
    symbol: "dUSD",
    quote: q,
    status: requestStatus(q, ctx),
    ...figures,
    all: false,
  });
  const pay = (s: bigint, f: { capital: bigint; supply: bigint }, q = quote) =>
    requestPayment(s, q, f.capital, f.supply);

  it.each([
    ["the worth at request binds", grown],
    ["today's worth binds", shrunk],
  ])("converts a typed amount into the most shares paying at most it (%s)", (_, figures) => {
    const check = checkRequestWithdrawAssets("123.456789", rules(figures));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.assets).toBe(pay(check.shares, figures));
    expect(check.assets <= 123_456_789n).toBe(true);
    expect(pay(check.shares + 1n, figures) > 123_456_789n).toBe(true);
    expect(check.all).toBe(false);
  });

  it("pays exactly the amount typed when a share unit allows it", () => {
    // 1 share = 1.01010101 dUSD at request: 101.010101 dUSD is exactly 100 shares' pro-rata worth.
    const check = checkRequestWithdrawAssets("101.010101", rules(grown));
    expect(check).toEqual({ ok: true, shares: 100_000_000n, assets: 101_010_101n, all: false });
  });

  it("sends the most payable shares for Max and for the whole withdrawable amount typed", () => {
    expect(checkRequestWithdrawAssets("", { ...rules(grown), all: true })).toEqual({
      ok: true,
      shares: quote.shares,
      assets: 505_050_505n,
      all: true,
    });
    expect(checkRequestWithdrawAssets("505.050505", rules(grown))).toMatchObject({ shares: quote.shares, all: true });
  });

  it("refuses more than the request pays now, naming the figure", () => {
    expect(checkRequestWithdrawAssets("506", rules(grown))).toEqual({
      ok: false,
      error: "Enter at most 505.050505 dUSD: what this request pays now.",
    });
  });

  it("refuses more than the free capital can pay, naming what it can, and Max stops there", () => {
    const short = { ...quote, freeCapital: 120_000_000n };
    expect(checkRequestWithdrawAssets("120.000001", rules(grown, short))).toEqual({
      ok: false,
      error: "Enter at most 120.00 dUSD: what the free capital can pay now.",
    });
    const max = checkRequestWithdrawAssets("", { ...rules(grown, short), all: true });
    expect(max.ok && max.assets <= 120_000_000n && pay(max.shares + 1n, grown, short) > 120_000_000n).toBe(true);
  });

  it("after a shutdown, Max takes the whole request whatever the free capital (SPEC §8)", () => {
    const none = { ...quote, freeCapital: 0n };
    const status = requestStatus(none, { ...ctx, shutDown: true, now: 0n });
    const max = checkRequestWithdrawAssets("", { ...rules(grown, none), status, all: true });
    expect(max).toEqual({ ok: true, shares: quote.shares, assets: pay(quote.shares, grown, none), all: true });
  });

  it("refuses with the request's reason when nothing is withdrawable, and amounts below one share unit", () => {
    const status = requestStatus(quote, { ...ctx, now: 0n });
    expect(status.reason).toMatch(/^Locked until /);
    expect(checkRequestWithdrawAssets("1", { ...rules(grown), status })).toEqual({ ok: false, error: status.reason });
    // Three shares worth 0.002 dUSD each: 0.000001 dUSD buys none.
    const coarse = { ...quote, shares: 3n, assetsAtRequest: 6_000n, assets: 6_000n };
    expect(checkRequestWithdrawAssets("0.000001", rules({ capital: 6_000n, supply: 3n }, coarse))).toEqual({
      ok: false,
      error: "Enter a larger amount: this is less than one unit of a share.",
    });
  });
});
