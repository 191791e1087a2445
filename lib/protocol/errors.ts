/**
 * The protocol's reverts as values, named after the contracts' custom errors (SPEC §10) and
 * carrying the numbers a user needs to act. Names the SPEC does not fix are marked "mirror";
 * the error decoder maps the contracts' ABI errors onto these.
 */
export type ProtocolError =
  | { name: 'ZeroAmount' }
  | { name: 'MetaPoolIsShutDown' }
  | { name: 'ClaimPending'; claimId: bigint }
  | { name: 'SyncRequired'; remaining: number }
  | { name: 'CapacityExceeded'; available: bigint }
  | { name: 'InsufficientFreeCapital'; available: bigint }
  | { name: 'EarlierClaimPending'; claimId: bigint }
  /** mirror: amount below the MetaPool's minPurchase. */
  | { name: 'BelowMinPurchase'; minPurchase: bigint }
  /** mirror: a deposit that would mint 0 shares. */
  | { name: 'ZeroShares' }
  /** mirror: completeWithdrawal before unlockAt. */
  | { name: 'WithdrawalLocked'; unlockAt: bigint }
  /** mirror: completeWithdrawal after its window; only cancelling remains. */
  | { name: 'WithdrawalWindowClosed'; closedAt: bigint }
  /** mirror: more shares than the request (or the holder) has. */
  | { name: 'ExceedsBalance'; available: bigint }
  /** mirror: fileClaim on a pool with no active cover, or by a non-holder. */
  | { name: 'NoCover' }
  /** mirror: incidentTime outside [epoch opened, now]. */
  | { name: 'InvalidIncidentTime'; earliest: bigint; latest: bigint }
  /** mirror: no pending claim with this id. */
  | { name: 'UnknownClaim'; claimId: bigint }
  /** mirror: shutdown by a non-arbiter before a claim has been pending 30 days. */
  | { name: 'ShutdownNotAllowed'; allowedAt: bigint | null }
  /** mirror: exit before shutdown. */
  | { name: 'NotShutDown' }
  /** mirror: refundPurchase on a purchase that is not (or no longer) refundable. */
  | { name: 'NotRefundable'; purchaseId: bigint };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ProtocolError): Result<T> {
  return { ok: false, error };
}

/** Unwraps a Result, throwing the error (for tests and for callers that already checked). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.name} ${JSON.stringify(result.error, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  return result.value;
}
