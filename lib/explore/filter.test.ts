import { describe, expect, it } from "vitest";

import { filterRows, matchesSearch, normalizeText, searchTerms } from "./filter";
import { toExploreRow } from "./rows";
import { DAI18, source, USD6 } from "./testkit";

const rows = [
  toExploreRow(
    source({
      config: { name: "Blue chips", asset: DAI18 },
      pools: [
        { name: "Aave v3", rate: 1n },
        { name: "Compound", rate: 1n },
      ],
    }),
    0,
  ),
  toExploreRow(
    source({
      config: { name: "Stable swaps", asset: USD6, decimals: 6 },
      pools: [{ name: "Curve", rate: 1n }],
      pendingClaims: 1n,
    }),
    1,
  ),
  toExploreRow(
    source({
      config: { name: "Café lending", asset: USD6, decimals: 6 },
      pools: [{ name: "Aave v2", rate: 1n }],
      shutDown: true,
    }),
    2,
  ),
];
const names = (r: { name: string }[]) => r.map((x) => x.name);
const all = { q: "", asset: null, status: null } as const;

describe("searchTerms", () => {
  it("splits on whitespace, lower-cased, without accents", () => {
    expect(searchTerms("  Café   AAVE ")).toEqual(["cafe", "aave"]);
    expect(searchTerms("   ")).toEqual([]);
  });
  it("normalizeText strips combining marks", () => {
    expect(normalizeText("Ünïcödé")).toBe("unicode");
  });
});

describe("matchesSearch", () => {
  it("matches everything with no terms", () => {
    expect(matchesSearch(rows[0]!, [])).toBe(true);
  });
  it("finds a MetaPool by its own name or a coverage pool name", () => {
    expect(matchesSearch(rows[0]!, ["blue"])).toBe(true);
    expect(matchesSearch(rows[0]!, ["compound"])).toBe(true);
    expect(matchesSearch(rows[0]!, ["curve"])).toBe(false);
  });
  it("needs every term, each in any name", () => {
    expect(matchesSearch(rows[0]!, ["blue", "aave"])).toBe(true);
    expect(matchesSearch(rows[0]!, ["blue", "curve"])).toBe(false);
  });
  it("finds a MetaPool by the start of its address", () => {
    const prefix = rows[1]!.address.slice(0, 8).toLowerCase();
    expect(matchesSearch(rows[1]!, [prefix])).toBe(true);
    expect(matchesSearch(rows[1]!, ["0xffffffff"])).toBe(false);
  });
});

describe("filterRows", () => {
  it("keeps everything without filters, in order", () => {
    expect(names(filterRows(rows, all))).toEqual(["Blue chips", "Stable swaps", "Café lending"]);
  });
  it("searches protected protocols across MetaPools", () => {
    expect(names(filterRows(rows, { ...all, q: "aave" }))).toEqual(["Blue chips", "Café lending"]);
    expect(names(filterRows(rows, { ...all, q: "cafe" }))).toEqual(["Café lending"]);
  });
  it("filters by asset whatever its letter case", () => {
    expect(names(filterRows(rows, { ...all, asset: USD6.toUpperCase().replace("0X", "0x") as `0x${string}` }))).toEqual(
      ["Stable swaps", "Café lending"],
    );
  });
  it("filters by status", () => {
    expect(names(filterRows(rows, { ...all, status: "active" }))).toEqual(["Blue chips"]);
    expect(names(filterRows(rows, { ...all, status: "claimPending" }))).toEqual(["Stable swaps"]);
    expect(names(filterRows(rows, { ...all, status: "shutDown" }))).toEqual(["Café lending"]);
  });
  it("combines search, asset and status", () => {
    expect(names(filterRows(rows, { q: "aave", asset: USD6, status: "active" }))).toEqual([]);
    expect(names(filterRows(rows, { q: "aave", asset: USD6, status: "shutDown" }))).toEqual(["Café lending"]);
  });
});

describe("the payout-cap filter", () => {
  const econ = (payoutCap: number) => ({
    apy: 0n,
    minCost: null,
    maxCost: null,
    maxMultiple: null,
    payoutCap,
    full: false,
  });
  const capped = toExploreRow(source({ config: { name: "Capped" }, economics: econ(3) }), 0);
  const uncapped = toExploreRow(source({ config: { name: "Uncapped" }, economics: econ(0) }), 1);
  const unknown = toExploreRow(source({ config: { name: "Unknown" } }), 2);
  const all = [capped, uncapped, unknown];
  const base = { q: "", asset: null, status: null };
  it("keeps capped or uncapped MetaPools, and every one without the filter", () => {
    expect(names(filterRows(all, { ...base, payout: "capped" }))).toEqual(["Capped"]);
    expect(names(filterRows(all, { ...base, payout: "uncapped" }))).toEqual(["Uncapped"]);
    expect(names(filterRows(all, { ...base, payout: null }))).toEqual(["Capped", "Uncapped", "Unknown"]);
  });
  it('says "full" only for an active MetaPool without capacity for a minimum purchase', () => {
    expect(toExploreRow(source({ economics: { ...econ(0), full: true } }), 0).full).toBe(true);
    expect(toExploreRow(source({ shutDown: true, economics: { ...econ(0), full: true } }), 0).full).toBe(false);
  });
});
