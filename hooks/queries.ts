/**
 * Every chain read the app makes, as one TanStack Query `queryOptions` factory each: its key (under
 * lib/queryKeys, so a write invalidates exactly what it changed), its fetcher and how fresh it
 * stays, side by side. "How fresh is this number?" has its answer here and only here.
 */
import { keepPreviousData, queryOptions, skipToken } from "@tanstack/react-query";
import { erc20Abi, type Address, type Client } from "viem";
import { getBlockNumber, getEnsName, readContract } from "viem/actions";
import { mainnet } from "viem/chains";

import { followingBlocks, followingIndexedBlocks, onIndexedBlock, onNewBlock, refresh } from "@/hooks/refresh";
import { trackRecord } from "@/lib/arbiter";
import { deployment } from "@/lib/contracts";
import { readAssetVerdict } from "@/lib/forms/create/probe";
import { fetchMetaPoolLogs, type MetaPoolLog } from "@/lib/history";
import { indexerUrl } from "@/lib/indexer/config";
import { fetchCreationBlock } from "@/lib/indexer/creation";
import { queryKeys } from "@/lib/queryKeys";
import { readArbiterDesk } from "@/lib/reads/arbiterDesk";
import { readArbiterHistory } from "@/lib/reads/arbiterRecord";
import { readPendingClaims } from "@/lib/reads/claims";
import { readMetaPool, readMetaPoolPage } from "@/lib/reads/metaPools";
import { readTokenMetas, uniqueTokens, type TokenMeta } from "@/lib/reads/tokenMetas";
import type { MetaPoolView } from "@/lib/types/metaPool";

export { latestBlockQuery } from "@/hooks/latestBlockQuery";
export { onNewBlock, refresh };

const PAGE = 50n;
const eventsFrom = () => deployment?.startBlock ?? 0n;

/** Every MetaPool of the factory, read 50 at a time (each page: two batched HTTP requests). */
async function readAllMetaPools(client: Client, factory: Address): Promise<MetaPoolView[]> {
  const all: MetaPoolView[] = [];
  for (let offset = 0n; ; offset += PAGE) {
    const page = await readMetaPoolPage(client, factory, offset, PAGE);
    all.push(...page.metaPools);
    if (offset + PAGE >= page.total) return all;
  }
}

/** Every MetaPool of the factory with its live view: the chain path of the lists, when the indexer is not usable. */
export function metaPoolsQuery(client: Client | undefined) {
  const factory = deployment?.metaPoolFactory;
  return queryOptions({
    queryKey: queryKeys.metaPools(),
    ...onNewBlock,
    queryFn: client && factory ? followingBlocks(() => readAllMetaPools(client, factory)) : skipToken,
  });
}

/**
 * Every MetaPool's name and address, from the chain (the create wizard's warning when the indexer is not usable):
 * read when the name step first needs it, then kept a minute, never on a timer; a new MetaPool is rare while one
 * types, and creating one invalidates the MetaPools key.
 */
export function metaPoolNamesQuery(client: Client | undefined, enabled: boolean) {
  const factory = deployment?.metaPoolFactory;
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "names", "chain"],
    staleTime: 60_000,
    refetchInterval: false,
    queryFn:
      client && factory && enabled
        ? async () =>
            (await readAllMetaPools(client, factory)).map((v) => ({ name: v.config.name, address: v.metaPool }))
        : skipToken,
  });
}

/**
 * One MetaPool projected to now, with its creation parameters (full texts from the factory event, read at the block
 * the indexer names when one is configured: it is asked at once, not after its status, since a wrong or missing
 * answer only costs the scan it replaces; it gets the indexer's usual 8 s, since on a hosted RPC that scan is
 * hundreds of requests, and a busy tab can take seconds to read even a fast answer).
 */
export function metaPoolQuery(client: Client | undefined, address: Address | undefined) {
  const base = indexerUrl;
  const creationBlock = base && address ? () => fetchCreationBlock(base, address) : undefined;
  return queryOptions({
    queryKey: [...queryKeys.metaPool(address ?? "0x"), "details"],
    ...onNewBlock,
    queryFn:
      client && address
        ? followingBlocks(({ client: queries }) =>
            readMetaPool(client, address, {
              creationBlock,
              // The asset's symbol and decimals are read alongside the creation log, not after it: the page shows
              // nothing of the MetaPool before both are known (read once a session, so a refresh asks nothing).
              onView: (view) => void queries.prefetchQuery(tokenMetasQuery(client, [view.config.asset])),
            }),
          )
        : skipToken,
  });
}

export interface FetchedLogs {
  logs: MetaPoolLog[];
  /** Last block read. */
  toBlock: bigint;
}

export function metaPoolHistoryKey(metaPool: Address) {
  return [...queryKeys.metaPool(metaPool), "history"] as const;
}

/**
 * A MetaPool's events from `fromBlock` (the deployment's start) to the latest block. Under the
 * MetaPool's key, so a transaction that invalidates the MetaPool refreshes it too.
 */
