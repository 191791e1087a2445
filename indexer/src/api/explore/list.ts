// Explore's list, server side: search, filters, sort and paging over the indexed MetaPools, so the app's first page
// costs one request whatever the number of MetaPools. The rules mirror the app's chain path (lib/explore: filter.ts,
// sort.ts, paginate.ts, summary.ts) on the indexed state; what differs is said where it differs.

export type MetaPoolStatus = "active" | "claimPending" | "shutDown";
export type SortKey = "capital" | "apy" | "utilisation" | "rate";
export type SortDir = "asc" | "desc";
export type PayoutFilter = "capped" | "uncapped";

const WAD = 10n ** 18n;
const BPS = 10_000n;

/** The indexed columns a row needs (meta_pool and its coverage_pool rows). */
export interface IndexedMetaPool {
  address: `0x${string}`;
  index: bigint;
  name: string;
  asset: `0x${string}`;
  assetSymbol: string;
  assetDecimals: number;
  capital: bigint;
  totalActive: bigint;
  totalPending: bigint;
  freeCapital: bigint;
  shutDown: boolean;
  pendingClaims: number;
  payoutMultiple: number;
  arbiterFeeBps: number;
  creatorFeeBps: number;
  pools: { name: string; active: bigint; coverSupply: bigint; rate: bigint; payout: bigint }[];
}

export interface ExploreRow {
  address: `0x${string}`;
  index: number;
  name: string;
  poolNames: string[];
  asset: `0x${string}`;
  symbol: string;
  decimals: number;
  capital: bigint;
  active: bigint;
  pending: bigint;
  status: MetaPoolStatus;
  payoutCap: number;
  utilisation: bigint | null;
  apy: bigint | null;
  /** Cost of cover a year as a share of the deposit (ρ / K), over the pools that have cover. */
  minCost: bigint | null;
  maxCost: bigint | null;
  minRate: bigint | null;
  maxRate: bigint | null;
}

