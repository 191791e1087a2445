// Where an account's position history comes from: the indexer when the app has one (one request for every MetaPool),
// else the MetaPools' events (one log query per event for every 100 MetaPools). The indexer must have seen the chain's
// head, so a position read right after the account's own transaction includes it; if it lags, or fails, the events
// answer.
import type { Address, Client } from "viem";
import { getBlockNumber } from "viem/actions";

import { emptyHistory, fetchPositionHistories, type IndexedPositionHistories } from "../indexer/positions";
import type { MetaPoolView } from "../types/metaPool";
import type { PositionHistory } from "../types/positions";
import { readPositionHistoriesFromLogs } from "./positionHistory";

export interface PositionSource {
  /** The indexer's base URL, or null to read the events. */
  indexer: string | null;
  /** Where event scans start (the deployment's start block). */
  fromBlock: bigint;
  /**
   * An answer already at hand for the whole account (the Portfolio's list came with it): used instead of asking
   * again when it reflects the chain's head, as a fresh one must.
   */
  known?: IndexedPositionHistories;
  /** How long to wait for a lagging indexer to reach the head, and how often to ask (ms). */
  waitMs?: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The history of `account` in each of `views`, in that order, and which source answered. */
export async function readPositionHistories(
  client: Client,
  views: readonly MetaPoolView[],
  account: Address,
  source: PositionSource,
): Promise<{ from: "indexer" | "events"; histories: PositionHistory[] }> {
  if (source.indexer !== null && views.length > 0) {
    const histories = await fromIndexer(client, views, account, source.indexer, source).catch(() => undefined);
    if (histories) return { from: "indexer", histories };
  }
  const histories = await readPositionHistoriesFromLogs(client, views, account, source.fromBlock);
  return { from: "events", histories };
}

/** Undefined when the indexer stays behind the head for `waitMs`. */
async function fromIndexer(
  client: Client,
  views: readonly MetaPoolView[],
  account: Address,
  base: string,
  { known, waitMs = 3_000, pollMs = 250 }: PositionSource,
): Promise<PositionHistory[] | undefined> {
  const only = views.length === 1 ? views[0]!.metaPool : undefined;
  const [head, first] = await Promise.all([
    getBlockNumber(client, { cacheTime: 0 }),
    known ?? fetchPositionHistories(base, account, only),
  ]);
  let answer = first;
  for (const deadline = Date.now() + waitMs; answer.indexedBlock < head; ) {
    if (Date.now() >= deadline) return undefined;
    await sleep(pollMs);
    answer = await fetchPositionHistories(base, account, only);
  }
  return views.map((v) => answer.histories[v.metaPool.toLowerCase()] ?? emptyHistory);
}
