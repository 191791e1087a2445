import { fail, ok, type Result } from "./errors";
import { min, mulDivDown, saturatingSub } from "./math";
import { payout } from "./payout";
import { closePoolEpoch, creditPremium, settleClaimDebt } from "./poolLedger";
import { premiumDue } from "./premium";
import { closeShareEpoch, isShareWipe } from "./shares";
import {
  pendingClaimOn,
  poolAt,
  type ClosedEpoch,
  type CoveragePoolState,
  type MetaPoolState,
  type PendingClaim,
} from "./state";
import { sync } from "./sync";
import { freeCapital } from "./utilisation";

/** Premium accrued but not charged on a pool while a claim on it is pending. */
export function premiumDebt(pool: CoveragePoolState): bigint {
  return saturatingSub(premiumDue(pool.owedWad), pool.charged);
}

/** `fileClaim(poolId, incidentTime, evidence)` by a holder of `filerTokens` current cover tokens. */
export function fileClaim(
  state: MetaPoolState,
  args: { poolId: number; incidentTime: bigint; filerTokens: bigint; now: bigint },
): Result<{ state: MetaPoolState; claim: PendingClaim }> {
  const synced = sync(state, args.now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  if (s.isShutDown) return fail({ name: "MetaPoolIsShutDown" });
  const { poolId, incidentTime, now } = args;
  const pool = poolAt(s, poolId);
  const pending = pendingClaimOn(s, poolId);
  if (pending) return fail({ name: "PoolClaimPending", poolId, claimId: pending.id });
  if (pool.active === 0n) return fail({ name: "NoActiveCover", poolId });
  if (args.filerTokens === 0n) return fail({ name: "NotCoverHolder", poolId });
  if (incidentTime < pool.epochOpenedAt)
    return fail({ name: "IncidentBeforeEpoch", incidentTime, epochOpenedAt: pool.epochOpenedAt });
  if (incidentTime > now) return fail({ name: "IncidentInFuture", incidentTime, nowTime: now });
  const claim: PendingClaim = { id: s.nextClaimId, poolId, incidentTime, filedAt: now, bond: s.params.claimBond };
  s.nextClaimId += 1n;
  s.claims.push(claim);
  return ok({ state: s, claim });
}

export interface Ruling {
  claim: PendingClaim;
  valid: boolean;
  /** P_i taken from C (valid rulings only). */
  payout: bigint;
  /** Premium owed during the claim that the ruling charged (from K_i, or from the redemption). */
  premiumCharged: bigint;
  /** Premium owed beyond what could be charged. */
  premiumForgiven: bigint;
  /** The epoch closed by a valid ruling, or lapsed by an invalid one's charge. */
  closedEpoch?: ClosedEpoch;
  /** Pending purchases made refundable (valid rulings). */
  refunded: bigint;
  /** The claim left too little capital behind the shares: the share epoch closed. */
  shareWipe: boolean;
}

/**
 * `resolveClaim(claimId, valid)` after sync. Invalid: the bond goes to C and the premium debt is
 * charged from K_i (capped, may lapse); once no claim is pending, frozen purchases restart their delay. Valid: the bond returns, P_i leaves C, the epoch closes
 * with K_i + P_i less the premium owed for its holders, pending purchases become refundable.
 */
export function resolveClaim(
  state: MetaPoolState,
  args: { claimId: bigint; valid: boolean; now: bigint },
): Result<{ state: MetaPoolState; ruling: Ruling }> {
  const claim = state.claims.find((c) => c.id === args.claimId);
  if (!claim) return fail({ name: "ClaimNotPending", claimId: args.claimId });
  if (state.claims[0] !== claim) return fail({ name: "EarlierClaimPending", claimId: state.claims[0]!.id });
  const synced = sync(state, args.now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  s.claims.shift();
  s.lastRulingAt = args.now;
  // The freeze ends with the last pending claim: frozen purchases restart their delay from here.
  if (s.claims.length === 0) s.freezeEndedAt = args.now;
  const ruling: Ruling = {
    claim,
    valid: args.valid,
    payout: 0n,
    premiumCharged: 0n,
    premiumForgiven: 0n,
    refunded: 0n,
    shareWipe: false,
  };
  if (!args.valid) {
    s.capital += claim.bond;
    const charge = settleClaimDebt(s, claim.poolId);
    ruling.premiumCharged = charge.amount;
    ruling.premiumForgiven = charge.forgiven;
    if (charge.lapsed) ruling.closedEpoch = charge.lapsed;
    return ok({ state: s, ruling });
  }
  payValidClaim(s, claim.poolId, ruling);
  ruling.refunded = refundAllPending(s);
  if (isShareWipe(s.capital, s.shareSupply)) {
    closeShareEpoch(s);
    ruling.shareWipe = true;
  }
  return ok({ state: s, ruling });
}

function payValidClaim(s: MetaPoolState, poolId: number, ruling: Ruling): void {
  const pool = poolAt(s, poolId);
  const debt = premiumDebt(pool);
  // No tokens left: nobody to pay, nothing taken from C.
  const p = pool.supply === 0n ? 0n : payout(pool.active, freeCapital(s.capital, s.pools), s.params.payoutMultiple);
  s.capital -= p;
  const gross = pool.active + p;
  const charged = min(debt, gross);
  creditPremium(s, charged);
  ruling.payout = p;
  ruling.premiumCharged = charged;
  ruling.premiumForgiven = debt - charged;
  const closed = closePoolEpoch(s, poolId, "claim", gross - charged);
  if (closed) ruling.closedEpoch = closed;
}

/** Every pending purchase becomes refundable in full; the queue empties. Returns the total. */
export function refundAllPending(s: MetaPoolState): bigint {
  let total = 0n;
  for (const entry of s.queue) if (!entry.refunded) total += entry.amount;
  s.queue = [];
  for (const pool of s.pools) pool.pending = 0n;
  s.refundsOwed += total;
  return total;
}

/**
 * `redeemPayout(poolId, epoch, receiver)`: the tokens' share of what is left of a closed epoch,
 * rounded down; the epoch shrinks by what was paid, so the last redeemer takes the rounding dust.
 */
export function redeemPayout(closed: ClosedEpoch, tokens: bigint): { assets: bigint; closed: ClosedEpoch } {
  const assets = closed.supply === 0n ? 0n : mulDivDown(tokens, closed.remaining, closed.supply);
  return { assets, closed: { ...closed, remaining: closed.remaining - assets, supply: closed.supply - tokens } };
}
