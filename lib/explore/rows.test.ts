import { describe, expect, it } from "vitest";

import { metaPoolStatus, metaPoolUtilisation, rateRange, toExploreRow, toExploreRows } from "./rows";
import { DAI18, pct, source } from "./testkit";

const WAD = 10n ** 18n;

describe("metaPoolStatus", () => {
  it("is active with no claim and no shutdown", () => {
    expect(metaPoolStatus({ shutDown: false, pendingClaims: 0n })).toBe("active");
  });
  it("is claim pending while any claim is pending", () => {
    expect(metaPoolStatus({ shutDown: false, pendingClaims: 2n })).toBe("claimPending");
  });
  it("is shut down even if the view still counts a claim (a shutdown voids them)", () => {
    expect(metaPoolStatus({ shutDown: true, pendingClaims: 1n })).toBe("shutDown");
  });
});

describe("metaPoolUtilisation", () => {
  it("is Σ K / (Σ K + F): SPEC example 1 gives 300 / 1 000 = 30 %", () => {
    expect(metaPoolUtilisation(300n * WAD, 700n * WAD)).toBe(pct(30));
  });
  it("is 0 with neither cover nor capital", () => {
    expect(metaPoolUtilisation(0n, 0n)).toBe(0n);
  });
  it("rounds up", () => {
    // 1 / 3 of a WAD is 333…333.33, shown as …334.
    expect(metaPoolUtilisation(1n, 2n)).toBe(WAD / 3n + 1n);
  });
});

describe("rateRange", () => {
  it("takes the lowest and the highest", () => {
    expect(rateRange([pct(5), pct(2), pct(60)])).toEqual({ min: pct(2), max: pct(60) });
  });
  it("is one rate for one pool", () => {
    expect(rateRange([pct(3.25)])).toEqual({ min: pct(3.25), max: pct(3.25) });
  });
  it("is null without pools", () => {
    expect(rateRange([])).toBeNull();
  });
});

describe("toExploreRow", () => {
  it("carries the view into a row", () => {
    const view = source({
      capital: 1_000n * WAD,
      freeCapital: 700n * WAD,
      totalActive: 300n * WAD,
      totalPending: 50n * WAD,
      pools: [
        { name: "Aave v3", rate: pct(3.25) },
        { name: "Compound", rate: pct(2) },
      ],
    });
    const row = toExploreRow(view, 4);
    expect(row).toMatchObject({
      address: view.metaPool,
      name: "Blue chips",
      asset: DAI18.toLowerCase(),
      decimals: 18,
      capital: 1_000n * WAD,
      free: 700n * WAD,
      active: 300n * WAD,
      pending: 50n * WAD,
      utilisation: pct(30),
      minRate: pct(2),
      maxRate: pct(3.25),
      poolNames: ["Aave v3", "Compound"],
      status: "active",
      index: 4,
    });
  });
  it("lower-cases the asset so the filter can match any spelling", () => {
    const row = toExploreRow(source({ config: { asset: "0xABCDEFabcdefABCDEFabcdefABCDEFabcdefABCD" } }), 0);
    expect(row.asset).toBe("0xabcdefabcdefabcdefabcdefabcdefabcdefabcd");
  });
  it("has no utilisation or rate once shut down (cover no longer in force)", () => {
    const row = toExploreRow(source({ shutDown: true, totalActive: 10n, freeCapital: 0n }), 0);
    expect(row.status).toBe("shutDown");
    expect(row.utilisation).toBeNull();
    expect(row.minRate).toBeNull();
    expect(row.maxRate).toBeNull();
  });
  it("numbers rows in factory order", () => {
    expect(toExploreRows([source(), source(), source()]).map((r) => r.index)).toEqual([0, 1, 2]);
  });
});
