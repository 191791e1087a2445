/** Shapes of one account's positions as lib/reads/positions reads them (types only: no chain access). */
import type { Address, ContractFunctionReturnType } from "viem";

import type { metaPoolExtensionAbi } from "../../abis";

export type WithdrawQuote = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "previewWithdrawal">;
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
  /** `purchase(id)`: while pending, `maturesAt` is the effective maturity (a claim freeze restarts the delay). */
  record: PurchaseRecord;
  state: PurchaseState;
  /** What `refundPurchase` pays now (0 when it would revert). */
  refundable: bigint;
  /** Set when a claim froze this purchase and its delay restarted at the ruling (SPEC §5, revision 4). */
  restart?: PurchaseRestart;
}

/** Why a purchase matures later than it was bought to: the ruling that ended the freeze restarted its delay. */
export interface PurchaseRestart {
  /** The claim whose ruling ended the freeze (the last one pending then). */
  claimId: bigint;
  /** When that claim was ruled: the freeze ended and the delay restarted. */
  ruledAt: bigint;
  /** The maturity the purchase was bought with (`ProtectionBought.maturesAt`). */
  boughtMaturesAt: bigint;
  /** The maturity now: the ruling plus the purchase delay. */
  maturesAt: bigint;
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

/** `PurchasesRestarted(fromId, toId, maturesAt)` and the claim ruled in the same transaction. */
export interface RestartLog {
  fromId: bigint;
  toId: bigint;
  maturesAt: bigint;
  claimId: bigint;
  /** Order on chain (block × 10⁶ + log index), to take the latest freeze. */
  order: bigint;
}

/** A cover token an account may hold: its coverage pool and epoch. */
export interface CoverTokenRef {
  poolId: number;
  epoch: number;
  token: Address;
}

/**
 * What an account's position needs from the past, read from the MetaPool's events (lib/reads/positionHistory) or
 * from the indexer's tables (lib/indexer/positions); the live figures are then read from the chain.
 */
export interface PositionHistory {
  /** Assets deposited with the account as receiver; assets it took out (withdrawals and exits). */
  deposited: bigint;
  withdrawn: bigint;
  /** Withdrawal requests that may have shares left. */
  requestIds: bigint[];
  /** Purchases it bought, with the maturity each was bought with. */
  purchases: { id: bigint; boughtMaturesAt: bigint }[];
  /** Freezes ended by a ruling (only needed where a purchase may have restarted). */
  restarts: RestartLog[];
  /** Cover tokens worth a balance read: of open epochs and of closed ones. */
  coverTokens: CoverTokenRef[];
}
