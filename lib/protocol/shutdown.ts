import { refundAllPending } from "./claim";
import { CLAIM_TIMEOUT } from "./constants";
import { fail, ok, type Result } from "./errors";
import { settleClaimDebt } from "./poolLedger";
import type { MetaPoolState, PendingClaim } from "./state";
import { sync } from "./sync";

/** When anyone (the arbiter included) may shut down while claims are pending: 30 days after the oldest. */
export function shutdownOpenAt(state: MetaPoolState): bigint | null {
  const oldest = state.claims[0];
  return oldest ? oldest.filedAt + CLAIM_TIMEOUT : null;
}

/**
 * `shutdown()` (SPEC §8): by the arbiter when no claim is pending, or by anyone once a claim has
 * been pending 30 days. Voids pending claims (bonds back, premium debt charged as by an invalid
 * ruling), makes pending purchases refundable, and sets the funding rate to 0 for ever.
 */
export function shutdown(
  state: MetaPoolState,
  args: { byArbiter: boolean; now: bigint },
): Result<{ state: MetaPoolState; voided: PendingClaim[]; refunded: bigint }> {
  const synced = sync(state, args.now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  if (s.isShutDown) return fail({ name: "MetaPoolIsShutDown" });
  const oldest = s.claims[0];
  if (!oldest && !args.byArbiter) return fail({ name: "NotArbiter" });
  if (oldest && args.now < oldest.filedAt + CLAIM_TIMEOUT) {
    return fail({ name: "ShutdownNotAllowed", claimId: oldest.id, allowedAt: oldest.filedAt + CLAIM_TIMEOUT });
  }
  const voided = s.claims;
  s.claims = [];
  for (const claim of voided) settleClaimDebt(s, claim.poolId);
  const refunded = refundAllPending(s);
  s.freezeEndedAt = args.now;
  s.isShutDown = true;
  return ok({ state: s, voided, refunded });
}
