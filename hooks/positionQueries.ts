/** The account's positions: its own query file, apart from hooks/queries.ts (the position history has two sources). */
import { queryOptions, skipToken, type QueryClient } from "@tanstack/react-query";
import { zeroAddress, type Address, type Client } from "viem";
import { getBlockNumber, simulateBlocks } from "viem/actions";

import { accountPositionHistoriesQuery } from "@/hooks/indexerQueries";
import { followingBlocks, onNewBlock } from "@/hooks/refresh";
import { deployment, metaPoolFullAbi } from "@/lib/contracts";
import { emptyHistory, type IndexedPositionHistories } from "@/lib/indexer/positions";
import { dueMaturities, hasDuePurchase, settleDuePurchases, type DueMaturity } from "@/lib/protect/dueCover";
import { queryKeys } from "@/lib/queryKeys";
import { positionOf, readAccountPosition, readPositionFigures, type PositionFigures } from "@/lib/reads/positions";
import { readPositionHistories } from "@/lib/reads/positionSource";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

/**
 * The account's position in each of `views` at the chain's clock: its history from the indexer at `indexer` (null:
 * from the events), every figure from the chain. Keyed under both the account and the MetaPools, so a write to
 * either refreshes it.
 */
export function accountPositionsQuery(
  client: Client | undefined,
  account: Address | undefined,
  views: readonly MetaPoolView[] | undefined,
  /** The chain's clock, read when the query runs (undefined until it started). */
  clock: (() => bigint | undefined) | undefined,
  indexer: string | null = null,
) {
  const list = [
    ...queryKeys.account(account ?? "0x"),
    "positions",
    indexer ?? "events",
    ...(views ?? []).map((v) => v.metaPool.toLowerCase()),
  ];
  return queryOptions<AccountPosition[], Error, AccountPosition[], readonly unknown[]>({
    // Each pool's epoch and token too: the read keeps only cover tokens the views name, so when a transaction opens
    // an epoch (the first maturity creates its token) it must run again with the new views, not only at the block.
    queryKey: [...list, epochsOf(views)],
    ...onNewBlock,
    // Meanwhile the same account's positions in the same MetaPools stay on screen (a form open on them keeps its
    // progress); another account's or list's never do.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameList(previousQuery.queryKey, list) ? previous : undefined,
    queryFn:
      client && account && views && clock
        ? followingBlocks(async (context) => {
            // The Portfolio's list came with every history (hooks/indexerQueries): taken if it reached the head.
            const known = indexer
              ? context.client.getQueryData(accountPositionHistoriesQuery(indexer, account, true).queryKey)
              : undefined;
            const early = known && (await figuresReadAlongside(context.client, client, account, views, known, clock));
            if (early) return early;
            const source = { indexer, fromBlock: deployment?.startBlock ?? 0n, known };
            const { histories } = await readPositionHistories(client, views, account, source);
            // The clock after the history arrived: a due purchase is judged at the instant of the chain reads.
            const now = clock();
            if (now === undefined) throw new Error("The chain's clock stopped while positions were read");
            const positions = await Promise.all(
              views.map((v, i) => readAccountPosition(client, v, account, histories[i]!, now)),
            );
            // Due purchases as the cover the next transaction mints, simulated in the same read: a simulation of its
            // own, run after the transaction that minted them, found nothing due while these positions still showed
            // them due, and the cover vanished from the page (with a form open on it) until the next read.
            return Promise.all(
              positions.map(async (p, i) =>
                hasDuePurchase(p)
                  ? settleDuePurchases(p, views[i]!, await simulateSync(client, account, p.metaPool))
                  : p,
              ),
            );
          })
        : skipToken,
  });
}

/**
 * Every pool's epoch and cover token, per view (what decides which cover tokens the read keeps), folded into a short
 * FNV-1a digest: a portfolio of 246 MetaPools × 16 pools would otherwise put ~165 KB in a key hashed at each render.
 */
