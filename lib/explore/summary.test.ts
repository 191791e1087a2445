import { describe, expect, it } from "vitest";

import { toExploreRows } from "./rows";
import { assetsOf, summarise } from "./summary";
import { DAI18, source, USD6 } from "./testkit";

const WAD = 10n ** 18n;
const E6 = 10n ** 6n;

const rows = toExploreRows([
  source({
    capital: 1_000n * WAD,
    totalActive: 300n * WAD,
    totalPending: 5n * WAD,
    pools: [
      { name: "A", rate: 1n },
      { name: "B", rate: 1n },
    ],
  }),
  source({ config: { asset: USD6, decimals: 6 }, capital: 2_000n * E6, totalActive: 100n * E6, pendingClaims: 1n }),
  source({ capital: 500n * WAD, totalActive: 200n * WAD }),
  source({ config: { asset: USD6, decimals: 6 }, capital: 70n * E6, totalActive: 60n * E6, shutDown: true }),
]);

describe("summarise", () => {
  const s = summarise(rows);
  it("counts MetaPools by status", () => {
    expect(s.metaPools).toBe(4);
    expect(s.byStatus).toEqual({ active: 2, claimPending: 1, shutDown: 1 });
  });
  it("adds capital and active cover per asset, never across assets", () => {
    expect(s.perAsset).toEqual([
      {
        asset: DAI18.toLowerCase(),
        decimals: 18,
        capital: 1_500n * WAD,
        active: 500n * WAD,
        pending: 5n * WAD,
        metaPools: 2,
      },
      { asset: USD6.toLowerCase(), decimals: 6, capital: 2_000n * E6, active: 100n * E6, pending: 0n, metaPools: 2 },
    ]);
  });
  it("leaves shut-down MetaPools out of capital, cover and coverage pools (cover no longer in force)", () => {
    expect(s.coveragePools).toBe(2 + 1 + 1);
  });
  it("is empty for no MetaPools", () => {
    expect(summarise([])).toEqual({
      metaPools: 0,
      byStatus: { active: 0, claimPending: 0, shutDown: 0 },
      coveragePools: 0,
      perAsset: [],
    });
  });
});

describe("assetsOf", () => {
  it("lists each asset once in order of first appearance", () => {
    expect(assetsOf(rows)).toEqual([DAI18.toLowerCase(), USD6.toLowerCase()]);
  });
});
