// "Indexed to block N of M": the block every table reflects (Ponder's checkpoint) next to the chain's head.
import { sql } from "ponder";
import type { db as apiDb } from "ponder:api";
import type { PublicClient } from "viem";

export interface IndexingStatus {
  chainId: number;
  /** Historical backfill done: from here on the tables follow the chain block by block. */
  ready: boolean;
  /** Every table reflects the chain up to this block (inclusive). */
  indexedBlock: number;
  indexedTimestamp: number;
  /** The chain's latest block (null when the node does not answer). */
  headBlock: number | null;
  /** headBlock − indexedBlock. */
  blocksBehind: number | null;
}

// Ponder's checkpoint: a fixed-width decimal string, timestamp (10) | chain id (16) | block number (16) | ...
const blockTimestampOf = (checkpoint: string) => Number(checkpoint.slice(0, 10));
const blockNumberOf = (checkpoint: string) => Number(checkpoint.slice(26, 42));

/** Ponder's latest checkpoint (null before the first): it changes whenever any table may have. */
export async function latestCheckpoint(db: typeof apiDb): Promise<string | null> {
  const rows = rowsOf(await db.execute(sql`select latest_checkpoint from _ponder_checkpoint`));
  const row = rows[0] as { latest_checkpoint: string } | undefined;
  return row?.latest_checkpoint ?? null;
}

/** The block every table reflects now (0 before the first checkpoint). */
export async function indexedBlockNow(db: typeof apiDb): Promise<number> {
  const checkpoint = await latestCheckpoint(db);
  return checkpoint === null ? 0 : blockNumberOf(checkpoint);
}

/**
 * How long the status waits for the chain's head. Ponder's client queues behind its own sync's requests and rate
 * limit: on a node slowed down (bench:scale-app at load 19 left it at ~3 requests a second) the head took over 15 s,
 * the app's status request gave up after 8 s, called the indexer down and read every list from the chain. Without
 * the head the status still says how far the index is.
 */
const HEAD_WAIT_MS = 1_500;

function headWithin(client: PublicClient, ms: number): Promise<bigint | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const head = client.getBlockNumber({ cacheTime: 0 }).catch(() => null);
  return Promise.race([head, late]).finally(() => clearTimeout(timer));
}

export async function indexingStatus(db: typeof apiDb, client: PublicClient): Promise<IndexingStatus> {
  const [checkpoints, meta, head] = await Promise.all([
    db.execute(sql`select chain_id, latest_checkpoint from _ponder_checkpoint`),
    db.execute(sql`select value from _ponder_meta where key = 'app'`),
    headWithin(client, HEAD_WAIT_MS),
  ]);
  const row = rowsOf(checkpoints)[0] as { chain_id: number | string; latest_checkpoint: string } | undefined;
  const app = rowsOf(meta)[0] as { value: { is_ready?: number } | string } | undefined;
  const value = typeof app?.value === "string" ? JSON.parse(app.value) : app?.value;
  const indexedBlock = row ? blockNumberOf(row.latest_checkpoint) : 0;
  const headBlock = head === null ? null : Number(head);
  return {
    chainId: Number(row?.chain_id ?? client.chain?.id ?? 0),
    ready: value?.is_ready === 1,
    indexedBlock,
    indexedTimestamp: row ? blockTimestampOf(row.latest_checkpoint) : 0,
    headBlock,
    blocksBehind: headBlock === null ? null : Math.max(0, headBlock - indexedBlock),
  };
}

/** node-postgres returns { rows }, PGlite too; both through drizzle's execute. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows?: unknown[] }).rows ?? [];
}