function epochsOf(views: readonly MetaPoolView[] | undefined): string {
  let hash = 0x811c9dc5;
  for (const v of views ?? []) {
    for (const p of v.pools) {
      for (const ch of `${p.epoch}:${p.token.toLowerCase()};`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
    }
  }
  return (hash >>> 0).toString(16);
}

/** The figures of every MetaPool of `known`, read without the views, at `now`, and the chain's head then. */
export interface AccountFigures {
  head: bigint;
  now: bigint;
  /** By lower-case MetaPool address; `due` holds the sync's simulated maturities where a purchase was due. */
  figures: Record<string, PositionFigures<DueMaturity[]>>;
}

/** Figures read this recently (or still being read) for the same indexer answer are the positions' first read. */
const FIGURES_REUSE_MS = 3_000;

/**
 * The Portfolio's first read of its positions, started as soon as the indexer's answer lists its MetaPools (with
 * every history), alongside the views rather than after them: only the views' own figures (epochs, pending claims,
 * the purchase delay) wait for the views, and those apply without a read (lib/reads/positions' `positionOf`). Keyed
 * under the account (a write invalidates it) and the answer's block.
 */
export function accountFiguresQuery(
  client: Client | undefined,
  account: Address | undefined,
  known: IndexedPositionHistories | undefined,
  clock: (() => bigint | undefined) | undefined,
) {
  return queryOptions<AccountFigures, Error, AccountFigures, readonly unknown[]>({
    queryKey: [...queryKeys.account(account ?? "0x"), "figures", known ? String(known.indexedBlock) : "none"],
    staleTime: FIGURES_REUSE_MS,
    gcTime: 10_000,
    queryFn:
      client && account && known && clock
        ? async () => {
            const now = clock();
            if (now === undefined) throw new Error("The chain's clock stopped while positions were read");
            const [head, figures] = await Promise.all([
              getBlockNumber(client, { cacheTime: 0 }),
              Promise.all(
                known.metaPools.map((metaPool) => {
                  const history = known.histories[metaPool.toLowerCase()] ?? emptyHistory;
                  // Every token the history names: the views, read alongside, later keep those of their epochs.
                  const tokens = history.coverTokens.filter((t) => t.token !== zeroAddress);
                  const simulate = () => simulateSync(client, account, metaPool);
                  return readPositionFigures(client, metaPool, account, history, tokens, now, simulate);
                }),
              ),
            ]);
            return {
              head,
              now,
              figures: Object.fromEntries(known.metaPools.map((m, i) => [m.toLowerCase(), figures[i]!])),
            };
          }
        : skipToken,
  });
}

/**
 * The positions from figures the Portfolio started reading with its list (accountFiguresQuery), when they are for
 * exactly these MetaPools, fresh or still being read, not invalidated by a write, and `known` had reached the head
 * then; else undefined (the read goes on as usual). Later reads (a new block) take the usual path.
 */
export async function figuresReadAlongside(
  queries: QueryClient,
  client: Client,
  account: Address,
  views: readonly MetaPoolView[],
  known: IndexedPositionHistories,
  clock: () => bigint | undefined,
): Promise<AccountPosition[] | undefined> {
  const same =
    known.metaPools.length === views.length &&
    views.every((v, i) => v.metaPool.toLowerCase() === known.metaPools[i]!.toLowerCase());
  const options = accountFiguresQuery(client, account, known, clock);
  const state = queries.getQueryState(options.queryKey);
  const reusable =
    state !== undefined &&
    !state.isInvalidated &&
    (state.fetchStatus === "fetching" ||
      (state.status === "success" && Date.now() - state.dataUpdatedAt < FIGURES_REUSE_MS));
  if (!same || !reusable) return undefined;
  const read = await queries.fetchQuery(options).catch(() => undefined);
  if (!read || read.head > known.indexedBlock) return undefined;
  return views.map((view) => {
    const key = view.metaPool.toLowerCase();
    const history = known.histories[key] ?? emptyHistory;
    const figures = read.figures[key]!;
    const position = positionOf(view, account, history, figures, read.now);
    return hasDuePurchase(position) && figures.due ? settleDuePurchases(position, view, figures.due) : position;
  });
}

const sameList = (key: readonly unknown[], list: readonly unknown[]) =>
  key.length === list.length + 1 && list.every((part, i) => key[i] === part);

/** Up to 16 due purchases mature per sync (SPEC §6), as one `poke(16)` does. */
const SYNC_BATCH = 16n;

/**
 * What the next transaction on `metaPool` would mature: the sync simulated on the node (`eth_simulateV1`), read from
 * the `PurchaseMatured` events it emits, so the tokens shown are those the contract mints. A node without the method,
 * or a failed simulation, leaves the purchases due (the Protect tab then offers to mint them).
 */
async function simulateSync(client: Client, account: Address, metaPool: Address): Promise<DueMaturity[]> {
  try {
    const [block] = await simulateBlocks(client, {
      blocks: [
        { calls: [{ from: account, to: metaPool, abi: metaPoolFullAbi, functionName: "poke", args: [SYNC_BATCH] }] },
      ],
    });
    const result = block?.calls[0];
    return result?.status === "success" ? dueMaturities(result.logs ?? []) : [];
  } catch {
    return [];
  }
}
