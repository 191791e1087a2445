import type { Address } from "viem";

import type { PayoutFilter } from "./query";
import type { ExploreRow, MetaPoolStatus } from "./rows";

/** Lower case without accents, so "aave" finds "Aave v3" and "cafe" finds "Café". */
export function normalizeText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The search's words; every one must appear in the MetaPool's name or in one of its coverage pools' names. */
export function searchTerms(q: string): string[] {
  return normalizeText(q).split(/\s+/).filter(Boolean);
}

export function matchesSearch(
  row: Pick<ExploreRow, "name" | "poolNames" | "address">,
  terms: readonly string[],
): boolean {
  if (terms.length === 0) return true;
  const haystacks = [row.name, ...row.poolNames].map(normalizeText);
  const address = row.address.toLowerCase();
  return terms.every(
    (term) =>
      haystacks.some((h) => h.includes(term)) ||
      (term.startsWith("0x") && term.length >= 4 && address.startsWith(term)),
  );
}

export interface ExploreFilter {
  q: string;
  asset: Address | null;
  status: MetaPoolStatus | null;
  /** Optional so older callers keep working: null or absent means every payout cap. */
  payout?: PayoutFilter | null;
}

/** Whether a row's payout cap passes the filter (rows whose cap is unknown pass only "any"). */
export function matchesPayout(row: Pick<ExploreRow, "payoutCap">, payout: PayoutFilter | null | undefined): boolean {
  if (!payout) return true;
  if (row.payoutCap === null) return false;
  return payout === "uncapped" ? row.payoutCap === 0 : row.payoutCap > 0;
}

/** Rows that pass the search, asset, status and payout-cap filters, in their original order. */
export function filterRows<R extends ExploreRow>(rows: readonly R[], filter: ExploreFilter): R[] {
  const terms = searchTerms(filter.q);
  const asset = filter.asset?.toLowerCase();
  return rows.filter(
    (row) =>
      (asset === undefined || row.asset.toLowerCase() === asset) &&
      (filter.status === null || row.status === filter.status) &&
      matchesPayout(row, filter.payout) &&
      matchesSearch(row, terms),
  );
}
