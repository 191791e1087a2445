import {
  cloneState,
  freeCapital,
  holdingCostPerDay,
  min,
  mulDivDown,
  poolAt,
  poolCoverLifetime,
  poolView,
  projectedCoverAfterDays,
  projectTo,
  underlyingOf,
  WAD,
  type MetaPoolParams,
  type MetaPoolState,
} from "@/lib/protocol";
import type { MetaPoolView } from "@/lib/types/metaPool";

/** The creation parameters the protocol mirror needs, from the view's config. */
export function paramsOf(config: MetaPoolView["config"]): MetaPoolParams {
  return {
    decimals: config.decimals,
    curve: config.curve,
    arbiterFeeBps: BigInt(config.arbiterFeeBps),
    creatorFeeBps: BigInt(config.creatorFeeBps),
    payoutMultiple: BigInt(config.payoutMultiple),
    withdrawalPeriod: BigInt(config.withdrawalPeriod),
    purchaseDelay: BigInt(config.purchaseDelay),
    claimBond: config.claimBond,
    minPurchase: config.minPurchase,
  };
}

/**
 * A protocol-mirror state rebuilt from `metaPoolView()`, as of the view's projection time
 * (`lastSyncAt`), so lib/protocol's projections (cover after N days, lifetime, live underlying)
 * run on the chain's own figures.
 *
 * What the view does not expose, and how it is stood in for:
 * - the premium accumulator: the view's K is already net of everything charged, so each epoch's
 *   accumulator restarts at 0 at the view's time (`charged = 0`); the lost sub-wei remainder moves
 *   projections by at most 1 base unit. A pool with a pending claim carries its uncharged premium
 *   as `owedWad = debt × 1e18`, so `premiumDebt` equals the view's `debt` and keeps growing;
 * - the purchase queue: left empty. Pending purchases stay in R (they reserve nothing; they take
 *   capital only when they mature) and the projection does not mature them; a projection is "if
 *   nothing else changes";
 * - pending claims: only their ids and pools are known here (enough for every rule that asks
 *   whether a claim is pending); times and bonds are left at 0 / the configured bond.
 */
export function stateFromView(view: MetaPoolView): MetaPoolState {
  const params = paramsOf(view.config);
  const claims = view.pools
    .map((p, poolId) => ({ id: p.pendingClaimId, poolId }))
    .filter((c) => c.id !== 0n)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => ({ id: c.id, poolId: c.poolId, incidentTime: 0n, filedAt: 0n, bond: params.claimBond }));
  return {
    params,
    capital: view.capital,
    shareSupply: view.shareSupply,
    shareEpoch: BigInt(view.shareEpoch),
    shareEpochCloses: [],
    pools: view.pools.map((p) => ({
      active: p.active,
      pending: p.pending,
      epoch: BigInt(p.epoch),
      epochOpenedAt: BigInt(p.epochOpenedAt),
      supply: p.coverSupply,
      owedWad: p.pendingClaimId !== 0n ? p.debt * WAD : 0n,
      charged: 0n,
    })),
    queue: [],
    claims,
    nextPurchaseId: 1n,
    nextClaimId: (claims.at(-1)?.id ?? 0n) + 1n,
    fees: { arbiter: 0n, creator: 0n },
    lastSyncAt: BigInt(view.lastSyncAt),
    lastRulingAt: BigInt(view.lastRulingAt),
    freezeEndedAt: BigInt(view.freezeEndedAt),
    isShutDown: view.shutDown,
    refundsOwed: 0n,
    closedEpochs: [],
  };
}

/** The state at `now` (never before the view's own time: the chain clock may lag a fresh read by a second). */
export function stateAt(state: MetaPoolState, now: bigint): MetaPoolState {
  return projectTo(state, now > state.lastSyncAt ? now : state.lastSyncAt);
}

/**
 * What `tokens` of pool `poolId`'s current epoch are worth at `now`: the view's K shrinking at the
 * pool's premium speed (each holding pays its tokens / supply share), net of any claim debt.
 * Lets a holding tick down every second between two reads; bigint throughout.
 */
export function liveUnderlying(state: MetaPoolState, poolId: number, tokens: bigint, now: bigint): bigint {
  return underlyingOf(stateAt(state, now), poolId, tokens);
}

export interface PurchaseProjection {
  /** What becomes cover if the purchase matured now: min(amount, F). */
  accepted: bigint;
  /** Cover tokens at today's supply / K (1:1 when the epoch opens); K shrinks until maturity, so it is an estimate. */
  tokens: bigint;
  /** My tokens / the pool's supply after maturity, WAD. */
  shareWad: bigint;
  /** P_i after the purchase. */
  payoutAfter: bigint;
  /** What my tokens would redeem if a claim were approved once matured: my share of K_i + P_i. */
  myClaimPayout: bigint;
  /** My share of the pool's daily premium at the post-purchase speed, rounded up. */
  costPerDay: bigint;
  /** Seconds my deposit lasts at the post-purchase speed; null when it pays nothing. */
  lifetime: bigint | null;
  /** My cover left after 30 and 90 days at that speed. */
  after30: bigint;
  after90: bigint;
  /** The pool after the purchase, for the before → after lines. */
  rateAfter: bigint;
  premiumSpeedAfter: bigint;
  activeAfter: bigint;
}

/**
 * A purchase of `amount` in pool `poolId` as if it were cover now, the way `previewBuy` quotes its
 * rate (only this purchase added; other pending purchases not matured), with lib/protocol's
 * projections of how it then shrinks. Pass `stateAt(...)`: a state at the quote's time.
 */
export function projectPurchase(state: MetaPoolState, poolId: number, amount: bigint): PurchaseProjection {
  const after = cloneState(state);
  const pool = poolAt(after, poolId);
  const accepted = min(amount, freeCapital(after.capital, after.pools));
  // Minted at supply / K, rounded down; 1:1 when the epoch opens (as sync's maturity does).
  const tokens = pool.supply === 0n || pool.active === 0n ? accepted : mulDivDown(accepted, pool.supply, pool.active);
  pool.active += accepted;
  pool.supply += tokens;
  const view = poolView(after, poolId);
  const supply = pool.supply;
  return {
    accepted,
    tokens,
    shareWad: supply === 0n ? 0n : mulDivDown(tokens, WAD, supply),
    payoutAfter: view.payout,
    myClaimPayout: supply === 0n ? 0n : mulDivDown(pool.active + view.payout, tokens, supply),
    costPerDay: holdingCostPerDay(view.premiumSpeed, tokens, supply),
    lifetime: tokens === 0n ? null : poolCoverLifetime(after, poolId),
    after30: projectedCoverAfterDays(after, poolId, 30n, tokens).holding,
    after90: projectedCoverAfterDays(after, poolId, 90n, tokens).holding,
    rateAfter: view.rate,
    premiumSpeedAfter: view.premiumSpeed,
    activeAfter: pool.active,
  };
}
