// One account's live position in one MetaPool, from the chain, given its history (lib/reads/positionHistory from
// the events, or lib/indexer/positions from the indexer). Relative imports: the indexer's test reads positions
// through this same function to hold its endpoint against the events.
import { erc20Abi, zeroAddress, type Address, type Client } from "viem";
import { readContract } from "viem/actions";

import { metaPoolExtensionAbi } from "../../abis";
import type { MetaPoolView } from "../types/metaPool";
import type {
  AccountPosition,
  CoverTokenRef,
  PositionHistory,
  PurchaseRecord,
  PurchaseState,
  WithdrawQuote,
} from "../types/positions";
import { purchaseRestart } from "./positionHistory";

const PURCHASE_PENDING = 1;
const PURCHASE_MATURED = 2;

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

/** Of the cover tokens in `history`, those of an epoch the view says exists: an open epoch's is the one the pool names. */
function existingTokens(view: MetaPoolView, history: PositionHistory): CoverTokenRef[] {
  return history.coverTokens.filter((t) => {
    const pool = view.pools[t.poolId];
    if (!pool || t.token === zeroAddress) return false;
    const current = Number(pool.epoch);
    return t.epoch < current || (t.epoch === current && t.token.toLowerCase() === pool.token.toLowerCase());
  });
}

/** What the chain says of one account in one MetaPool, read without its view (the Portfolio reads it alongside). */
export interface PositionFigures<D = never> {
  shares: bigint;
  shareValue: bigint;
  feesOwed: bigint;
  /** The purchase queue's mark: purchases with a lower id were voided. */
  voidedBefore: bigint;
  /** `previewWithdrawal` of each of the history's requests, in its order. */
  quotes: WithdrawQuote[];
  /** `purchase` of each of the history's purchases, in its order. */
  records: PurchaseRecord[];
  /** Of the tokens read, those the account holds, with what they are worth. */
  held: (CoverTokenRef & { tokens: bigint; underlying: bigint })[];
  /** What `whenDue` answered, when a purchase was due (pending past its maturity and not voided) at `now`. */
  due?: D;
}

/**
 * The live figures of `account` in `metaPool`: shares and their value, request quotes, purchase records, the balance
 * of each of `tokens` and what the held ones are worth, fees owed. Two batched round trips; `whenDue` (the sync's
 * simulation) runs alongside the second when a purchase is due.
 */
export async function readPositionFigures<D = never>(
  client: Client,
  metaPool: Address,
  account: Address,
  history: PositionHistory,
  tokens: readonly CoverTokenRef[],
  now: bigint,
  whenDue?: () => Promise<D>,
): Promise<PositionFigures<D>> {
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readContract(client, { address: metaPool, abi: metaPoolExtensionAbi, functionName, args } as never) as Promise<T>;
  const [shares, feesOwed, queue, quotes, records, balances] = await Promise.all([
    read<bigint>("balanceOf", [account]),
    read<bigint>("feesOwed", [account]),
    // Only purchases are judged against the queue (which ids a claim voided): none, no read (most MetaPools of a
    // wide portfolio, where it was a third of the calls).
    history.purchases.length === 0
      ? Promise.resolve([0n, 0n, 0n] as const)
      : read<readonly [bigint, bigint, bigint]>("purchaseQueue"),
    Promise.all(history.requestIds.map((id) => read<WithdrawQuote>("previewWithdrawal", [id]))),
    Promise.all(history.purchases.map((p) => read<PurchaseRecord>("purchase", [p.id]))),
    Promise.all(
      tokens.map((t) =>
        readContract(client, { address: t.token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
      ),
    ),
  ]);
  const [, , voidedBefore] = queue;
  const held = tokens.map((t, i) => ({ ...t, tokens: balances[i]! })).filter((t) => t.tokens > 0n);
  const isDue = (r: PurchaseRecord, i: number) =>
    r.status === PURCHASE_PENDING && history.purchases[i]!.id >= voidedBefore && BigInt(r.maturesAt) <= now;
  const [shareValue, underlying, due] = await Promise.all([
    shares === 0n ? 0n : read<bigint>("convertToAssets", [shares]),
    Promise.all(held.map((t) => read<bigint>("coverUnderlying", [BigInt(t.poolId), BigInt(t.epoch), t.tokens]))),
    whenDue && records.some(isDue) ? whenDue() : undefined,
  ]);
  return {
    shares,
    shareValue,
    feesOwed,
    voidedBefore,
    quotes,
    records,
    held: held.map((t, i) => ({ ...t, underlying: underlying[i]! })),
    ...(due === undefined ? {} : { due }),
  };
}

/** The position `figures` make in `view` at `now`: only cover of epochs the view names, purchases judged by it. */
export function positionOf(
  view: MetaPoolView,
  account: Address,
  history: PositionHistory,
  figures: PositionFigures<unknown>,
  now: bigint,
): AccountPosition {
  const named = new Set(existingTokens(view, history).map((t) => t.token.toLowerCase()));
  const claimPending = view.pendingClaims > 0n;
  const delay = BigInt(view.config.purchaseDelay);
  const cover = figures.held
    .filter((t) => named.has(t.token.toLowerCase()))
    .map((t) => ({ ...t, closed: t.epoch < Number(view.pools[t.poolId]!.epoch) }));
  return {
    metaPool: view.metaPool,
    account,
    shares: figures.shares,
    shareValue: figures.shareValue,
    deposited: history.deposited,
    withdrawn: history.withdrawn,
    requests: history.requestIds.map((id, i) => ({ id, quote: figures.quotes[i]! })).filter((r) => r.quote.shares > 0n),
    purchases: history.purchases.map(({ id, boughtMaturesAt }, i) => {
      const record = figures.records[i]!;
      const state = purchaseState(id, record, figures.voidedBefore, claimPending, now);
      const restart = purchaseRestart(id, boughtMaturesAt, delay, history.restarts);
      return { id, record, ...state, ...(restart ? { restart } : {}) };
    }),
    // Open epochs first (in pool order), then closed ones.
    cover: [...cover.filter((c) => !c.closed), ...cover.filter((c) => c.closed)],
    feesOwed: figures.feesOwed,
  };
}

/**
 * One account's whole position in one MetaPool: shares and their value, open withdrawal requests with quotes,
 * purchases with what is refundable, the cover tokens it holds (of `history.coverTokens`) and fees owed. Two
 * batched round trips, every figure read live.
 */
export async function readAccountPosition(
  client: Client,
  view: MetaPoolView,
  account: Address,
  history: PositionHistory,
  now: bigint,
): Promise<AccountPosition> {
  const tokens = existingTokens(view, history);
  const figures = await readPositionFigures(client, view.metaPool, account, history, tokens, now);
  return positionOf(view, account, history, figures, now);
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
