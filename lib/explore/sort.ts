import type { SortDir, SortKey } from "./query";
import type { ExploreRow } from "./rows";

type Sortable = Pick<ExploreRow, "capital" | "decimals" | "utilisation" | "minRate" | "maxRate" | "index"> &
  Partial<Pick<ExploreRow, "apy" | "minCost" | "maxCost">>;

function sign(x: bigint): number {
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

/**
 * Capital in whole tokens, exactly: `a / 10^da` against `b / 10^db` by cross-multiplying, so a 6-decimal and an
 * 18-decimal asset compare by amount, not by base units (no price is applied: assets are compared one token each).
 */
export function compareCapital(
  a: Pick<Sortable, "capital" | "decimals">,
  b: Pick<Sortable, "capital" | "decimals">,
): number {
  return sign(a.capital * 10n ** BigInt(b.decimals) - b.capital * 10n ** BigInt(a.decimals));
}

/** Ascending order of a key that some rows lack; the caller puts the missing ones last in both directions. */
function compareKnown(a: bigint, b: bigint): number {
  return sign(a - b);
}

function hasCost(row: Sortable): boolean {
  return row.minCost !== undefined && row.minCost !== null && row.maxCost !== undefined && row.maxCost !== null;
}

/**
 * The rows' price key: what cover costs a year as a share of the deposit (lowest, then highest), the column's
 * own figure; rows without a cost (nothing can be bought) fall back to the curve's rates.
 */
function compareRate(a: Sortable, b: Sortable): number {
  if (hasCost(a) && hasCost(b)) return compareKnown(a.minCost!, b.minCost!) || compareKnown(a.maxCost!, b.maxCost!);
  if (hasCost(a) !== hasCost(b)) return hasCost(a) ? -1 : 1;
  return compareKnown(a.minRate!, b.minRate!) || compareKnown(a.maxRate!, b.maxRate!);
}

function missing(row: Sortable, key: SortKey): boolean {
  if (key === "utilisation") return row.utilisation === null;
  if (key === "rate") return row.minRate === null || row.maxRate === null;
  if (key === "apy") return row.apy === undefined || row.apy === null;
  return false;
}

/**
 * Sorted copy of the rows. Rows without the key (a shut-down MetaPool has no utilisation or rate) go last in
 * either direction; ties keep the factory's order (`index`), ascending in either direction.
 */
export function sortRows<R extends Sortable>(rows: readonly R[], key: SortKey, dir: SortDir): R[] {
  const flip = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ma = missing(a, key);
    const mb = missing(b, key);
    if (ma !== mb) return ma ? 1 : -1;
    let c = 0;
    if (!ma) {
      if (key === "capital") c = compareCapital(a, b);
      else if (key === "utilisation") c = compareKnown(a.utilisation!, b.utilisation!);
      else if (key === "apy") c = compareKnown(a.apy!, b.apy!);
      else c = compareRate(a, b);
    }
    return c * flip || a.index - b.index;
  });
}
