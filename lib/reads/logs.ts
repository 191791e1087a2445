import type { Client, Hash } from "viem";
import { getBlock } from "viem/actions";

import { blockRanges, isRangeRefusal, logBlockRange } from "./logRange";

/** Ranges in flight at once: one JSON-RPC batch on Anvil, a bounded burst of requests on a hosted RPC. */
const CONCURRENT_RANGES = 8;

export interface BlockRange {
  fromBlock: bigint;
  toBlock: bigint;
}

/** The range size in use: starts at the configured one and only shrinks, for every read that shares it. */
export interface RangeBudget {
  size: bigint;
}

export const appRangeBudget: RangeBudget = { size: logBlockRange };

/**
 * Every log `read` returns over [fromBlock, toBlock], asked for in ranges of `budget.size` blocks, in chain order of
 * the ranges. A range the provider refuses is split in two and the budget halved, down to a single block; any other
 * failure (the node down, a bad filter) is thrown as it came.
 */
export async function readLogsInRanges<T>(
  read: (range: BlockRange) => Promise<readonly T[]>,
  fromBlock: bigint,
  toBlock: bigint,
  budget: RangeBudget = appRangeBudget,
): Promise<T[]> {
  const readOne = async (range: BlockRange): Promise<T[]> => {
    try {
      return [...(await read(range))];
    } catch (error) {
      const blocks = range.toBlock - range.fromBlock + 1n;
      if (blocks <= 1n || !isRangeRefusal(error)) throw error;
      const half = blocks / 2n;
      if (budget.size > half) budget.size = half;
      const mid = range.fromBlock + half - 1n;
      const left = await readOne({ fromBlock: range.fromBlock, toBlock: mid });
      const right = await readLogsInRanges(read, mid + 1n, range.toBlock, budget);
      return [...left, ...right];
    }
  };
  const ranges = fromBlock > toBlock ? [] : blockRanges(fromBlock, toBlock, budget.size);
  const pages: T[][] = [];
  for (let i = 0; i < ranges.length; i += CONCURRENT_RANGES) {
    pages.push(...(await Promise.all(ranges.slice(i, i + CONCURRENT_RANGES).map(readOne))));
  }
  return pages.flat();
}

/** What has been read for one log query: every log from `fromBlock` through `toBlock`. */
export interface LogScan<T> {
  fromBlock: bigint;
  toBlock: bigint;
  /** Block `toBlock`'s hash when it was read: another hash later means a reorg or a restarted chain. */
  toBlockHash: Hash;
  logs: T[];
}

export interface ChainHead {
  number: bigint;
  hash: Hash;
}

/**
 * What a refresh must read, given what was read before and the chain's head:
 * - `current`: nothing, the head is the block last read (an idle chain costs no eth_getLogs);
 * - `extend`: only the blocks after the last one read, if that block is still on the chain (checked by the caller);
 * - `full`: everything from `fromBlock` (first read, an earlier start, or a chain that moved back under what was read).
 */
export type ScanPlan =
  | { kind: "current" }
  | ({ kind: "extend"; checkBlock: bigint; checkHash: Hash } & BlockRange)
  | ({ kind: "full" } & BlockRange);

export function planScan<T>(scan: LogScan<T> | undefined, fromBlock: bigint, head: ChainHead): ScanPlan {
  const full = { kind: "full", fromBlock, toBlock: head.number } as const;
  if (!scan || scan.fromBlock > fromBlock || head.number < scan.toBlock) return full;
  if (head.number === scan.toBlock) return head.hash === scan.toBlockHash ? { kind: "current" } : full;
  return {
    kind: "extend",
    fromBlock: scan.toBlock + 1n,
    toBlock: head.number,
    checkBlock: scan.toBlock,
    checkHash: scan.toBlockHash,
  };
}

/** The scan after reading `plan` at `head`. */
export function applyScan<T>(
  scan: LogScan<T> | undefined,
  plan: Exclude<ScanPlan, { kind: "current" }>,
  head: ChainHead,
  logs: readonly T[],
): LogScan<T> {
  const kept = plan.kind === "extend" && scan ? scan.logs : [];
  const fromBlock = plan.kind === "extend" && scan ? scan.fromBlock : plan.fromBlock;
  return { fromBlock, toBlock: head.number, toBlockHash: head.hash, logs: [...kept, ...logs] };
}

