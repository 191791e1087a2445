/** Test helpers for claim flows. */
import { fileClaim, resolveClaim, type Ruling } from "./claim";
import { unwrap } from "./errors";
import type { MetaPoolState, PendingClaim } from "./state";

/** The oldest pending claim of a state (throws if none). */
export function claimOf(state: MetaPoolState): PendingClaim {
  const claim = state.claims[0];
  if (!claim) throw new Error("no pending claim");
  return claim;
}

/** Files a claim on `poolId` at `filedAt` (incident = filedAt) and rules it at `ruledAt`. */
export function fileAndRule(
  state: MetaPoolState,
  poolId: number,
  valid: boolean,
  filedAt: bigint,
  ruledAt: bigint,
): { state: MetaPoolState; ruling: Ruling } {
  const pool = state.pools[poolId]!;
  const filed = unwrap(
    fileClaim(state, { poolId, incidentTime: pool.epochOpenedAt, filerTokens: pool.supply, now: filedAt }),
  );
  return unwrap(resolveClaim(filed.state, { claimId: filed.claim.id, valid, now: ruledAt }));
}
