// An account's position history from the MetaPool's events (the chain-only path; with an indexer it comes from
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
 * The account's history in one MetaPool from its events, each query scanned incrementally (lib/reads/logs): a
 * refresh reads only the blocks mined since the last. Every cover token of the MetaPool is a candidate (the logs
 * cannot say which ones the account holds without a scan of every token's transfers).
 */
export async function readPositionHistoryFromLogs(
  client: Client,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
): Promise<PositionHistory> {
  const address = view.metaPool;
  const logs = (name: string, args: Record<string, Address>) =>
    scanLogs(client, logQueryKey(client, address, name, args), fromBlock, (range) =>
      getLogs(client, { address, event: event(name), args, ...range } as never),
    ) as unknown as Promise<EventLog[]>;
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
      // Freezes ended: which purchases restarted their delay, and the ruling that ended each freeze.
      view.freezeEndedAt === 0 ? [] : logs("PurchasesRestarted", {}),
      view.freezeEndedAt === 0 ? [] : logs("ClaimResolved", {}),
    ]);
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
