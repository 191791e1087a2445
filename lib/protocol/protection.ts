import { premiumDebt } from "./claim";
import { fail, ok, type ProtocolError, type Result } from "./errors";
import { min, mulDivDown, mulDivUp, saturatingSub } from "./math";
import { creditPremium, retireEmptiedEpoch } from "./poolLedger";
import { pendingClaimOn, poolAt, type MetaPoolState, type QueuedPurchase } from "./state";
import { effectiveMaturity, sync } from "./sync";
import { totalActive, totalPending } from "./utilisation";

/**
 * Capacity for a new purchase: C − Σ K_j, what could be accepted if it matured now (SPEC §5,
 * revision 4). Pending purchases reserve nothing, so nobody can block other buyers by buying and
 * never holding cover; maturing, in queue order, decides acceptance. Pass a state synced to now.
 */
export function purchaseCapacity(state: MetaPoolState): bigint {
  return saturatingSub(state.capital, totalActive(state.pools));
}

/** Σ R: pending purchases of the whole MetaPool, all queued ahead of a purchase made now. */
export function pendingAhead(state: MetaPoolState): bigint {
  return totalPending(state.pools);
}

/** Why `buyProtection(poolId, amount)` would revert now, if it would. */
export function buyBlocker(state: MetaPoolState, poolId: number, amount: bigint): ProtocolError | undefined {
  poolAt(state, poolId);
  if (amount === 0n) return { name: "ZeroAmount" };
  if (state.isShutDown) return { name: "MetaPoolIsShutDown" };
  const claim = state.claims[0];
  if (claim) return { name: "ClaimPending", claimId: claim.id };
  if (amount < state.params.minPurchase)
    return { name: "BelowMinPurchase", amount, minPurchase: state.params.minPurchase };
  const available = purchaseCapacity(state);
  if (amount > available) return { name: "CapacityExceeded", available };
  return undefined;
}

/** `buyProtection(poolId, amount, receiver)`: escrows the amount until maturesAt = now + purchaseDelay. */
export function buyProtection(
  state: MetaPoolState,
  poolId: number,
  amount: bigint,
  now: bigint,
): Result<{ state: MetaPoolState; purchase: QueuedPurchase }> {
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const blocker = buyBlocker(s, poolId, amount);
  if (blocker) return fail(blocker);
  const purchase: QueuedPurchase = {
    id: s.nextPurchaseId,
    poolId,
    amount,
    maturesAt: now + s.params.purchaseDelay,
    refunded: false,
  };
  s.nextPurchaseId += 1n;
  poolAt(s, poolId).pending += amount;
  s.queue.push(purchase);
  return ok({ state: s, purchase });
}

/**
 * `refundPurchase(purchaseId)` by its buyer for a purchase that came due during a freeze. The
 * entry stays in the queue (skipped later, still counting toward the 16 per sync).
 */
export function refundFrozenPurchase(
  state: MetaPoolState,
  purchaseId: bigint,
  now: bigint,
): Result<{ state: MetaPoolState; amount: bigint }> {
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const entry = s.queue.find((e) => e.id === purchaseId);
  // Due by its effective maturity: a purchase restarted by an earlier freeze is due only at its new time.
  const maturesAt = entry ? effectiveMaturity(s, entry) : 0n;
  if (!entry || entry.refunded || s.claims.length === 0 || maturesAt > now) {
    return fail({ name: "PurchaseNotRefundable", purchaseId, maturesAt });
  }
  entry.refunded = true;
  poolAt(s, entry.poolId).pending -= entry.amount;
  return ok({ state: s, amount: entry.amount });
}

/**
 * The tokens' underlying: floor(tokens × K / supply); while a claim on the pool is pending, net of
 * the pool's premium debt: floor(tokens × (K − debt) / supply). Pass a state synced to now.
 */
export function underlyingOf(state: MetaPoolState, poolId: number, tokens: bigint): bigint {
  const pool = poolAt(state, poolId);
  if (pool.supply === 0n) return 0n;
  const debt = pendingClaimOn(state, poolId) ? premiumDebt(pool) : 0n;
  return mulDivDown(tokens, saturatingSub(pool.active, debt), pool.supply);
}

/**
 * `withdrawProtection(poolId, tokens, receiver)`: burns tokens and pays their underlying. With a
 * claim pending on the pool it first charges the tokens' share of the premium debt,
 * ceil(tokens × debt / supply), as premium. An epoch emptied outside a claim closes.
 */
export function withdrawProtection(
  state: MetaPoolState,
  poolId: number,
  tokens: bigint,
  balance: bigint,
  now: bigint,
): Result<{ state: MetaPoolState; assets: bigint; premiumCharged: bigint }> {
  if (tokens === 0n) return fail({ name: "ZeroAmount" });
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const pool = poolAt(s, poolId);
  const held = min(balance, pool.supply);
  if (tokens > held) return fail({ name: "InsufficientCover", requested: tokens, balance: held });
  const assets = underlyingOf(s, poolId, tokens);
  let premiumCharged = 0n;
  const claim = pendingClaimOn(s, poolId);
  if (claim) {
    const share = mulDivUp(tokens, premiumDebt(pool), pool.supply);
    // Charged at most the tokens' share of K (rounded up); ceil(a) + floor(b) ≤ ceil(a + b) keeps K ≥ 0.
    premiumCharged = min(share, mulDivUp(tokens, pool.active, pool.supply));
    // The leaving tokens' share of the debt is settled: charged, or forgiven beyond K_i.
    pool.charged += share;
    creditPremium(s, premiumCharged);
  }
  pool.active -= assets + premiumCharged;
  pool.supply -= tokens;
  if (!claim) retireEmptiedEpoch(s, poolId);
  return ok({ state: s, assets, premiumCharged });
}
