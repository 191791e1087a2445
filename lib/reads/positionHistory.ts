// An account's position history from the MetaPools' events (the chain-only path; with an indexer it comes from
// lib/indexer/positions). Relative imports: the indexer's test reads the chain through these same functions to hold
// its endpoint against them.
import { getAbiItem, type Address, type Client } from "viem";
import { getLogs } from "viem/actions";

import { metaPoolExtensionAbi } from "../../abis";
import type { MetaPoolView } from "../types/metaPool";
import type { CoverTokenRef, PositionHistory, PurchaseRestart, RestartLog } from "../types/positions";
import { logQueryKey, scanLogs } from "./logs";

/**
 * The restart that set a purchase's maturity, if any: the latest `PurchasesRestarted` whose range
 * [fromId, toId) holds the purchase and whose time moved it past the maturity it was bought with.
 * Only the latest freeze matters: max(maturesAt, freezeEnd + delay) grows with each freeze.
 */
export function purchaseRestart(
  id: bigint,
  boughtMaturesAt: bigint,
  purchaseDelay: bigint,
  restarts: readonly RestartLog[],
): PurchaseRestart | undefined {
  let latest: RestartLog | undefined;
  for (const r of restarts) {
    if (r.fromId <= id && id < r.toId && (!latest || r.order > latest.order)) latest = r;
  }
  if (!latest || latest.maturesAt <= boughtMaturesAt) return undefined;
  return {
    claimId: latest.claimId,
    ruledAt: latest.maturesAt - purchaseDelay,
    boughtMaturesAt,
    maturesAt: latest.maturesAt,
  };
}

type EventLog = {
  args: Record<string, unknown>;
  transactionHash: string | null;
  blockNumber: bigint | null;
  logIndex: number | null;
};

/** Pairs each `PurchasesRestarted` log with the `ClaimResolved` of the same transaction (the ruling that ended the freeze). */
export function restartLogs(
  restarted: readonly EventLog[],
  resolved: readonly { args: Record<string, unknown>; transactionHash: string | null }[],
): RestartLog[] {
  const claimByTx = new Map(resolved.map((e) => [e.transactionHash, e.args.claimId as bigint]));
  return restarted.flatMap((e) => {
    const claimId = claimByTx.get(e.transactionHash);
    if (claimId === undefined) return [];
    return [
      {
        fromId: e.args.fromId as bigint,
        toId: e.args.toId as bigint,
        maturesAt: BigInt(e.args.maturesAt as number | bigint),
        claimId,
        order: (e.blockNumber ?? 0n) * 1_000_000n + BigInt(e.logIndex ?? 0),
      },
    ];
  });
}

/** Closed epochs first by pool then epoch, so both sources list cover in one order. */
export const byPoolAndEpoch = (a: CoverTokenRef, b: CoverTokenRef) => a.poolId - b.poolId || a.epoch - b.epoch;

const event = <N extends string>(name: N) => getAbiItem({ abi: metaPoolExtensionAbi, name } as never) as never;

/**
 * MetaPools named in one eth_getLogs. Without an indexer the Portfolio reads every MetaPool of the factory, and one
 * query per event per MetaPool was 84 450 eth_getLogs in 180 s at 1 000 MetaPools; a query naming many addresses
 * reads them in one, and this many keeps its filter and answer within what providers serve (a refused answer halves
 * the block range, lib/reads/logs).
 */
export const METAPOOLS_PER_LOG_QUERY = 100;

/**
 * One event's logs from `metaPools`, by lower-case MetaPool address, each MetaPool's in chain order: one incremental
 * scan (lib/reads/logs) per `perQuery` addresses, the account filtered in the topics. A scan of one MetaPool keeps the
 * key its own read always had.
 */
async function logsByMetaPool(
  client: Client,
  metaPools: readonly Address[],
  name: string,
  args: Record<string, Address>,
  fromBlock: bigint,
  perQuery: number,
): Promise<Map<string, EventLog[]>> {
  const byMetaPool = new Map<string, EventLog[]>(metaPools.map((m) => [m.toLowerCase(), []]));
  const chunks: Address[][] = [];
  for (let i = 0; i < metaPools.length; i += perQuery) chunks.push(metaPools.slice(i, i + perQuery));
  const scans = await Promise.all(
    chunks.map(
      (address) =>
        scanLogs(client, logQueryKey(client, address.join(","), name, args), fromBlock, (range) =>
          getLogs(client, { address, event: event(name), args, ...range } as never),
        ) as unknown as Promise<(EventLog & { address: Address })[]>,
    ),
  );
  // A scan's answer mixes its MetaPools: each log goes to the one that emitted it.
  for (const log of scans.flat()) byMetaPool.get(log.address.toLowerCase())?.push(log);
  return byMetaPool;
}

