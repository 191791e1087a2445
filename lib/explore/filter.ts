import type { Address } from 'viem';

import type { ExploreRow, MetaPoolStatus } from './rows';

/** Lower case without accents, so "aave" finds "Aave v3" and "cafe" finds "Café". */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search's words; every one must appear in the MetaPool's name or in one of its coverage pools' names. */
export function searchTerms(q: string): string[] {
  return normalizeText(q).split(/\s+/).filter(Boolean);
}

export function matchesSearch(row: Pick<ExploreRow, 'name' | 'poolNames' | 'address'>, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystacks = [row.name, ...row.poolNames].map(normalizeText);
  const address = row.address.toLowerCase();
  return terms.every((term) => haystacks.some((h) => h.includes(term)) || (term.startsWith('0x') && term.length >= 4 && address.startsWith(term)));
}

export interface ExploreFilter {
  q: string;
  asset: Address | null;
  status: MetaPoolStatus | null;
}

/** Rows that pass the search, asset and status filters, in their original order. */
export function filterRows<R extends ExploreRow>(rows: readonly R[], filter: ExploreFilter): R[] {
  const terms = searchTerms(filter.q);
  const asset = filter.asset?.toLowerCase();
  return rows.filter(
    (row) =>
      (asset === undefined || row.asset.toLowerCase() === asset) &&
      (filter.status === null || row.status === filter.status) &&
      matchesSearch(row, terms),
  );
}
