/**
 * How fresh each kind of number stays, in one place (hooks/queries.ts and hooks/indexerQueries.ts use it). Its own
 * module, free of ABIs and reads, because the root layout's footer and indexer line need it on every route.
 */
import type { QueryClient, QueryFunction, QueryFunctionContext, QueryKey } from "@tanstack/react-query";

import { queryKeys } from "@/lib/queryKeys";

/** How often each kind of number is read again while a page shows it. */
export const refresh = {
  /**
   * The latest block (the page's chain clock and the footer's node check): wall time extrapolates between reads, a
   * write or time travel invalidates it, so one read per refresh replaces the 4 s block watchers. Every chain read
   * marked `onNewBlock` is read again when this one sees a new block, and only then.
   */
  block: 12_000,
  /** The same read while the node does not answer, so the footer says when it is back. */
  blockWhileDown: 4_000,
} as const;

/**
 * The refresh policy of every chain read whose answer only a new block can change (views projected to the chain's
 * now, positions, balances, quotes, claims, log scans): no timer of its own; read again when the latest-block read
 * (hooks/latestBlockQuery.ts, every 12 s while the tab is visible) sees a new block, all together so they share one
 * batch or multicall, and after a write invalidates it. A node computes `eth_call` at the latest block's timestamp,
 * so on an idle chain a re-read would return the very same numbers: an idle page costs one read every 12 s.
 */
export const onNewBlock = { refetchInterval: false, meta: { refresh: "newBlock" } } as const;

/** `read`, making sure its client re-reads every `onNewBlock` query when a new block is seen. */
export function followingBlocks<T, K extends QueryKey>(read: (context: QueryFunctionContext<K>) => Promise<T>) {
  return ((context: QueryFunctionContext<K>) => {
    followNewBlocks(context.client);
    return read(context);
  }) as QueryFunction<T, K>;
}

const isChainTimeKey = (key: QueryKey) =>
  key.length === 2 && key[0] === "canopy" && key[1] === queryKeys.chainTime()[1];

/** Once per client: when the latest-block read returns a block number not seen before, re-read `onNewBlock` reads. */
export function followNewBlocks(client: QueryClient): void {
  // The reads made before the first block was known were made at about that block: nothing to re-read for it.
  const initial = client.getQueryData<{ number: bigint }>(queryKeys.chainTime())?.number;
  follow(client, onNewBlock.meta.refresh, isChainTimeKey, (data) => (data as { number?: bigint })?.number, initial);
}

const followed = new Map<string, WeakSet<QueryClient>>();

/**
 * Once per client and `refresh` tag: when a query whose key `isTrigger` accepts succeeds with a `valueOf` not seen
 * before, re-read every active query tagged `refresh`. The first value seen only starts the count (the reads made
 * before it were made at about that value).
 */
function follow(
  client: QueryClient,
  refresh: string,
  isTrigger: (key: QueryKey) => boolean,
  valueOf: (data: unknown) => bigint | number | undefined,
  initial?: bigint | number,
): void {
  const clients = followed.get(refresh) ?? new WeakSet<QueryClient>();
  followed.set(refresh, clients);
  if (clients.has(client)) return;
  clients.add(client);
  let seen = initial;
  client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success" || !isTrigger(event.query.queryKey)) return;
    const value = valueOf(event.query.state.data);
    if (value === undefined || value === seen) return;
    const first = seen === undefined;
    seen = value;
    if (first) return;
    // An in-flight read (a write's invalidation) already reads the new block: keep it rather than start again.
    void client.refetchQueries(
      { type: "active", predicate: (query) => query.meta?.refresh === refresh },
      { cancelRefetch: false },
    );
  });
}

/**
 * The refresh policy of every indexer answer (lists, history, claims, positions' history, records): its tables change
 * only when it indexes a block, so no timer of its own; read again when the indexer's status (hooks/
 * indexerStatusQuery.ts, every 10 s) reports a block not seen before, and after a write invalidates it. An idle chain
 * then costs the indexer one status request every 10 s per tab, however many MetaPools a page shows.
 */
export const onIndexedBlock = { refetchInterval: false, meta: { refresh: "indexedBlock" } } as const;

/** `read`, making sure its client re-reads every `onIndexedBlock` query when the indexer reaches a new block. */
export function followingIndexedBlocks<T, K extends QueryKey>(read: (context: QueryFunctionContext<K>) => Promise<T>) {
  return ((context: QueryFunctionContext<K>) => {
    followIndexedBlocks(context.client);
    return read(context);
  }) as QueryFunction<T, K>;
}

/** The indexer status query's key starts so (hooks/indexerStatusQuery.ts), whatever the indexer's URL. */
const isStatusKey = (key: QueryKey) => key[0] === "canopy" && key[1] === "indexer" && key[2] === "status";

/** Once per client: when the indexer's status names an indexed block not seen before, re-read `onIndexedBlock` reads. */
export function followIndexedBlocks(client: QueryClient): void {
  follow(client, onIndexedBlock.meta.refresh, isStatusKey, (data) => (data as { indexedBlock?: number })?.indexedBlock);
}
