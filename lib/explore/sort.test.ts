import { describe, expect, it } from "vitest";

import type { ExploreRow } from "./rows";
import { compareCapital, sortRows } from "./sort";

const WAD = 10n ** 18n;
const E6 = 10n ** 6n;

type R = Pick<ExploreRow, "capital" | "decimals" | "utilisation" | "minRate" | "maxRate" | "index"> & { id: string };
const row = (id: string, index: number, r: Partial<R> = {}): R => ({
  id,
  index,
  capital: 0n,
  decimals: 18,
  utilisation: 0n,
  minRate: 0n,
  maxRate: 0n,
  ...r,
});
const ids = (rows: R[]) => rows.map((r) => r.id).join(" ");

describe("compareCapital", () => {
  it("compares whole tokens across decimals, exactly", () => {
    const usdc = { capital: 1_000n * E6, decimals: 6 };
    const dai = { capital: 1_000n * WAD, decimals: 18 };
    expect(compareCapital(usdc, dai)).toBe(0);
    expect(compareCapital({ capital: 1_000n * E6 + 1n, decimals: 6 }, dai)).toBe(1);
    expect(compareCapital(usdc, { capital: 1_000n * WAD + 1n, decimals: 18 })).toBe(-1);
  });
  it("tells apart amounts a float could not", () => {
    const big = 2n ** 200n;
    expect(compareCapital({ capital: big + 1n, decimals: 18 }, { capital: big, decimals: 18 })).toBe(1);
  });
});

describe("sortRows", () => {
  it("sorts capital both ways in whole tokens", () => {
    const rows = [
      row("a", 0, { capital: 500n * WAD }),
      row("b", 1, { capital: 2_000n * E6, decimals: 6 }),
      row("c", 2, { capital: 1_000n * WAD }),
    ];
    expect(ids(sortRows(rows, "capital", "desc"))).toBe("b c a");
    expect(ids(sortRows(rows, "capital", "asc"))).toBe("a c b");
  });
  it("keeps factory order for ties, in either direction", () => {
    const rows = [
      row("a", 0, { capital: 5n }),
      row("b", 1, { capital: 9n }),
      row("c", 2, { capital: 5n }),
      row("d", 3, { capital: 5n }),
    ];
    expect(ids(sortRows(rows, "capital", "desc"))).toBe("b a c d");
    expect(ids(sortRows(rows, "capital", "asc"))).toBe("a c d b");
  });
  it("does not reorder the input", () => {
    const rows = [row("a", 0, { capital: 1n }), row("b", 1, { capital: 2n })];
    sortRows(rows, "capital", "desc");
    expect(ids(rows)).toBe("a b");
  });
  it("sorts utilisation with shut-down MetaPools (no utilisation) last both ways", () => {
    const rows = [
      row("a", 0, { utilisation: 3n }),
      row("x", 1, { utilisation: null }),
      row("b", 2, { utilisation: 1n }),
      row("c", 3, { utilisation: 2n }),
    ];
    expect(ids(sortRows(rows, "utilisation", "desc"))).toBe("a c b x");
    expect(ids(sortRows(rows, "utilisation", "asc"))).toBe("b c a x");
  });
  it("sorts rate by the lowest rate, then the highest", () => {
    const rows = [
      row("a", 0, { minRate: 2n, maxRate: 9n }),
      row("b", 1, { minRate: 2n, maxRate: 4n }),
      row("c", 2, { minRate: 1n, maxRate: 50n }),
      row("x", 3, { minRate: null, maxRate: null }),
      row("d", 4, { minRate: 2n, maxRate: 4n }),
    ];
    expect(ids(sortRows(rows, "rate", "asc"))).toBe("c b d a x");
    expect(ids(sortRows(rows, "rate", "desc"))).toBe("a b d c x");
  });
  it("handles an empty list", () => {
    expect(sortRows([], "rate", "asc")).toEqual([]);
  });
});

describe("sorting by APY and by the cost of cover", () => {
  const priced = (
    id: string,
    index: number,
    apy: bigint | null,
    minCost: bigint | null,
    maxCost: bigint | null,
    minRate = 0n,
  ) => ({
    ...row(id, index, { minRate, maxRate: minRate }),
    apy,
    minCost,
    maxCost,
  });
  it("orders by APY, rows without one last either way", () => {
    const rows = [
      priced("a", 0, WAD / 10n, null, null),
      priced("b", 1, null, null, null),
      priced("c", 2, WAD / 5n, null, null),
    ];
    expect(sortRows(rows, "apy", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRows(rows, "apy", "asc").map((r) => r.id)).toEqual(["a", "c", "b"]);
  });
  it("the cost column sorts by the cost a year as a share of the deposit, not by the curve's rate", () => {
    // b has the lower curve rate but the dearer cover (a bigger payout multiple).
    const rows = [priced("a", 0, null, WAD / 10n, WAD / 5n, WAD / 10n), priced("b", 1, null, WAD / 2n, WAD, WAD / 50n)];
    expect(sortRows(rows, "rate", "asc").map((r) => r.id)).toEqual(["a", "b"]);
    expect(sortRows(rows, "rate", "desc").map((r) => r.id)).toEqual(["b", "a"]);
  });
});