export function metaPoolHistoryQuery(client: Client | undefined, metaPool: Address | undefined, fromBlock: bigint) {
  return queryOptions({
    queryKey: metaPool ? metaPoolHistoryKey(metaPool) : ["canopy", "metaPool", "none", "history"],
    ...onNewBlock,
    queryFn:
      client && metaPool
        ? followingBlocks(async (): Promise<FetchedLogs> => {
            const toBlock = await getBlockNumber(client, { cacheTime: 0 });
            const logs = await fetchMetaPoolLogs(client, metaPool, fromBlock, toBlock);
            return { logs, toBlock };
          })
        : skipToken,
  });
}

/** The MetaPool's pending claims in filing order (lib/reads/claims). */
export function pendingClaimsQuery(client: Client | undefined, metaPool: Address) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool), "pendingClaims"],
    ...onNewBlock,
    queryFn: client ? followingBlocks(async () => (await readPendingClaims(client, metaPool)).claims) : skipToken,
  });
}

export type { TokenMeta };

/** Symbol, name and decimals of each token: fixed at deployment, read once per session. */
export function tokenMetasQuery(client: Client | undefined, tokens: readonly Address[]) {
  const unique = uniqueTokens(tokens);
  return queryOptions({
    queryKey: ["canopy", "tokenMeta", ...unique],
    staleTime: Infinity,
    queryFn: client && unique.length > 0 ? () => readTokenMetas(client, unique) : skipToken,
  });
}

/** `account`'s balance of `token`, under the token's key (a write with that asset refreshes it). */
export function tokenBalanceQuery(
  client: Client | undefined,
  token: Address | undefined,
  account: Address | undefined,
) {
  return queryOptions({
    queryKey: [...queryKeys.token(token ?? "0x"), "balance", account?.toLowerCase()],
    ...onNewBlock,
    queryFn:
      client && token && account
        ? followingBlocks(() =>
            readContract(client, { address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
          )
        : skipToken,
  });
}

/**
 * A contract preview that follows the chain: keyed under the MetaPool (any write to it refreshes
 * the quote), re-read like live numbers, showing the last answer while a new one loads.
 */
export function liveQuoteQuery<T>(
  client: Client | undefined,
  metaPool: Address,
  key: readonly unknown[],
  read: ((client: Client) => Promise<T>) | undefined,
) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(metaPool), ...key],
    placeholderData: keepPreviousData,
    ...onNewBlock,
    queryFn: client && read ? followingBlocks(() => read(client)) : skipToken,
  });
}

/**
 * One MetaPool's claim queue with evidence and payout previews, and `account`'s fees owed there; evidence and holder
 * counts from the indexer at `indexer` when it has them (null: from the logs).
 */
export function arbiterDeskQuery(
  client: Client | undefined,
  view: MetaPoolView,
  account: Address | undefined,
  indexer: string | null = null,
) {
  return queryOptions({
    queryKey: [...queryKeys.metaPool(view.metaPool), "arbiterDesk", account?.toLowerCase(), indexer ?? "events"],
    ...onNewBlock,
    queryFn:
      client && account
        ? followingBlocks(() => readArbiterDesk(client, view, account, eventsFrom(), indexer))
        : skipToken,
  });
}

/**
 * An arbiter's history and track record across every MetaPool naming it (lib/arbiter). From the chain it costs
 * scans from the factory's first block, so it is read once, not on a timer; keyed under the MetaPools list, so any
 * write to a MetaPool (a filing, a ruling, a shutdown) reads it again. The indexer's answer is one cheap request and
 * follows new blocks like the history does.
 */
export function arbiterRecordQuery(
  client: Client | undefined,
  arbiter: Address | undefined,
  indexerUrl: string | null,
) {
  const factory = deployment?.metaPoolFactory;
  const chain = client && factory ? { client, factory, fromBlock: eventsFrom() } : undefined;
  return queryOptions({
    queryKey: [...queryKeys.metaPools(), "arbiter", arbiter?.toLowerCase() ?? "none", indexerUrl ? "indexer" : "chain"],
    // From the indexer: again at each block it indexes; from the chain: once, and after any MetaPool write.
    ...(indexerUrl ? onIndexedBlock : { staleTime: 10 * 60_000, refetchInterval: false as const }),
    queryFn:
      arbiter && (indexerUrl || chain)
        ? followingIndexedBlocks(async () => {
            const { history, source } = await readArbiterHistory({ indexerUrl, chain }, arbiter);
            return { history, source, record: trackRecord(history) };
          })
        : skipToken,
  });
}

/** The address's ENS name: only on Ethereum mainnet, where ENS lives; no request at all on other chains. */
export function ensNameQuery(client: Client | undefined, address: Address | undefined) {
  const onMainnet = client?.chain?.id === mainnet.id;
  return queryOptions({
    queryKey: ["canopy", "ens", address?.toLowerCase() ?? "none"],
    staleTime: 60 * 60_000,
    queryFn: client && onMainnet && address ? () => getEnsName(client, { address }) : skipToken,
  });
}

/**
 * The create wizard's verdict on a token address (code, decimals, symbol, total supply). A token's code, decimals and
 * symbol never change and its supply only bounds the minimum purchase: fresh for a minute, never polled; one retry,
 * since a failed read shows its own "retry" button.
 */
export function assetVerdictQuery(client: Client | undefined, address: Address | undefined) {
  return queryOptions({
    queryKey: ["canopy", "createAsset", address?.toLowerCase()],
    staleTime: 60_000,
    retry: 1,
    queryFn: client && address ? () => readAssetVerdict(client, address) : skipToken,
  });
}
