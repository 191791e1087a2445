import type { Address } from "viem";

import { coverTokenSymbol, sameAddress } from "@/lib/format";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition, PurchaseState } from "@/lib/types/positions";

/**
 * The portfolio's model: one account's positions in every MetaPool, each with its status, what
 * it is worth, what can be taken now and whether one click can take it (no input needed).
 * Pure, so the page, the totals and the CSV export read the same numbers.
 */

export interface AssetInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

export type RequestStatus =
  | "locked" // before unlockAt
  | "frozen" // a claim is pending: completeWithdrawal reverts
  | "open" // inside the window, all of it payable now
  | "partial" // inside the window, free capital pays only part of it
  | "expired" // the window closed: cancel only (a later ruling reopens it)
  | "shutdown"; // the MetaPool is shut down: pays at once, no window, no cap

export interface RequestRow {
  id: bigint;
  shares: bigint;
  /** What completing it in full pays now: min(assetsAtRequest share, current value). */
  assets: bigint;
  withdrawableNow: bigint;
  unlockAt: bigint;
  windowEnd: bigint;
  status: RequestStatus;
  /** One click completes it in full. */
  completeInFull: boolean;
}

export type ProtectionStatus =
  | "pending" // inside the purchase delay
  | "maturing" // due, becomes cover at the next sync
  | "frozen" // due while a claim is pending: refundable by the buyer
  | "voided" // ended by a valid claim or a shutdown: refundable in full
  | "rest" // matured partly: the unaccepted rest is refundable
  | "active" // cover tokens of the open epoch, in force
  | "not-in-force" // open epoch of a shut-down MetaPool: withdraw the deposit
  | "redeemable"; // tokens of a closed epoch (valid claim or lapse)

export interface ProtectionRow {
  kind: "purchase" | "cover";
  /** Purchase id, or undefined for cover tokens. */
  purchaseId?: bigint;
  poolId: number;
  poolName: string;
  epoch?: number;
  status: ProtectionStatus;
  /** Purchases: the amount bought (asset). Cover: tokens held. */
  quantity: bigint;
  quantityUnit: string;
  /** Asset value: the deposit of a purchase, the underlying of cover tokens. */
  value: bigint;
  /** Payable to this account now through one call (refund or redeem). */
  claimableNow: bigint;
  /** A purchase's maturity (while pending the effective one: a claim freeze restarts the delay). */
  time?: bigint;
  /** Pending purchases whose delay restarted when this claim was ruled (SPEC §5, revision 4). */
  restartedBy?: bigint;
  /** One click: refundPurchase, redeemPayout, or withdrawProtection of every token after a shutdown. */
  oneClick: "refund" | "redeem" | "withdraw" | null;
}

export interface MetaPoolPortfolio {
  metaPool: Address;
  name: string;
  asset: AssetInfo;
  shutDown: boolean;
  claimPending: boolean;
  isArbiter: boolean;
  isCreator: boolean;
  shares: bigint;
  shareValue: bigint;
  deposited: bigint;
  withdrawn: bigint;
  /** Value now (shares and open requests) plus withdrawn, less deposited. */
  netResult: bigint;
  requests: RequestRow[];
  protection: ProtectionRow[];
  /** After a shutdown: what `exit` pays now for the shares outside requests (0 otherwise). */
  exitNow: bigint;
  /** Arbiter and creator fees owed (`feesOwed` of an account with a role here). */
  feesOwed: bigint;
  /**
   * Bonds of claims returned (upheld or voided) and owed: `feesOwed` of an account with no role here.
   * The chain keeps one balance for both, so an arbiter's or creator's returned bond counts as fees.
   */
  bondsOwed: bigint;
}

export interface AssetTotals {
  asset: AssetInfo;
  /** Shares plus open withdrawal requests, valued now. */
  underwriting: bigint;
  netResult: bigint;
  /** Cover in force plus purchases waiting to mature. */
  protection: bigint;
  /** Everything one can take out right now: withdrawable requests, exits, refunds, payouts, fees, bonds. */
  claimableNow: bigint;
  feesOwed: bigint;
  bondsOwed: bigint;
}

function requestStatus(
  q: AccountPosition["requests"][number]["quote"],
  view: MetaPoolView,
  now: bigint,
): RequestStatus {
  if (view.shutDown) return "shutdown";
  if (now < BigInt(q.unlockAt)) return "locked";
  if (view.pendingClaims > 0n) return "frozen";
  if (now > BigInt(q.windowEnd)) return "expired";
  return q.withdrawableNow >= q.assets ? "open" : "partial";
}

const PURCHASE_STATUS: Record<PurchaseState, ProtectionStatus | null> = {
  pending: "pending",
  maturing: "maturing",
  frozen: "frozen",
  voided: "voided",
  matured: "rest",
  refunded: null,
};

