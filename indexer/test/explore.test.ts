// /canopy/explore's list rules on plain rows (no chain, no Ponder): the same search, filters, sort and paging as
// the app's chain path (lib/explore), on the indexed state.
import { describe, expect, it } from "vitest";

import { exploreList, toRow, type ExploreRequest, type IndexedMetaPool } from "../src/api/explore/list";
import { parseExploreRequest } from "../src/api/explore/request";

const WAD = 10n ** 18n;
const E6 = 10n ** 6n;
const USD = "0x00000000000000000000000000000000000000a6";
const DAI = "0x0000000000000000000000000000000000000a18";

let n = 0;
function metaPool(over: Partial<IndexedMetaPool> = {}): IndexedMetaPool {
  n++;
  return {
    address: `0x${n.toString(16).padStart(40, "0")}`,
    index: BigInt(n),
    name: `Pool ${n}`,
    asset: DAI,
    assetSymbol: "DAI",
    assetDecimals: 18,
    capital: 1_000n * WAD,
    totalActive: 0n,
    totalPending: 0n,
    freeCapital: 1_000n * WAD,
    shutDown: false,
    pendingClaims: 0,
    payoutMultiple: 0,
    arbiterFeeBps: 500,
    creatorFeeBps: 500,
    pools: [{ name: "Aave v3", active: 0n, coverSupply: 0n, rate: WAD / 50n, payout: 0n }],
    ...over,
  };
}

const request = (over: Partial<ExploreRequest> = {}): ExploreRequest => ({
  q: "",
  asset: null,
  status: null,
  payout: null,
  sort: "capital",
  dir: "desc",
  page: 1,
  size: 10,
  ...over,
});
const names = (list: ReturnType<typeof exploreList>, all: IndexedMetaPool[]) =>
  list.items.map((i) => all.find((m) => m.address === i.address)!.name);

describe("exploreList", () => {
  const lending = metaPool({ name: "Blue-chip lending", capital: 500n * WAD });
  const dex = metaPool({
    name: "DEX core",
    capital: 2_000n * E6,
    asset: USD,
    assetDecimals: 6,
    assetSymbol: "USDC",
    payoutMultiple: 3,
    pools: [{ name: "Uniswap Café", active: 1n, coverSupply: 1n, rate: 1n, payout: 1n }],
  });
  const claimed = metaPool({ name: "Bridges", capital: 1_000n * WAD, pendingClaims: 1 });
  const shut = metaPool({ name: "Legacy vaults", capital: 9_000n * WAD, shutDown: true, freeCapital: 0n });
  const all = [shut, claimed, dex, lending];

  it("sorts capital in whole tokens across decimals, in factory order for ties", () => {
    expect(names(exploreList(all, request()), all)).toEqual([
      "Legacy vaults",
      "DEX core",
      "Bridges",
      "Blue-chip lending",
    ]);
    expect(names(exploreList(all, request({ dir: "asc" })), all)).toEqual([
      "Blue-chip lending",
      "Bridges",
      "DEX core",
      "Legacy vaults",
    ]);
  });

  it("puts MetaPools without the key last in both directions (a shut-down one has no utilisation)", () => {
    for (const dir of ["asc", "desc"] as const) {
      expect(names(exploreList(all, request({ sort: "utilisation", dir })), all).at(-1)).toBe("Legacy vaults");
    }
  });

  it("searches names and coverage pool names without case or accents, and address prefixes", () => {
    expect(names(exploreList(all, request({ q: "cafe" })), all)).toEqual(["DEX core"]);
    expect(names(exploreList(all, request({ q: "BLUE lending" })), all)).toEqual(["Blue-chip lending"]);
    expect(names(exploreList(all, request({ q: lending.address })), all)).toEqual(["Blue-chip lending"]);
    expect(exploreList(all, request({ q: "nothing" })).total).toBe(0);
  });

  it("filters by asset, status and payout cap", () => {
    expect(names(exploreList(all, request({ asset: USD })), all)).toEqual(["DEX core"]);
    expect(names(exploreList(all, request({ status: "claimPending" })), all)).toEqual(["Bridges"]);
    expect(names(exploreList(all, request({ payout: "capped" })), all)).toEqual(["DEX core"]);
    expect(exploreList(all, request({ payout: "uncapped" })).total).toBe(3);
  });

  it("cuts the requested page and clamps it to the last one", () => {
    const list = exploreList(all, request({ size: 3, page: 9 }));
    expect(list).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    expect(names(list, all)).toEqual(["Blue-chip lending"]);
  });

  it("summarises every MetaPool per asset, shut-down ones counted but adding no capital", () => {
    const { summary } = exploreList(all, request({ q: "dex" }));
    expect(summary.metaPools).toBe(4);
    expect(summary.byStatus).toEqual({ active: 2, claimPending: 1, shutDown: 1 });
    expect(summary.perAsset.find((a) => a.asset === DAI)).toMatchObject({ capital: 1_500n * WAD, metaPools: 3 });
  });
});

describe("toRow", () => {
  it("computes APY net of fees and the cost of cover over the pools with cover", () => {
    const row = toRow(
      metaPool({
        capital: 1_000n * WAD,
        pools: [
          { name: "a", active: 100n * WAD, coverSupply: 1n, rate: WAD / 10n, payout: 200n * WAD },
          { name: "b", active: 0n, coverSupply: 0n, rate: WAD / 20n, payout: 0n },
        ],
      }),
    );
    // ρ = 10 % × 200 = 20 a year; 90 % of it over C = 1 000 → 1.8 %; cost = 20 / 100 = 20 % of the cover.
    expect(row.apy).toBe((18n * WAD) / 1_000n);
    expect(row.minCost).toBe(WAD / 5n);
    expect(row.maxCost).toBe(WAD / 5n);
    expect([row.minRate, row.maxRate]).toEqual([WAD / 20n, WAD / 10n]);
  });
});

describe("parseExploreRequest", () => {
  it("reads the app's URL spelling and falls back on anything unknown", () => {
    const params: Record<string, string> = { status: "claim-pending", sort: "apy", dir: "asc", page: "2", size: "500" };
    expect(parseExploreRequest((k) => params[k])).toMatchObject({
      status: "claimPending",
      sort: "apy",
      dir: "asc",
      page: 2,
      size: 100,
    });
    const bad: Record<string, string> = { status: "x", sort: "y", page: "-1", asset: "0x12" };
    expect(parseExploreRequest((k) => bad[k])).toMatchObject({ status: null, sort: "capital", page: 1, asset: null });
  });
});
