import { describe, expect, it } from "vitest";

import { exploreList } from "./list";
import { DEFAULT_QUERY } from "./query";
import { toExploreRows } from "./rows";
import { pct, source } from "./testkit";

const WAD = 10n ** 18n;

// 23 MetaPools, capital 1..23, every third one covering "Curve".
const rows = toExploreRows(
  Array.from({ length: 23 }, (_, i) =>
    source({
      capital: BigInt(i + 1) * WAD,
      config: { name: `Pool ${i + 1}` },
      pools: [{ name: i % 3 === 0 ? "Curve" : "Aave", rate: pct(i) }],
    }),
  ),
);
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe("exploreList", () => {
  it("sorts by capital, highest first, 10 a page by default", () => {
    const p = exploreList(rows, DEFAULT_QUERY);
    expect(p.total).toBe(23);
    expect(p.pageCount).toBe(3);
    expect(names(p.items).slice(0, 3)).toEqual(["Pool 23", "Pool 22", "Pool 21"]);
  });
  it("filters before paging and counts what matched", () => {
    const p = exploreList(rows, { ...DEFAULT_QUERY, q: "curve", sort: "rate", dir: "asc" });
    expect(p.total).toBe(8);
    expect(p.pageCount).toBe(1);
    expect(names(p.items)).toEqual([
      "Pool 1",
      "Pool 4",
      "Pool 7",
      "Pool 10",
      "Pool 13",
      "Pool 16",
      "Pool 19",
      "Pool 22",
    ]);
  });
  it("clamps a stale page to the filtered list", () => {
    expect(exploreList(rows, { ...DEFAULT_QUERY, q: "curve", page: 3 }).page).toBe(1);
  });
  it("returns the requested page", () => {
    expect(names(exploreList(rows, { ...DEFAULT_QUERY, dir: "asc", page: 3 }).items)).toEqual([
      "Pool 21",
      "Pool 22",
      "Pool 23",
    ]);
  });
});
