import type { Address, Client, Hash } from "viem";
import { getBlock, getLogs } from "viem/actions";

import { appRangeBudget, readLogsInRanges } from "@/lib/reads/logs";

import { compareLogs, metaPoolEventsAbi, type MetaPoolLog } from "./events";

export { blockRanges } from "@/lib/reads/logRange";

/** The chain the history reads: any viem Client (its getLogs and getBlock are imported from viem/actions). */
export type HistoryClient = Client;

/** Block headers in flight at once: enough for one batched HTTP request, bounded for long histories. */
const MAX_CONCURRENT_HEADERS = 50;

/** Logs already read for one MetaPool: every event from `fromBlock` through `toBlock`. */
export interface CachedLogs {
  fromBlock: bigint;
  toBlock: bigint;
  /** Hash of block `toBlock` when it was read: a different one later means a reorg or a reset chain. */
  toBlockHash: Hash | null;
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
  /** Blocks per getLogs call (RPCs bound the range); default NEXT_PUBLIC_LOG_BLOCK_RANGE, halved when refused. */
  chunk?: bigint;
  /** Default: the app-wide `metaPoolLogCache`. */
  cache?: LogCache;
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
  if (typeof value === "bigint") return value;
  if (typeof value === "string" && value !== "") return BigInt(value);
  if (typeof value === "number") return BigInt(value);
  return undefined;
}

async function readRange(
  client: HistoryClient,
  metaPool: Address,
  fromBlock: bigint,
  toBlock: bigint,
  chunk: bigint | undefined,
): Promise<MetaPoolLog[]> {
  if (fromBlock > toBlock) return [];
  // Provider-sized ranges (NEXT_PUBLIC_LOG_BLOCK_RANGE, halved when refused), shared with every other log read.
  const pages = await readLogsInRanges(
    (range) => getLogs(client, { address: metaPool, events: metaPoolEventsAbi, strict: true, ...range }),
    fromBlock,
    toBlock,
    chunk === undefined ? appRangeBudget : { size: chunk },
  );

  const known = new Map<bigint, bigint>();
  const raw = pages.filter((log) => log.blockNumber !== null && log.logIndex !== null && log.transactionHash !== null);
  for (const log of raw) {
    const stamp = rawBlockTimestamp(log);
    if (stamp !== undefined) known.set(log.blockNumber!, stamp);
    // The only event whose time argument is always its block's time.
    else if (log.eventName === "MetaPoolShutDown") known.set(log.blockNumber!, BigInt(log.args.timestamp));
  }
  const missing = [...new Set(raw.map((log) => log.blockNumber!))].filter((block) => !known.has(block));
  const headers = await mapBounded(missing, MAX_CONCURRENT_HEADERS, (blockNumber) =>
    getBlock(client, { blockNumber, includeTransactions: false }),
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
 * the same start are not read again: a refresh only asks for the blocks since the last one, after
 * checking that the last block read is still on the chain (else it reads everything again).
 */
export async function fetchMetaPoolLogs(
  client: HistoryClient,
  metaPool: Address,
  fromBlock: bigint,
  toBlock: bigint,
  opts: FetchLogsOptions = {},
): Promise<MetaPoolLog[]> {
  const chunk = opts.chunk;
  const cache = opts.cache ?? metaPoolLogCache;
  const key = metaPool.toLowerCase();
  const cached = cache.get(key);
  const hashOf = async (blockNumber: bigint) =>
    (await getBlock(client, { blockNumber, includeTransactions: false })).hash;
  const within = (logs: MetaPoolLog[]) =>
    logs.filter((log) => log.blockNumber >= fromBlock && log.blockNumber <= toBlock);

  if (cached && cached.fromBlock <= fromBlock && cached.toBlock >= fromBlock - 1n) {
    // The check of the last block read goes out with the new ranges, in the same batch.
    const grows = cached.toBlock < toBlock;
    const [stillThere, fresh, toBlockHash] = await Promise.all([
      hashOf(cached.toBlock).then(
        (hash) => hash === cached.toBlockHash,
        () => false, // the block is gone: the chain is shorter than what was read
      ),
      grows ? readRange(client, metaPool, cached.toBlock + 1n, toBlock, chunk) : Promise.resolve([]),
      grows ? hashOf(toBlock) : Promise.resolve(cached.toBlockHash),
    ]);
    if (stillThere) {
      if (!grows) return within(cached.logs);
      const logs = [...cached.logs, ...fresh];
      // Another refresh may have moved the entry meanwhile; keep whichever reaches further.
      if (cache.get(key) === cached) cache.set(key, { fromBlock: cached.fromBlock, toBlock, toBlockHash, logs });
      return within(logs);
    }
    // A reorg, or a restarted local chain with the same addresses: what was read is gone.
    cache.delete(key);
  }

  const [logs, toBlockHash] = await Promise.all([
    readRange(client, metaPool, fromBlock, toBlock, chunk),
    hashOf(toBlock),
  ]);
  const current = cache.get(key);
  if (!current || current.toBlock <= toBlock) cache.set(key, { fromBlock, toBlock, toBlockHash, logs });
  return logs;
}
