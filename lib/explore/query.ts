import { isAddress, type Address } from "viem";

import type { MetaPoolStatus } from "./rows";

export type SortKey = "capital" | "apy" | "utilisation" | "rate";
/** The payout cap filter: MetaPools whose payout is capped at N × cover, or uncapped (cover plus all free capital). */
export type PayoutFilter = "capped" | "uncapped";
export type SortDir = "asc" | "desc";

/** The explore list's search, filters, sort and page: what the URL keeps. */
export interface ExploreQuery {
  /** Free text matched against MetaPool and coverage pool names. */
  q: string;
  /** Lower-case asset address, or null for every asset. */
  asset: Address | null;
  status: MetaPoolStatus | null;
  payout: PayoutFilter | null;
  sort: SortKey;
  dir: SortDir;
  /** 1-based; clamped to the last page when the list is shorter. */
  page: number;
}

export const DEFAULT_QUERY: ExploreQuery = {
  q: "",
  asset: null,
  status: null,
  payout: null,
  sort: "capital",
  dir: "desc",
  page: 1,
};

export const SORT_KEYS: readonly SortKey[] = ["capital", "apy", "utilisation", "rate"];
export const PAYOUT_FILTERS: readonly PayoutFilter[] = ["capped", "uncapped"];
export const STATUSES: readonly MetaPoolStatus[] = ["active", "claimPending", "shutDown"];

/** URL spelling of each status (`?status=claim-pending`). */
const STATUS_PARAM: Record<MetaPoolStatus, string> = {
  active: "active",
  claimPending: "claim-pending",
  shutDown: "shut-down",
};

const MAX_QUERY_LENGTH = 100;

interface ParamSource {
  get(name: string): string | null;
}

/** Reads the query from URL params; anything unknown or malformed falls back to the default. */
export function parseExploreQuery(params: ParamSource): ExploreQuery {
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const assetParam = params.get("asset");
  const asset = assetParam && isAddress(assetParam, { strict: false }) ? (assetParam.toLowerCase() as Address) : null;
  const statusParam = params.get("status");
  const status = STATUSES.find((s) => STATUS_PARAM[s] === statusParam) ?? null;
  const payoutParam = params.get("payout");
  const payout = PAYOUT_FILTERS.find((f) => f === payoutParam) ?? null;
  const sortParam = params.get("sort");
  const sort = SORT_KEYS.find((k) => k === sortParam) ?? DEFAULT_QUERY.sort;
  const dirParam = params.get("dir");
  const dir: SortDir = dirParam === "asc" || dirParam === "desc" ? dirParam : DEFAULT_QUERY.dir;
  const pageParam = params.get("page");
  const page = pageParam && /^[1-9]\d{0,5}$/.test(pageParam) ? Number(pageParam) : 1;
  return { q, asset, status, payout, sort, dir, page };
}

/** The query as URL params, defaults left out so a plain visit stays at "/". */
export function serializeExploreQuery(query: ExploreQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim() !== "") params.set("q", query.q);
  if (query.asset) params.set("asset", query.asset);
  if (query.status) params.set("status", STATUS_PARAM[query.status]);
  if (query.payout) params.set("payout", query.payout);
  if (query.sort !== DEFAULT_QUERY.sort || query.dir !== DEFAULT_QUERY.dir) {
    params.set("sort", query.sort);
    params.set("dir", query.dir);
  }
  if (query.page > 1) params.set("page", String(query.page));
  return params.toString();
}

/**
 * Applies a change. A new search, filter or sort starts again from page 1 unless the change names its own page;
 * restating values that are already there changes nothing.
 */
export function updateQuery(query: ExploreQuery, change: Partial<ExploreQuery>): ExploreQuery {
  const next = { ...query, ...change };
  if (change.page !== undefined) return next;
  const narrowed =
    next.q !== query.q ||
    next.asset !== query.asset ||
    next.status !== query.status ||
    next.payout !== query.payout ||
    next.sort !== query.sort ||
    next.dir !== query.dir;
  return narrowed ? { ...next, page: 1 } : next;
}

/** Whether only the page differs: a step for the Back button, where a new search or filter replaces the entry. */
export function isPageTurn(from: ExploreQuery, to: ExploreQuery): boolean {
  return from.page !== to.page && sameFilters(from, to);
}

function sameFilters(a: ExploreQuery, b: ExploreQuery): boolean {
  return (
    a.q === b.q &&
    a.asset === b.asset &&
    a.status === b.status &&
    a.payout === b.payout &&
    a.sort === b.sort &&
    a.dir === b.dir
  );
}

/** Whether any search or filter narrows the list (sort and page do not). */
export function isFiltered(query: ExploreQuery): boolean {
  return query.q.trim() !== "" || query.asset !== null || query.status !== null || query.payout !== null;
}

/** Clicking a column header: the same column flips direction; another starts at its most useful end (cheapest rate first). */
export function nextSort(query: Pick<ExploreQuery, "sort" | "dir">, key: SortKey): { sort: SortKey; dir: SortDir } {
  if (query.sort === key) return { sort: key, dir: query.dir === "asc" ? "desc" : "asc" };
  return { sort: key, dir: key === "rate" ? "asc" : "desc" };
}
