/**
 * The app talks to the indexer (indexer/src/api) with plain `fetch` and JSON: `/canopy/explore`,
 * `/canopy/account/…/metapools`, `/canopy/metapool/…/history`, `/canopy/status`. Why not `@ponder/client`: its
 * typed queries need the schema objects (indexer/ponder.schema.ts), which import `ponder` itself, and with them
 * drizzle-orm's query builder; that is tens of KB gzip in every route that lists, against the issue's budget of
 * 20 KB above a bare wagmi + RainbowKit page. Search, filters, sort and paging run in the indexer, so the app only
 * needs a few small JSON answers; this file is the whole client (< 1 KB gzip).
 */

/** The indexer did not answer, or answered with an error: the caller falls back to the chain. */
export class IndexerError extends Error {
  override name = "IndexerError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A list that waits longer than this is slower than the chain path it replaces. */
const TIMEOUT_MS = 8_000;

export type QueryParams = Record<string, string | number | null | undefined>;

/** `base` + `path` with the params that are set, in a stable order (so equal queries make equal URLs). */
export function indexerUrlFor(base: string, path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return `${base}${path}${query ? `?${query}` : ""}`;
}

export async function getIndexerJson(
  base: string,
  path: string,
  params: QueryParams = {},
  signal?: AbortSignal,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const url = indexerUrlFor(base, path, params);
  let res: Response;
  try {
    res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new IndexerError(`The indexer at ${base} did not answer`);
  }
  if (!res.ok) throw new IndexerError(`The indexer answered ${res.status} for ${path}`, res.status);
  return res.json();
}

/** Amounts travel as decimal strings (JSON has no bigint). */
export function toBigInt(value: unknown, field: string): bigint {
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}

export function toNumber(value: unknown, field: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}

export function toAddress(value: unknown, field: string): `0x${string}` {
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return value as `0x${string}`;
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}

export function asRecord(value: unknown, field: string): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}

export function asArray(value: unknown, field: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}
