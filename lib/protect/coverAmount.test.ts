import { describe, expect, it } from "vitest";

import { checkCoverWithdrawalAssets, coverAssetsFor, coverTokensFor } from "./coverAmount";

// K 300 dUSD behind 290 cover tokens, 6 decimals: a token is worth a little more than 1 dUSD.
const pool = { active: 300_000_000n, supply: 290_000_000n, debt: 0n };
const rules = { decimals: 6, symbol: "dUSD", tokens: 100_000_000n, pool, all: false };

describe("coverTokensFor", () => {
  it("burns the most tokens that pay at most the typed amount", () => {
    for (const typed of [1n, 50_000_000n, 77_777_777n, 103_448_275n]) {
      const tokens = coverTokensFor(typed, pool);
      expect(coverAssetsFor(tokens, pool)).toBe(typed);
      expect(coverAssetsFor(tokens + 1n, pool) > typed).toBe(true);
    }
  });
  it("counts a pending claim's debt out of what tokens pay", () => {
    const owing = { ...pool, debt: 30_000_000n };
    expect(coverAssetsFor(290_000_000n, owing)).toBe(270_000_000n);
    expect(coverAssetsFor(coverTokensFor(270_000_000n, owing), owing)).toBe(270_000_000n);
  });
});

describe("checkCoverWithdrawalAssets", () => {
  it("converts the typed amount and says exactly what it pays", () => {
    const check = checkCoverWithdrawalAssets("50", rules);
    expect(check).toEqual({ ok: true, tokens: 48_333_334n, assets: 50_000_000n, all: false });
  });
  it("burns the exact balance for Max, and for the whole worth typed", () => {
    const worth = coverAssetsFor(rules.tokens, pool); // 103.448275
    expect(checkCoverWithdrawalAssets("", { ...rules, all: true })).toEqual({
      ok: true,
      tokens: 100_000_000n,
      assets: worth,
      all: true,
    });
    expect(checkCoverWithdrawalAssets("103.448275", rules)).toMatchObject({ tokens: 100_000_000n, all: true });
  });
  it("refuses more than the cover is worth, and amounts too small to burn a token unit", () => {
    expect(checkCoverWithdrawalAssets("104", rules)).toEqual({
      ok: false,
      error: "Enter at most 103.448275 dUSD: what your cover is worth now.",
    });
    const thin = { ...pool, active: 3_000_000_000n, supply: 1_000_000n };
    expect(checkCoverWithdrawalAssets("0.000001", { ...rules, pool: thin })).toEqual({
      ok: false,
      error: "Enter at least 0.003 dUSD: less than that buys back no cover token.",
    });
  });
});
