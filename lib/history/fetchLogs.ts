import type { Address, PublicClient } from 'viem';

import { compareLogs, metaPoolEventsAbi, type MetaPoolLog } from './events';

/** What the history needs from a viem public client (a fake one in tests). */
export type HistoryClient = Pick<PublicClient, 'getLogs' | 'getBlock'>;

export const DEFAULT_CHUNK = 5_000n;
/** Ranges in flight at once: enough for one batched HTTP request, bounded for long histories. */
const MAX_CONCURRENT_RANGES = 50;

/** Logs already read for one MetaPool: every event from `fromBlock` through `toBlock`. */
export interface CachedLogs {
  fromBlock: bigint;
  toBlock: bigint;
  logs: MetaPoolLog[];
}

/** Keyed by lower-case MetaPool address. */
export type LogCache = Map<string, CachedLogs>;

export function createLogCache(): LogCache {
  return new Map();
}

/** The app's cache: a refresh after a transaction reads only the blocks since the last read. */
export const metaPoolLogCache: LogCache = createLogCache();

export interface FetchLogsOptions {
  /** Blocks per getLogs call (RPCs bound the range); default 5 000. */
  chunk?: bigint;
  /** Default: the app-wide `metaPoolLogCache`. */
  cache?: LogCache;
}

/** [from, to] split into inclusive ranges of at most `chunk` blocks. */
export function blockRanges(fromBlock: bigint, toBlock: bigint, chunk: bigint): { fromBlock: bigint; toBlock: bigint }[] {
  if (chunk <= 0n) throw new Error(`chunk must be positive, got ${chunk}`);
  const ranges: { fromBlock: bigint; toBlock: bigint }[] = [];
  for (let start = fromBlock; start <= toBlock; start += chunk) {
    const end = start + chunk - 1n;
    ranges.push({ fromBlock: start, toBlock: end < toBlock ? end : toBlock });
  }
  return ranges;
}

/** Runs `run` over `items`, at most `limit` at a time, results in input order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    results.push(...(await Promise.all(items.slice(i, i + limit).map(run))));
  }
  return results;
}

/** Some nodes (Anvil, recent geth) put the block time on each log; viem passes it through raw. */
function rawBlockTimestamp(log: object): bigint | undefined {
  const value = (log as { blockTimestamp?: unknown }).blockTimestamp;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && value !== '') return BigInt(value);
  if (typeof value === 'number') return BigInt(value);
  return undefined;
}

async function readRange(client: HistoryClient, metaPool: Address, fromBlock: bigint, toBlock: bigint, chunk: bigint): Promise<MetaPoolLog[]> {
  if (fromBlock > toBlock) return [];
  // Ranges go out together, so an http transport with `batch: true` sends them as one request.
  const pages = await mapBounded(blockRanges(fromBlock, toBlock, chunk), MAX_CONCURRENT_RANGES, (range) =>
    client.getLogs({ address: metaPool, events: metaPoolEventsAbi, strict: true, ...range }),
  );

  const known = new Map<bigint, bigint>();
  const raw = pages.flat().filter((log) => log.blockNumber !== null && log.logIndex !== null && log.transactionHash !== null);
  for (const log of raw) {
    const stamp = rawBlockTimestamp(log);
    if (stamp !== undefined) known.set(log.blockNumber!, stamp);
    // The only event whose time argument is always its block's time.
    else if (log.eventName === 'MetaPoolShutDown') known.set(log.blockNumber!, BigInt(log.args.timestamp));
  }
  const missing = [...new Set(raw.map((log) => log.blockNumber!))].filter((block) => !known.has(block));
  const headers = await mapBounded(missing, MAX_CONCURRENT_RANGES, (blockNumber) =>
    client.getBlock({ blockNumber, includeTransactions: false }),
  );
  headers.forEach((header, i) => known.set(missing[i]!, header.timestamp));

  return raw
    .map(
      (log) =>
        ({
          eventName: log.eventName,
          args: log.args,
          blockNumber: log.blockNumber!,
          logIndex: log.logIndex!,
          transactionHash: log.transactionHash!,
          timestamp: known.get(log.blockNumber!)!,
        }) as MetaPoolLog,
    )
    .sort(compareLogs);
}

/**
 * Every event of `metaPool` from `fromBlock` through `toBlock`, decoded, in chain order, each with
 * its block's timestamp. Reads in bounded block ranges. With the cache, blocks already read for
 * the same start are not read again: a refresh only asks for the blocks since the last one.
 */
export async function fetchMetaPoolLogs(
  client: HistoryClient,
  metaPool: Address,
  fromBlock: bigint,
  toBlock: bigint,
  opts: FetchLogsOptions = {},
): Promise<MetaPoolLog[]> {
  const chunk = opts.chunk ?? DEFAULT_CHUNK;
  const cache = opts.cache ?? metaPoolLogCache;
  const key = metaPool.toLowerCase();
  const cached = cache.get(key);

  if (cached && cached.fromBlock <= fromBlock && cached.toBlock >= fromBlock - 1n) {
    if (cached.toBlock < toBlock) {
      const fresh = await readRange(client, metaPool, cached.toBlock + 1n, toBlock, chunk);
      // Another refresh may have extended the entry meanwhile; keep whichever reaches further.
      const latest = cache.get(key);
      if (latest === cached) cache.set(key, { fromBlock: cached.fromBlock, toBlock, logs: [...cached.logs, ...fresh] });
      return [...cached.logs, ...fresh].filter((log) => log.blockNumber >= fromBlock && log.blockNumber <= toBlock);
    }
    return cached.logs.filter((log) => log.blockNumber >= fromBlock && log.blockNumber <= toBlock);
  }

  const logs = await readRange(client, metaPool, fromBlock, toBlock, chunk);
  if (!cached || cached.toBlock <= toBlock) cache.set(key, { fromBlock, toBlock, logs });
  return logs;
}