/** One MetaPool's logs of each event the history reads. */
interface HistoryLogs {
  deposits: EventLog[];
  requested: EventLog[];
  completed: EventLog[];
  cancelled: EventLog[];
  exits: EventLog[];
  bought: EventLog[];
  epochsOpened: EventLog[];
  restarted: EventLog[];
  resolved: EventLog[];
}

/** The history `logs` make in `view`. */
function historyOf(view: MetaPoolView, logs: HistoryLogs): PositionHistory {
  const { deposits, requested, completed, cancelled, exits, bought, epochsOpened, restarted, resolved } = logs;
  const sum = (entries: EventLog[]) => entries.reduce((total, e) => total + (e.args.assets as bigint), 0n);
  const current: CoverTokenRef[] = view.pools.map((p, poolId) => ({ poolId, epoch: Number(p.epoch), token: p.token }));
  const closed = epochsOpened
    .map((e) => ({ poolId: Number(e.args.poolId), epoch: Number(e.args.epoch), token: e.args.token as Address }))
    .filter((t) => t.epoch < current[t.poolId]!.epoch)
    .sort(byPoolAndEpoch);
  const gone = new Set(cancelled.map((e) => e.args.requestId as bigint));
  const firstMaturity = new Map<bigint, bigint>();
  for (const e of bought) {
    const id = e.args.purchaseId as bigint;
    if (!firstMaturity.has(id)) firstMaturity.set(id, BigInt(e.args.maturesAt as number | bigint));
  }
  return {
    deposited: sum(deposits),
    withdrawn: sum(completed) + sum(exits),
    requestIds: [...new Set(requested.map((e) => e.args.requestId as bigint))].filter((id) => !gone.has(id)),
    purchases: [...firstMaturity].map(([id, boughtMaturesAt]) => ({ id, boughtMaturesAt })),
    restarts: restartLogs(restarted, resolved),
    coverTokens: [...current, ...closed],
  };
}

/**
 * The account's history in each of `views`, in that order, from their events: one incremental scan per event for
 * every `perQuery` MetaPools, so a refresh reads only the blocks mined since the last. Every cover token of a
 * MetaPool is a candidate (the logs cannot say which ones the account holds without a scan of every token's
 * transfers).
 */
export async function readPositionHistoriesFromLogs(
  client: Client,
  views: readonly MetaPoolView[],
  account: Address,
  fromBlock: bigint,
  { perQuery = METAPOOLS_PER_LOG_QUERY }: { perQuery?: number } = {},
): Promise<PositionHistory[]> {
  const distinct = (of: readonly MetaPoolView[]) => [
    ...new Map(of.map((v) => [v.metaPool.toLowerCase(), v.metaPool])).values(),
  ];
  const all = distinct(views);
  // Freezes ended: which purchases restarted their delay, and the ruling that ended each freeze.
  const thawed = distinct(views.filter((v) => v.freezeEndedAt !== 0));
  const logs = (name: string, args: Record<string, Address>, metaPools = all) =>
    logsByMetaPool(client, metaPools, name, args, fromBlock, perQuery);
  const [deposits, requested, completed, cancelled, exits, bought, epochsOpened, restarted, resolved] =
    await Promise.all([
      logs("Deposited", { receiver: account }),
      logs("WithdrawalRequested", { owner: account }),
      logs("WithdrawalCompleted", { owner: account }),
      // A cancelled request is deleted: `previewWithdrawal` of it reverts (UnknownRequest).
      logs("WithdrawalCancelled", { owner: account }),
      logs("Exited", { owner: account }),
      logs("ProtectionBought", { buyer: account }),
      logs("CoverEpochOpened", {}),
      logs("PurchasesRestarted", {}, thawed),
      logs("ClaimResolved", {}, thawed),
    ]);
  return views.map((view) => {
    const key = view.metaPool.toLowerCase();
    const of = (byMetaPool: Map<string, EventLog[]>) => byMetaPool.get(key) ?? [];
    return historyOf(view, {
      deposits: of(deposits),
      requested: of(requested),
      completed: of(completed),
      cancelled: of(cancelled),
      exits: of(exits),
      bought: of(bought),
      epochsOpened: of(epochsOpened),
      restarted: of(restarted),
      resolved: of(resolved),
    });
  });
}

/** The account's history in one MetaPool from its events (readPositionHistoriesFromLogs of one view). */
export async function readPositionHistoryFromLogs(
  client: Client,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
): Promise<PositionHistory> {
  const [history] = await readPositionHistoriesFromLogs(client, [view], account, fromBlock);
  return history!;
}
