import {
  erc20Abi,
  getAbiItem,
  zeroAddress,
  type Address,
  type ContractFunctionReturnType,
  type PublicClient,
} from "viem";

import { metaPoolExtensionAbi } from "@/abis";
import type { MetaPoolView } from "@/lib/reads/metaPools";

export type WithdrawQuote = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "previewWithdraw">;
export type PurchaseRecord = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "purchase">;

/** Where a purchase stands for its buyer now (purchase status enum: 1 pending, 2 matured, 3 refunded). */
export type PurchaseState =
  | "pending" // inside the purchase delay
  | "maturing" // due; becomes cover at the next sync (views already count it)
  | "frozen" // due while a claim is pending: waits for the ruling, or the buyer takes it back
  | "voided" // a valid claim or the shutdown ended it: the whole amount is refundable
  | "matured"
  | "refunded";

export interface PurchasePosition {
  id: bigint;
  record: PurchaseRecord;
  state: PurchaseState;
  /** What `refundPurchase` pays now (0 when it would revert). */
  refundable: bigint;
}

export interface CoverHolding {
  poolId: number;
  epoch: number;
  token: Address;
  tokens: bigint;
  /** Assets the tokens are worth now: open epochs net of claim debt, closed ones their payout share. */
  underlying: bigint;
  /** Closed by a valid claim or a lapse: redeem through `redeemPayout`. */
  closed: boolean;
}

export interface AccountPosition {
  metaPool: Address;
  account: Address;
  shares: bigint;
  shareValue: bigint;
  /** Assets this account deposited (as receiver) and took out (withdrawals and exits), from events. */
  deposited: bigint;
  withdrawn: bigint;
  /** Requests with shares left. */
  requests: { id: bigint; quote: WithdrawQuote }[];
  purchases: PurchasePosition[];
  cover: CoverHolding[];
  feesOwed: bigint;
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
 * holds, and fees owed. Three batched round trips; the account's history comes from indexed events.
 */
export async function readAccountPosition(
  client: PublicClient,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
  now: bigint,
): Promise<AccountPosition> {
  const address = view.metaPool;
  const logs = (name: string, args: Record<string, Address>) =>
    client.getLogs({ address, event: event(name), args, fromBlock, toBlock: "latest" } as never) as unknown as Promise<
      { args: Record<string, unknown> }[]
    >;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi: metaPoolExtensionAbi, functionName, args } as never) as Promise<T>;

  const currentTokens = view.pools.map((p, poolId) => ({ poolId, epoch: Number(p.epoch), token: p.token }));
  const [shares, feesOwed, queue, deposits, requested, completed, exits, bought, epochsOpened, currentBalances] =
    await Promise.all([
      read<bigint>("balanceOf", [account]),
      read<bigint>("feesOwed", [account]),
      read<readonly [bigint, bigint, bigint]>("purchaseQueue"),
      logs("Deposited", { receiver: account }),
      logs("WithdrawalRequested", { owner: account }),
      logs("WithdrawalCompleted", { owner: account }),
      logs("Exited", { owner: account }),
      logs("ProtectionBought", { buyer: account }),
      logs("CoverEpochOpened", {}),
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
    Promise.all(requestIds.map((id) => read<WithdrawQuote>("previewWithdraw", [id]))),
    Promise.all(purchaseIds.map((id) => read<PurchaseRecord>("purchase", [id]))),
    Promise.all(
      closedTokens.map((t) =>
        client.readContract({ address: t.token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
      ),
    ),
    Promise.all(
      currentTokens.map((t, i) =>
        currentBalances[i] === 0n ? 0n : read<bigint>("coverUnderlying", [BigInt(t.poolId), BigInt(t.epoch), currentBalances[i]]),
      ),
    ),
  ]);

  const heldClosed = closedTokens.map((t, i) => ({ ...t, tokens: closedBalances[i]! })).filter((t) => t.tokens > 0n);
  const closedUnderlying = await Promise.all(
    heldClosed.map((t) => read<bigint>("coverUnderlying", [BigInt(t.poolId), BigInt(t.epoch), t.tokens])),
  );

  const [, , voidedBefore] = queue;
  const claimPending = view.pendingClaims > 0n;
  return {
    metaPool: address,
    account,
    shares,
    shareValue,
    deposited: sum(deposits),
    withdrawn: sum(completed) + sum(exits),
    requests: requestIds
      .map((id, i) => ({ id, quote: quotes[i]! }))
      .filter((r) => r.quote.shares > 0n),
    purchases: purchaseIds.map((id, i) => ({
      id,
      record: records[i]!,
      ...purchaseState(id, records[i]!, voidedBefore, claimPending, now),
    })),
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
