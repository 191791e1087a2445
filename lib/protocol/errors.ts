/**
 * The protocol's reverts as values: the same names and arguments as the contracts' custom errors
 * (contracts/src/interfaces/IMetaPoolErrors.sol), so one decoder can word both.
 */
export type ProtocolError =
  | { name: "ZeroAmount" }
  | { name: "MetaPoolIsShutDown" }
  | { name: "MetaPoolNotShutDown" }
  | { name: "ClaimPending"; claimId: bigint }
  | { name: "SyncRequired"; remaining: number }
  | { name: "InvalidMaxItems"; maxItems: number }
  | { name: "CapacityExceeded"; available: bigint }
  | { name: "BelowMinPurchase"; amount: bigint; minPurchase: bigint }
  | { name: "InsufficientFreeCapital"; available: bigint }
  | { name: "ZeroShares"; assets: bigint }
  | { name: "InsufficientShares"; requested: bigint; balance: bigint }
  | { name: "InsufficientRequestShares"; requested: bigint; available: bigint }
  | { name: "InsufficientCover"; requested: bigint; balance: bigint }
  | { name: "WithdrawalLocked"; unlockAt: bigint }
  | { name: "WithdrawalWindowClosed"; windowEnd: bigint }
  | { name: "PurchaseNotRefundable"; purchaseId: bigint; maturesAt: bigint }
  | { name: "NoActiveCover"; poolId: number }
  | { name: "NotCoverHolder"; poolId: number }
  | { name: "PoolClaimPending"; poolId: number; claimId: bigint }
  | { name: "IncidentBeforeEpoch"; incidentTime: bigint; epochOpenedAt: bigint }
  | { name: "IncidentInFuture"; incidentTime: bigint; nowTime: bigint }
  | { name: "EarlierClaimPending"; claimId: bigint }
  | { name: "ClaimNotPending"; claimId: bigint }
  | { name: "NotArbiter" }
  | { name: "ShutdownNotAllowed"; claimId: bigint; allowedAt: bigint };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ProtocolError): Result<T> {
  return { ok: false, error };
}

/** Unwraps a Result, throwing the error (for tests and for callers that already checked). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(
      `${result.error.name} ${JSON.stringify(result.error, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`,
    );
  return result.value;
}
