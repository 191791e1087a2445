import { erc20Abi, getAbiItem, zeroAddress, type Address, type PublicClient } from "viem";

import { metaPoolExtensionAbi } from "@/abis";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type {
  AccountPosition,
  PurchaseRecord,
  PurchaseRestart,
  PurchaseState,
  WithdrawQuote,
} from "@/lib/types/positions";

import { logQueryKey, scanLogs } from "./logs";

/** `PurchasesRestarted(fromId, toId, maturesAt)` and the claim ruled in the same transaction. */
export interface RestartLog {
  fromId: bigint;
  toId: bigint;
  maturesAt: bigint;
  claimId: bigint;
  /** Order on chain (block, then log index), to take the latest freeze. */
  order: bigint;
}

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

/** Pairs each `PurchasesRestarted` log with the `ClaimResolved` of the same transaction (the ruling that ended the freeze). */
export function restartLogs(
  restarted: readonly {
    args: Record<string, unknown>;
    transactionHash: string | null;
    blockNumber: bigint | null;
    logIndex: number | null;
  }[],
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

const PURCHASE_PENDING = 1;
const PURCHASE_MATURED = 2;

const event = <N extends string>(name: N) => getAbiItem({ abi: metaPoolExtensionAbi, name } as never) as never;

function purchaseState(
  id: bigint,
  p: PurchaseRecord,
  voidedBefore: bigint,
  claimPending: boolean,
  now: bigint,
): { state: PurchaseState; refundable: bigint } {
  if (p.status === PURCHASE_MATURED) {
    const rest = p.restRefunded ? 0n : p.amount - p.accepted;
    return { state: "matured", refundable: rest };
  }
  if (p.status !== PURCHASE_PENDING) return { state: "refunded", refundable: 0n };
  if (id < voidedBefore) return { state: "voided", refundable: p.amount };
  if (BigInt(p.maturesAt) > now) return { state: "pending", refundable: 0n };
  if (claimPending) return { state: "frozen", refundable: p.amount };
  return { state: "maturing", refundable: 0n };
}

/**
 * One account's whole position in one MetaPool: shares and their value, open withdrawal
 * requests with quotes, purchases with what is refundable, cover tokens of every epoch it
 * holds, and fees owed. Three batched round trips; the account's history comes from indexed events, each read
 * once from `fromBlock` and then only over the blocks mined since.
 */
export async function readAccountPosition(
  client: PublicClient,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
  now: bigint,
): Promise<AccountPosition> {
  const address = view.metaPool;
  // Each event query is scanned incrementally (lib/reads/logs): a refresh reads only the blocks mined since the last.
  const logs = (name: string, args: Record<string, Address>) =>
    scanLogs(client, logQueryKey(client, address, name, args), fromBlock, (range) =>
      client.getLogs({ address, event: event(name), args, ...range } as never),
    ) as unknown as Promise<
      {
        args: Record<string, unknown>;
        transactionHash: string | null;
        blockNumber: bigint | null;
        logIndex: number | null;
      }[]
    >;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi: metaPoolExtensionAbi, functionName, args } as never) as Promise<T>;

  const currentTokens = view.pools.map((p, poolId) => ({ poolId, epoch: Number(p.epoch), token: p.token }));
  const [
    shares,
    feesOwed,
    queue,
    deposits,
    requested,
    completed,
    exits,
    bought,
    epochsOpened,
    restarted,
    resolved,
    currentBalances,
  ] = await Promise.all([
    read<bigint>("balanceOf", [account]),
    read<bigint>("feesOwed", [account]),
    read<readonly [bigint, bigint, bigint]>("purchaseQueue"),
    logs("Deposited", { receiver: account }),
    logs("WithdrawalRequested", { owner: account }),
    logs("WithdrawalCompleted", { owner: account }),
    logs("Exited", { owner: account }),
    logs("ProtectionBought", { buyer: account }),
    logs("CoverEpochOpened", {}),
    // Freezes ended: which purchases restarted their delay, and the ruling that ended each freeze.
    view.freezeEndedAt === 0 ? [] : logs("PurchasesRestarted", {}),
    view.freezeEndedAt === 0 ? [] : logs("ClaimResolved", {}),
    Promise.all(
      currentTokens.map((t) =>
        t.token === zeroAddress
          ? 0n
          : client.readContract({ address: t.token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
      ),
    ),
  ]);

  const sum = (entries: { args: Record<string, unknown> }[]) =>
    entries.reduce((total, e) => total + (e.args.assets as bigint), 0n);
  const requestIds = [...new Set(requested.map((e) => e.args.requestId as bigint))];
  const purchaseIds = [...new Set(bought.map((e) => e.args.purchaseId as bigint))];
  const closedTokens = epochsOpened
    .map((e) => ({ poolId: Number(e.args.poolId), epoch: Number(e.args.epoch), token: e.args.token as Address }))
    .filter((t) => t.epoch < currentTokens[t.poolId]!.epoch);

  const [shareValue, quotes, records, closedBalances, currentUnderlying] = await Promise.all([
    shares === 0n ? 0n : read<bigint>("convertToAssets", [shares]),
    Promise.all(requestIds.map((id) => read<WithdrawQuote>("previewWithdrawal", [id]))),
    Promise.all(purchaseIds.map((id) => read<PurchaseRecord>("purchase", [id]))),
    Promise.all(
      closedTokens.map((t) =>
        client.readContract({ address: t.token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
      ),
    ),
    Promise.all(
      currentTokens.map((t, i) =>
        currentBalances[i] === 0n
          ? 0n
          : read<bigint>("coverUnderlying", [BigInt(t.poolId), BigInt(t.epoch), currentBalances[i]]),
      ),
    ),
  ]);

  const heldClosed = closedTokens.map((t, i) => ({ ...t, tokens: closedBalances[i]! })).filter((t) => t.tokens > 0n);
  const closedUnderlying = await Promise.all(
    heldClosed.map((t) => read<bigint>("coverUnderlying", [BigInt(t.poolId), BigInt(t.epoch), t.tokens])),
  );

  const [, , voidedBefore] = queue;
  const claimPending = view.pendingClaims > 0n;
  const restarts = restartLogs(restarted, resolved);
  const boughtMaturesAt = new Map(
    bought.map((e) => [e.args.purchaseId as bigint, BigInt(e.args.maturesAt as number | bigint)]),
  );
  const delay = BigInt(view.config.purchaseDelay);
  return {
    metaPool: address,
    account,
    shares,
    shareValue,
    deposited: sum(deposits),
    withdrawn: sum(completed) + sum(exits),
    requests: requestIds.map((id, i) => ({ id, quote: quotes[i]! })).filter((r) => r.quote.shares > 0n),
    purchases: purchaseIds.map((id, i) => {
      const state = purchaseState(id, records[i]!, voidedBefore, claimPending, now);
      const restart = purchaseRestart(id, boughtMaturesAt.get(id) ?? BigInt(records[i]!.maturesAt), delay, restarts);
      return { id, record: records[i]!, ...state, ...(restart ? { restart } : {}) };
    }),
    cover: [
      ...currentTokens
        .map((t, i) => ({ ...t, tokens: currentBalances[i]!, underlying: currentUnderlying[i]!, closed: false }))
        .filter((c) => c.tokens > 0n),
      ...heldClosed.map((t, i) => ({ ...t, underlying: closedUnderlying[i]!, closed: true })),
    ],
    feesOwed,
  };
}

/** Whether the account has anything at all in this MetaPool. */
export function hasPosition(p: AccountPosition): boolean {
  return (
    p.shares > 0n ||
    p.requests.length > 0 ||
    p.cover.length > 0 ||
    p.feesOwed > 0n ||
    p.purchases.some((x) => x.state !== "refunded" && x.state !== "matured") ||
    p.purchases.some((x) => x.refundable > 0n)
  );
}
