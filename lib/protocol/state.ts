/**
 * Plain data mirroring what a MetaPool holds on chain (SPEC §2–§8). Amounts are asset base units,
 * times are unix seconds, rates WAD per year; all bigint. Values the contract derives in views
 * (free capital, payout, utilisation, rate, premium speed) are not stored: see `poolView.ts`.
 */

/** The kinked funding curve fixed at creation (WAD per year; 0 < kink < WAD). */
export interface FundingCurve {
  baseRate: bigint;
  slope1: bigint;
  kink: bigint;
  slope2: bigint;
}

/** Everything fixed at creation that the math needs. */
export interface MetaPoolParams {
  /** The asset's decimals (6..18); ONE = 10^decimals. */
  decimals: number;
  curve: FundingCurve;
  arbiterFeeBps: bigint;
  creatorFeeBps: bigint;
  /** 0 = uncapped (payout K + F); else 1..10 000 (payout K + min(F, (m − 1)K)). */
  payoutMultiple: bigint;
  /** Seconds from requestWithdrawal to unlockAt. */
  withdrawalPeriod: bigint;
  /** Seconds from buyProtection to maturesAt. */
  purchaseDelay: bigint;
  claimBond: bigint;
  minPurchase: bigint;
}

/** One coverage pool `i`. */
export interface CoveragePoolState {
  /** K_i: seekers' remaining deposits whose cover is in force. */
  active: bigint;
  /** R_i: deposits inside the purchase delay; not cover. */
  pending: bigint;
  /** Number of the current epoch; when none is open, the number the next one opens with. */
  epoch: bigint;
  /** When the current epoch opened (its first mint); 0 when no epoch is open. */
  epochOpenedAt: bigint;
  /** Cover-token supply of the current epoch. */
  supply: bigint;
  /** Premium accumulator of the epoch, in asset units × WAD. */
  owedWad: bigint;
  /** Premium charged so far this epoch (includes premium forgiven beyond K_i). */
  charged: bigint;
}

/** A purchase still in the global maturity queue (sorted by maturesAt). */
export interface QueuedPurchase {
  id: bigint;
  poolId: number;
  amount: bigint;
  maturesAt: bigint;
  /** Taken back by its buyer after coming due during a freeze; still counts toward the 16 per sync. */
  refunded: boolean;
}

export interface PendingClaim {
  id: bigint;
  poolId: number;
  incidentTime: bigint;
  filedAt: bigint;
  bond: bigint;
}

/** A coverage pool epoch that closed (valid claim or lapse); holders redeem `remaining` pro rata. */
export interface ClosedEpoch {
  poolId: number;
  epoch: bigint;
  reason: "claim" | "lapse";
  /** Tokens not yet redeemed: the denominator of the next redemption. */
  supply: bigint;
  /** Assets left for the epoch's holders (K_i + P_i less premium owed, or the lapse dust); shrinks as they redeem. */
  remaining: bigint;
}

/** Exchange rate of a closed share epoch: old shares × capital / supply (rounded down). */
export interface ShareEpochClose {
  capital: bigint;
  supply: bigint;
}

export interface MetaPoolState {
  params: MetaPoolParams;
  /** C: underwriter capital, what all shares are worth together. */
  capital: bigint;
  /** Share supply of the current share epoch, requested (custodied) shares included. */
  shareSupply: bigint;
  shareEpoch: bigint;
  /** Index e holds the conversion of share epoch e into e + 1. */
  shareEpochCloses: ShareEpochClose[];
  pools: CoveragePoolState[];
  /** Due or future purchases not yet matured, in maturity order. */
  queue: QueuedPurchase[];
  /** Pending claims in filing order (at most one per pool). */
  claims: PendingClaim[];
  nextPurchaseId: bigint;
  nextClaimId: bigint;
  /** Fee balances owed to the arbiter and the creator. */
  fees: { arbiter: bigint; creator: bigint };
  /** Time every pool has been accrued up to. */
  lastSyncAt: bigint;
  /** Time of the last claim ruling (0 if none): withdrawal windows reopen for 7 days from it. */
  lastRulingAt: bigint;
  /**
   * When the last claim freeze ended (0 before any): the ruling that left no claim pending, or the
   * shutdown. A purchase frozen by a claim restarts its delay then (SPEC §5, revision 4).
   */
  freezeEndedAt: bigint;
  isShutDown: boolean;
  /** Purchase amounts owed back to buyers (unaccepted rests, frozen or voided purchases). */
  refundsOwed: bigint;
  closedEpochs: ClosedEpoch[];
}

/** A fresh coverage pool: no epoch open yet. */
export function emptyPool(): CoveragePoolState {
  return { active: 0n, pending: 0n, epoch: 0n, epochOpenedAt: 0n, supply: 0n, owedWad: 0n, charged: 0n };
}

/** A fresh MetaPool with `poolCount` coverage pools, created at `now`. */
export function newMetaPool(params: MetaPoolParams, poolCount: number, now: bigint): MetaPoolState {
  return {
    params,
    capital: 0n,
    shareSupply: 0n,
    shareEpoch: 0n,
    shareEpochCloses: [],
    pools: Array.from({ length: poolCount }, emptyPool),
    queue: [],
    claims: [],
    // Ids start at 1, as on chain (0 means "none").
    nextPurchaseId: 1n,
    nextClaimId: 1n,
    fees: { arbiter: 0n, creator: 0n },
    lastSyncAt: now,
    lastRulingAt: 0n,
    freezeEndedAt: 0n,
    isShutDown: false,
    refundsOwed: 0n,
    closedEpochs: [],
  };
}

/** Deep copy: every state transition works on a copy and leaves its input untouched. */
export function cloneState(state: MetaPoolState): MetaPoolState {
  return structuredClone(state);
}

/** Pool `poolId`, or a RangeError for an unknown id. */
export function poolAt(state: MetaPoolState, poolId: number): CoveragePoolState {
  const pool = state.pools[poolId];
  if (!pool) throw new RangeError(`unknown poolId ${poolId}`);
  return pool;
}

/** The pending claim on pool `poolId`, if any. */
export function pendingClaimOn(state: MetaPoolState, poolId: number): PendingClaim | undefined {
  return state.claims.find((c) => c.poolId === poolId);
}