export function metaPoolPortfolio(args: {
  view: MetaPoolView;
  position: AccountPosition;
  asset: AssetInfo;
  account: Address;
  now: bigint;
}): MetaPoolPortfolio {
  const { view, position: p, asset, account, now } = args;
  const poolName = (poolId: number) => view.pools[poolId]?.name ?? `Pool #${poolId}`;

  const requests: RequestRow[] = p.requests.map(({ id, quote }) => {
    const status = requestStatus(quote, view, now);
    return {
      id,
      shares: quote.shares,
      assets: quote.assets,
      withdrawableNow: quote.withdrawableNow,
      unlockAt: BigInt(quote.unlockAt),
      windowEnd: BigInt(quote.windowEnd),
      status,
      completeInFull:
        (status === "open" || status === "shutdown") && quote.assets > 0n && quote.withdrawableNow >= quote.assets,
    };
  });

  const purchases: ProtectionRow[] = [];
  for (const x of p.purchases) {
    const status = PURCHASE_STATUS[x.state];
    if (!status) continue;
    // A fully accepted matured purchase lives on as cover tokens; only a refundable rest is listed.
    if (status === "rest" && x.refundable === 0n) continue;
    const poolId = x.record.poolId;
    const inFlight = status === "pending" || status === "maturing";
    purchases.push({
      kind: "purchase",
      purchaseId: x.id,
      poolId,
      poolName: poolName(poolId),
      status,
      quantity: x.record.amount,
      quantityUnit: asset.symbol,
      value: inFlight ? x.record.amount : x.refundable,
      claimableNow: x.refundable,
      time: BigInt(x.record.maturesAt),
      ...(inFlight && x.restart ? { restartedBy: x.restart.claimId } : {}),
      oneClick: x.refundable > 0n ? "refund" : null,
    });
  }

  const cover: ProtectionRow[] = p.cover.map((c) => {
    const status: ProtectionStatus = c.closed ? "redeemable" : view.shutDown ? "not-in-force" : "active";
    return {
      kind: "cover",
      poolId: c.poolId,
      poolName: poolName(c.poolId),
      epoch: c.epoch,
      status,
      quantity: c.tokens,
      quantityUnit: coverTokenSymbol(c.poolId, c.epoch),
      value: c.underlying,
      claimableNow: status === "active" ? 0n : c.underlying,
      oneClick:
        c.underlying === 0n ? null : status === "redeemable" ? "redeem" : status === "not-in-force" ? "withdraw" : null,
    };
  });

  const requested = requests.reduce((s, r) => s + r.assets, 0n);
  const isArbiter = sameAddress(view.config.arbiter, account);
  const isCreator = sameAddress(view.config.creator, account);
  return {
    metaPool: view.metaPool,
    name: view.config.name,
    asset,
    shutDown: view.shutDown,
    claimPending: view.pendingClaims > 0n,
    isArbiter,
    isCreator,
    shares: p.shares,
    shareValue: p.shareValue,
    deposited: p.deposited,
    withdrawn: p.withdrawn,
    netResult: p.shareValue + requested + p.withdrawn - p.deposited,
    requests,
    protection: [...cover, ...purchases],
    exitNow: view.shutDown && p.shares > 0n ? p.shareValue : 0n,
    feesOwed: isArbiter || isCreator ? p.feesOwed : 0n,
    bondsOwed: isArbiter || isCreator ? 0n : p.feesOwed,
  };
}

/** Whether there is anything to show for this MetaPool. */
export function hasAnything(m: MetaPoolPortfolio): boolean {
  return (
    m.shares > 0n ||
    m.requests.length > 0 ||
    m.protection.length > 0 ||
    m.feesOwed > 0n ||
    m.bondsOwed > 0n ||
    ((m.isArbiter || m.isCreator) && !m.shutDown) ||
    m.deposited > 0n
  );
}

/** Totals per asset (amounts in different assets are never added together), in first-seen order. */
export function totalsByAsset(items: readonly MetaPoolPortfolio[]): AssetTotals[] {
  const byAsset = new Map<string, AssetTotals>();
  for (const m of items) {
    const key = m.asset.address.toLowerCase();
    const t =
      byAsset.get(key) ??
      byAsset
        .set(key, {
          asset: m.asset,
          underwriting: 0n,
          netResult: 0n,
          protection: 0n,
          claimableNow: 0n,
          feesOwed: 0n,
          bondsOwed: 0n,
        })
        .get(key)!;
    t.underwriting += m.shareValue + m.requests.reduce((s, r) => s + r.assets, 0n);
    t.netResult += m.netResult;
    for (const x of m.protection) {
      if (x.status === "active" || x.status === "pending" || x.status === "maturing") t.protection += x.value;
      t.claimableNow += x.claimableNow;
    }
    t.claimableNow += m.requests.reduce((s, r) => s + r.withdrawableNow, 0n) + m.exitNow + m.feesOwed + m.bondsOwed;
    t.feesOwed += m.feesOwed;
    t.bondsOwed += m.bondsOwed;
  }
  return [...byAsset.values()];
}

/**
 * A net result as shown: share conversions round down by a base unit or two, so right after a
 * deposit the exact figure is a hair below zero. Anything under 0.0001 of the asset either way
 * is shown as 0, not as a red "−<0.0001".
 */
export function shownNetResult(net: bigint, decimals: number): bigint {
  const dust = decimals > 4 ? 10n ** BigInt(decimals - 4) : 1n;
  return net > -dust && net < dust ? 0n : net;
}
