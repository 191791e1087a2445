import { describe, expect, it } from "vitest";

import {
  DEFAULT_QUERY,
  isFiltered,
  isPageTurn,
  nextSort,
  parseExploreQuery,
  serializeExploreQuery,
  updateQuery,
  type ExploreQuery,
} from "./query";

const parse = (s: string) => parseExploreQuery(new URLSearchParams(s));
const ASSET = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707";

describe("parseExploreQuery", () => {
  it("gives the defaults for an empty URL: capital, highest first, page 1", () => {
    expect(parse("")).toEqual(DEFAULT_QUERY);
    expect(DEFAULT_QUERY).toMatchObject({ sort: "capital", dir: "desc", page: 1 });
  });
  it("reads every param", () => {
    expect(parse(`q=aave&asset=${ASSET}&status=claim-pending&payout=capped&sort=rate&dir=asc&page=3`)).toEqual({
      q: "aave",
      asset: ASSET.toLowerCase(),
      status: "claimPending",
      payout: "capped",
      sort: "rate",
      dir: "asc",
      page: 3,
    });
  });
  it("reads each status spelling", () => {
    expect(parse("status=active").status).toBe("active");
    expect(parse("status=shut-down").status).toBe("shutDown");
  });
  it("ignores malformed values instead of failing", () => {
    expect(parse("asset=0x123&status=paused&sort=name&dir=up&page=0")).toEqual(DEFAULT_QUERY);
    expect(parse("page=-2").page).toBe(1);
    expect(parse("page=1.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=9999999").page).toBe(1);
  });
  it("caps a very long search", () => {
    expect(parse(`q=${"a".repeat(500)}`).q).toHaveLength(100);
  });
});

describe("serializeExploreQuery", () => {
  it("leaves the defaults out", () => {
    expect(serializeExploreQuery(DEFAULT_QUERY)).toBe("");
  });
  it("writes sort and dir together once either differs", () => {
    expect(serializeExploreQuery({ ...DEFAULT_QUERY, dir: "asc" })).toBe("sort=capital&dir=asc");
    expect(serializeExploreQuery({ ...DEFAULT_QUERY, sort: "rate" })).toBe("sort=rate&dir=desc");
  });
  it("drops a blank search and page 1", () => {
    expect(serializeExploreQuery({ ...DEFAULT_QUERY, q: "   ", page: 1 })).toBe("");
  });
  it("round-trips through the parser", () => {
    const query: ExploreQuery = {
      q: "aave v3 & co",
      asset: ASSET.toLowerCase() as `0x${string}`,
      status: "shutDown",
      payout: "uncapped",
      sort: "utilisation",
      dir: "asc",
      page: 2,
    };
    expect(parse(serializeExploreQuery(query))).toEqual(query);
  });
});

describe("updateQuery", () => {
  const on3: ExploreQuery = { ...DEFAULT_QUERY, page: 3 };
  it("returns to page 1 when the search, a filter or the sort changes", () => {
    expect(updateQuery(on3, { q: "aave" }).page).toBe(1);
    expect(updateQuery(on3, { asset: "0x00000000000000000000000000000000000000aa" }).page).toBe(1);
    expect(updateQuery(on3, { status: "active" }).page).toBe(1);
    expect(updateQuery(on3, { sort: "rate", dir: "asc" }).page).toBe(1);
    expect(updateQuery(on3, { dir: "asc" }).page).toBe(1);
  });
  it("keeps everything else when only the page changes", () => {
    const q: ExploreQuery = { ...on3, q: "x", status: "active" };
    expect(updateQuery(q, { page: 4 })).toEqual({ ...q, page: 4 });
  });
  it("keeps the page when the change restates current values", () => {
    expect(updateQuery({ ...on3, q: "x" }, { q: "x", sort: "capital" }).page).toBe(3);
  });
  it("honours a page named alongside other changes", () => {
    expect(updateQuery(on3, { q: "x", page: 2 })).toEqual({ ...on3, q: "x", page: 2 });
  });
});

describe("isPageTurn", () => {
  it("is true when only the page differs", () => {
    expect(isPageTurn(DEFAULT_QUERY, { ...DEFAULT_QUERY, page: 2 })).toBe(true);
  });
  it("is false for a new search or sort, or no change", () => {
    expect(isPageTurn(DEFAULT_QUERY, { ...DEFAULT_QUERY, q: "a", page: 2 })).toBe(false);
    expect(isPageTurn(DEFAULT_QUERY, { ...DEFAULT_QUERY, dir: "asc" })).toBe(false);
    expect(isPageTurn(DEFAULT_QUERY, DEFAULT_QUERY)).toBe(false);
  });
});

describe("isFiltered", () => {
  it("is false for sort and page alone", () => {
    expect(isFiltered({ ...DEFAULT_QUERY, sort: "rate", page: 2 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, q: "  " })).toBe(false);
  });
  it("is true for a search, an asset or a status", () => {
    expect(isFiltered({ ...DEFAULT_QUERY, q: "a" })).toBe(true);
    expect(isFiltered({ ...DEFAULT_QUERY, asset: ASSET.toLowerCase() as `0x${string}` })).toBe(true);
    expect(isFiltered({ ...DEFAULT_QUERY, status: "shutDown" })).toBe(true);
  });
});

describe("nextSort", () => {
  it("flips the direction of the current column", () => {
    expect(nextSort({ sort: "capital", dir: "desc" }, "capital")).toEqual({ sort: "capital", dir: "asc" });
    expect(nextSort({ sort: "rate", dir: "asc" }, "rate")).toEqual({ sort: "rate", dir: "desc" });
  });
  it("starts capital and utilisation highest first, rate lowest first", () => {
    expect(nextSort({ sort: "rate", dir: "asc" }, "capital")).toEqual({ sort: "capital", dir: "desc" });
    expect(nextSort({ sort: "capital", dir: "asc" }, "utilisation")).toEqual({ sort: "utilisation", dir: "desc" });
    expect(nextSort({ sort: "capital", dir: "desc" }, "rate")).toEqual({ sort: "rate", dir: "asc" });
  });
});
