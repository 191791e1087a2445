import { asRecord, getIndexerJson, indexerUrlFor, toNumber } from "./http";

const STATUS_PATH = "/canopy/status";

/** `/canopy/status` (indexer/src/api/status.ts): how far every table reflects the chain. */
export interface IndexerStatus {
  chainId: number;
  /** The backfill is done: from here on the tables follow the chain block by block. */
  ready: boolean;
  indexedBlock: number;
  headBlock: number | null;
  blocksBehind: number | null;
}

/**
 * Blocks the lists may trail the chain before the page says so: Ponder indexes a block a fraction of a second after
 * its receipt, so one or two behind is normal; more means it is catching up or stuck.
 */
export const LAG_BLOCKS = 3;

export function parseIndexerStatus(json: unknown): IndexerStatus {
  const s = asRecord(json, "status");
  const headBlock = s.headBlock === null ? null : toNumber(s.headBlock, "head block");
  return {
    chainId: toNumber(s.chainId, "chain id"),
    ready: s.ready === true,
    indexedBlock: toNumber(s.indexedBlock, "indexed block"),
    headBlock,
    blocksBehind: s.blocksBehind === null ? null : toNumber(s.blocksBehind, "lag"),
  };
}

export async function fetchIndexerStatus(base: string, signal?: AbortSignal): Promise<IndexerStatus> {
  return parseIndexerStatus(await getIndexerJson(base, STATUS_PATH, {}, signal));
}

/** The URL fetchIndexerStatus asks: the root layout preloads it, so the first poll takes that answer. */
export function indexerStatusUrl(base: string): string {
  return indexerUrlFor(base, STATUS_PATH, {});
}

/** Still backfilling, or more than LAG_BLOCKS behind the head. */
export function isBehind(status: IndexerStatus): boolean {
  return !status.ready || (status.blocksBehind ?? 0) > LAG_BLOCKS;
}

/**
 * The chain's head is below the indexed block: the chain went back (a reorganisation; on a local node, a snapshot
 * reverted) and no new block has come for the indexer to follow. Its rows may name things the chain no longer has.
 */
export function isAhead(status: IndexerStatus): boolean {
  return status.headBlock !== null && status.indexedBlock > status.headBlock;
}
