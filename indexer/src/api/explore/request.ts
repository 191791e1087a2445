// The query string of /canopy/explore, spelled as the app's URL spells it (lib/explore/query), checked strictly:
// anything unknown falls back to the default rather than failing the list.
import type { ExploreRequest, MetaPoolStatus, PayoutFilter, SortKey } from "./list";

const STATUSES: Record<string, MetaPoolStatus> = {
  active: "active",
  "claim-pending": "claimPending",
  "shut-down": "shutDown",
};
const SORTS: readonly SortKey[] = ["capital", "apy", "utilisation", "rate"];
const PAYOUTS: readonly PayoutFilter[] = ["capped", "uncapped"];
/** One page is what a screen shows; a cap keeps a request's cost bounded. */
export const MAX_PAGE_SIZE = 100;

export function parseExploreRequest(get: (name: string) => string | undefined): ExploreRequest {
  const asset = get("asset");
  const sort = SORTS.find((s) => s === get("sort")) ?? "capital";
  const page = Number(get("page"));
  const size = Number(get("size"));
  return {
    q: (get("q") ?? "").slice(0, 100),
    asset: asset && /^0x[0-9a-fA-F]{40}$/.test(asset) ? asset.toLowerCase() : null,
    status: STATUSES[get("status") ?? ""] ?? null,
    payout: PAYOUTS.find((p) => p === get("payout")) ?? null,
    sort,
    dir: get("dir") === "asc" ? "asc" : get("dir") === "desc" ? "desc" : "desc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: Number.isInteger(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : 10,
  };
}

/** JSON has no bigint: amounts travel as decimal strings. */
export function toJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}
