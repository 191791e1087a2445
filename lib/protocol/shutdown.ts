import { CLAIM_TIMEOUT } from './constants';
import { refundAllPending } from './claim';
import { fail, ok, type Result } from './errors';
import { chargePool } from './poolLedger';
import type { MetaPoolState, PendingClaim } from './state';
import { sync } from './sync';

/** When anyone (not only the arbiter) may shut down: 30 days after the oldest pending claim. */
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
  if (s.isShutDown) return fail({ name: 'MetaPoolIsShutDown' });
  const openAt = shutdownOpenAt(s);
  const allowed = openAt === null ? args.byArbiter : args.now >= openAt;
  if (!allowed) return fail({ name: 'ShutdownNotAllowed', allowedAt: openAt });
  const voided = s.claims;
  s.claims = [];
  for (const claim of voided) chargePool(s, claim.poolId);
  const refunded = refundAllPending(s);
  s.isShutDown = true;
  return ok({ state: s, voided, refunded });
}