type HeadClient = Client;

// The scans of one refresh (every query of a page refetches in the same tick) share one head and one hash check.
const SHARED_FOR_MS = 200;
const heads = new WeakMap<object, { at: number; head: Promise<ChainHead> }>();
const hashes = new WeakMap<object, Map<bigint, { at: number; hash: Promise<Hash | null> }>>();

function latestHead(client: HeadClient): Promise<ChainHead> {
  const cached = heads.get(client);
  if (cached && Date.now() - cached.at < SHARED_FOR_MS) return cached.head;
  const head = getBlock(client, { blockTag: "latest", includeTransactions: false }).then((b) => ({
    number: b.number,
    hash: b.hash,
  }));
  heads.set(client, { at: Date.now(), head });
  head.catch(() => heads.delete(client));
  return head;
}

function blockHash(client: HeadClient, blockNumber: bigint): Promise<Hash | null> {
  const byNumber = hashes.get(client) ?? new Map<bigint, { at: number; hash: Promise<Hash | null> }>();
  hashes.set(client, byNumber);
  const cached = byNumber.get(blockNumber);
  if (cached && Date.now() - cached.at < SHARED_FOR_MS) return cached.hash;
  const hash = getBlock(client, { blockNumber, includeTransactions: false }).then(
    (b) => b.hash,
    () => null, // the block is gone: the chain is shorter than what was read
  );
  byNumber.set(blockNumber, { at: Date.now(), hash });
  if (byNumber.size > 64) byNumber.delete(byNumber.keys().next().value!);
  return hash;
}

/** Every query's scan so far, by key; one per page session, like the query cache. */
export type ScanCache = Map<string, LogScan<unknown>>;
export const appScanCache: ScanCache = new Map();

/**
 * The logs of one query from `fromBlock` to the chain's head, read incrementally: the first call reads the whole
 * range in provider-sized ranges, each later call only the blocks mined since (none on an idle chain), after
 * checking that the last block read is still on the chain (else it reads everything again). `key` names the query
 * (address, event, filter) uniquely on the client's chain.
 */
export async function scanLogs<T extends { blockNumber: bigint | null }>(
  client: HeadClient,
  key: string,
  fromBlock: bigint,
  read: (range: BlockRange) => Promise<readonly T[]>,
  options: { cache?: ScanCache; budget?: RangeBudget } = {},
): Promise<T[]> {
  const cache = (options.cache ?? appScanCache) as Map<string, LogScan<T>>;
  const head = await latestHead(client);
  const scan = cache.get(key);
  let plan = planScan(scan, fromBlock, head);
  if (plan.kind === "current") return within(scan!.logs, fromBlock);
  let fresh: T[];
  if (plan.kind === "extend") {
    const { checkBlock, checkHash } = plan;
    const [stillThere, logs] = await Promise.all([
      blockHash(client, checkBlock).then((hash) => hash === checkHash),
      readLogsInRanges(read, plan.fromBlock, plan.toBlock, options.budget),
    ]);
    if (stillThere) fresh = logs;
    else {
      plan = { kind: "full", fromBlock, toBlock: head.number };
      fresh = await readLogsInRanges(read, fromBlock, head.number, options.budget);
    }
  } else {
    fresh = await readLogsInRanges(read, plan.fromBlock, plan.toBlock, options.budget);
  }
  const next = applyScan(scan, plan, head, fresh);
  // A slower refresh that started earlier must not put back a shorter scan.
  const current = cache.get(key);
  if (!current || current.toBlock <= next.toBlock) cache.set(key, next);
  return within(next.logs, fromBlock);
}

function within<T extends { blockNumber: bigint | null }>(logs: T[], fromBlock: bigint): T[] {
  return logs.filter((log) => log.blockNumber === null || log.blockNumber >= fromBlock);
}

/** A scan's key: the chain, the emitting contract, the event and its filter (addresses compared lower-case). */
export function logQueryKey(
  client: { chain?: { id: number } | undefined },
  address: string,
  eventName: string,
  args: Record<string, unknown> = {},
): string {
  const filter = JSON.stringify(args, (_, v: unknown) =>
    typeof v === "bigint" ? v.toString() : typeof v === "string" ? v.toLowerCase() : v,
  );
  return `${client.chain?.id ?? "?"}:${address.toLowerCase()}:${eventName}:${filter}`;
}
