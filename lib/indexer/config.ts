// Literal `process.env.NEXT_PUBLIC_*` read so Next inlines it into the client bundle. `npm run dev` sets it to the
// indexer it starts (scripts/dev.mjs); unset, every list is read from the chain alone.
export const indexerUrl: string | null = normalizeIndexerUrl(process.env.NEXT_PUBLIC_INDEXER_URL);

/** The base URL without a trailing slash, or null when unset or blank. */
export function normalizeIndexerUrl(raw: string | undefined): string | null {
  const url = raw?.trim().replace(/\/+$/, "");
  return url ? url : null;
}