export interface ExploreRequest {
  q: string;
  asset: string | null;
  status: MetaPoolStatus | null;
  payout: PayoutFilter | null;
  sort: SortKey;
  dir: SortDir;
  page: number;
  size: number;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** Shutdown wins over a pending claim (SPEC §8), as on the chain path. */
function statusOf(m: IndexedMetaPool): MetaPoolStatus {
  if (m.shutDown) return "shutDown";
  return m.pendingClaims > 0 ? "claimPending" : "active";
}

function range(values: bigint[]): { min: bigint; max: bigint } | null {
  if (values.length === 0) return null;
  return values.reduce((r, v) => ({ min: v < r.min ? v : r.min, max: v > r.max ? v : r.max }), {
    min: values[0]!,
    max: values[0]!,
  });
}

/**
 * One row from the indexed state (as of the latest indexed event, not projected to now as `metaPoolView()` is).
 * APY = Σ rate × payout × (1 − fees) / C, rounded down (lib/economics/yield); the cost of cover is ρ / K rounded up
 * over the pools with cover: a pool without cover has no holders' price here (the chain path prices a minimum
 * purchase for it, which needs the curve and live state).
 */
export function toRow(m: IndexedMetaPool): ExploreRow {
  const status = statusOf(m);
  const live = status !== "shutDown";
  const open = m.totalActive + m.freeCapital;
  const speeds = m.pools.map((p) => p.rate * p.payout);
  const gross = speeds.reduce((a, b) => a + b, 0n);
  const capShare = BPS - BigInt(m.arbiterFeeBps) - BigInt(m.creatorFeeBps);
  const costs = live
    ? m.pools.flatMap((p, i) => (p.active > 0n && p.coverSupply > 0n ? [ceilDiv(speeds[i]!, p.active)] : []))
    : [];
  const cost = range(costs);
  const rates = live ? range(m.pools.map((p) => p.rate)) : null;
  return {
    address: m.address,
    index: Number(m.index),
    name: m.name,
    poolNames: m.pools.map((p) => p.name),
    asset: m.asset.toLowerCase() as `0x${string}`,
    symbol: m.assetSymbol,
    decimals: m.assetDecimals,
    capital: m.capital,
    active: m.totalActive,
    pending: m.totalPending,
    status,
    payoutCap: m.payoutMultiple,
    utilisation: live ? (open === 0n ? 0n : ceilDiv(m.totalActive * WAD, open)) : null,
    apy: live && m.capital > 0n ? (gross * capShare) / (BPS * m.capital) : null,
    minCost: cost?.min ?? null,
    maxCost: cost?.max ?? null,
    minRate: rates?.min ?? null,
    maxRate: rates?.max ?? null,
  };
}

/** Lower case without accents, so "aave" finds "Aave v3" and "cafe" finds "Café" (lib/explore/filter). */
export function normalizeText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function matchesSearch(row: ExploreRow, terms: string[]): boolean {
  const haystacks = [row.name, ...row.poolNames].map(normalizeText);
  const address = row.address.toLowerCase();
  return terms.every(
    (term) =>
      haystacks.some((h) => h.includes(term)) ||
      (term.startsWith("0x") && term.length >= 4 && address.startsWith(term)),
  );
}

export function filterRows(rows: ExploreRow[], req: Pick<ExploreRequest, "q" | "asset" | "status" | "payout">) {
  const terms = normalizeText(req.q).split(/\s+/).filter(Boolean);
  const asset = req.asset?.toLowerCase();
  return rows.filter(
    (row) =>
      (!asset || row.asset === asset) &&
      (!req.status || row.status === req.status) &&
      (!req.payout || (req.payout === "uncapped" ? row.payoutCap === 0 : row.payoutCap > 0)) &&
      (terms.length === 0 || matchesSearch(row, terms)),
  );
}

const sign = (x: bigint) => (x < 0n ? -1 : x > 0n ? 1 : 0);
const hasCost = (r: ExploreRow) => r.minCost !== null && r.maxCost !== null;

function missing(row: ExploreRow, key: SortKey): boolean {
  if (key === "utilisation") return row.utilisation === null;
  if (key === "rate") return row.minRate === null;
  if (key === "apy") return row.apy === null;
  return false;
}

function compare(a: ExploreRow, b: ExploreRow, key: SortKey): number {
  // Capital in whole tokens (no price): a 6- and an 18-decimal asset compare by amount.
  if (key === "capital") return sign(a.capital * 10n ** BigInt(b.decimals) - b.capital * 10n ** BigInt(a.decimals));
  if (key === "utilisation") return sign(a.utilisation! - b.utilisation!);
  if (key === "apy") return sign(a.apy! - b.apy!);
  if (hasCost(a) && hasCost(b)) return sign(a.minCost! - b.minCost!) || sign(a.maxCost! - b.maxCost!);
  if (hasCost(a) !== hasCost(b)) return hasCost(a) ? -1 : 1;
  return sign(a.minRate! - b.minRate!) || sign(a.maxRate! - b.maxRate!);
}

/** Rows without the key go last either way; ties keep the factory's order, as on the chain path. */
export function sortRows(rows: ExploreRow[], key: SortKey, dir: SortDir): ExploreRow[] {
  const flip = dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ma = missing(a, key);
    const mb = missing(b, key);
    if (ma !== mb) return ma ? 1 : -1;
    return (ma ? 0 : compare(a, b, key) * flip) || a.index - b.index;
  });
}

export interface AssetTotals {
  asset: `0x${string}`;
  symbol: string;
  decimals: number;
  capital: bigint;
  active: bigint;
  pending: bigint;
  metaPools: number;
}

/** Counts by status and totals per asset over every MetaPool (shut-down ones add no capital or cover). */
export function summarise(rows: ExploreRow[]) {
  const byStatus: Record<MetaPoolStatus, number> = { active: 0, claimPending: 0, shutDown: 0 };
  const perAsset = new Map<string, AssetTotals>();
  let coveragePools = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    const totals = perAsset.get(row.asset) ?? {
      asset: row.asset,
      symbol: row.symbol,
      decimals: row.decimals,
      capital: 0n,
      active: 0n,
      pending: 0n,
      metaPools: 0,
    };
    totals.metaPools++;
    if (row.status !== "shutDown") {
      totals.capital += row.capital;
      totals.active += row.active;
      totals.pending += row.pending;
      coveragePools += row.poolNames.length;
    }
    perAsset.set(row.asset, totals);
  }
  return { metaPools: rows.length, byStatus, coveragePools, perAsset: [...perAsset.values()] };
}

/** Filter, sort, then the requested page (clamped to the last one), with the summary of the whole list. */
export function exploreList(metaPools: IndexedMetaPool[], req: ExploreRequest) {
  const all = [...metaPools].sort((a, b) => sign(a.index - b.index)).map(toRow);
  const matched = sortRows(filterRows(all, req), req.sort, req.dir);
  const pageCount = Math.max(1, Math.ceil(matched.length / req.size));
  const page = Math.min(Math.max(1, req.page), pageCount);
  const items = matched.slice((page - 1) * req.size, page * req.size);
  return { total: matched.length, page, pageCount, items, summary: summarise(all) };
}
