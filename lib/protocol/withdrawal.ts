import { WITHDRAWAL_WINDOW } from "./constants";
import { fail, ok, type Result } from "./errors";
import { max, min, mulDivDown } from "./math";
import { convertToAssets, convertToShares, sharesInCurrentEpoch } from "./shares";
import type { MetaPoolState } from "./state";
import { sync } from "./sync";
import { freeCapital } from "./utilisation";

/**
 * Underwriter withdrawals (SPEC §4): request, wait withdrawalPeriod, then complete inside a
 * 7-day window under the min rule, or cancel. Requested shares stay in the supply (in custody):
 * they bear losses but earn nothing after the request.
 */
export interface WithdrawalRequest {
  shares: bigint;
  assetsAtRequest: bigint;
  unlockAt: bigint;
  /** Share epoch the shares are counted in. */
  shareEpoch: bigint;
}

type Outcome<T> = Result<T & { state: MetaPoolState }>;

/** `requestWithdrawal(shares)`: records what the shares are worth now. */
export function requestWithdrawal(
  state: MetaPoolState,
  shares: bigint,
  balance: bigint,
  now: bigint,
): Outcome<{ request: WithdrawalRequest }> {
  if (shares === 0n) return fail({ name: "ZeroAmount" });
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  if (shares > balance) return fail({ name: "InsufficientShares", requested: shares, balance });
  const request: WithdrawalRequest = {
    shares,
    assetsAtRequest: convertToAssets(shares, s.capital, s.shareSupply),
    unlockAt: now + s.params.withdrawalPeriod,
    shareEpoch: s.shareEpoch,
  };
  return ok({ state: s, request });
}

/** From unlockAt until 7 days after max(unlockAt, last claim ruling). */
export function withdrawalWindow(
  state: MetaPoolState,
  request: WithdrawalRequest,
): { opensAt: bigint; closesAt: bigint } {
  return { opensAt: request.unlockAt, closesAt: max(request.unlockAt, state.lastRulingAt) + WITHDRAWAL_WINDOW };
}

/** The request in current-epoch shares (a claim wipe may have converted them). */
export function currentRequest(state: MetaPoolState, request: WithdrawalRequest): WithdrawalRequest {
  if (request.shareEpoch === state.shareEpoch) return request;
  return {
    ...request,
    shares: sharesInCurrentEpoch(state, request.shares, request.shareEpoch),
    shareEpoch: state.shareEpoch,
  };
}

/** The min rule: min(shares × assetsAtRequest / requestShares, convertToAssets(shares)), both rounded down. */
export function previewWithdrawal(state: MetaPoolState, request: WithdrawalRequest, shares: bigint): bigint {
  const r = currentRequest(state, request);
  if (r.shares === 0n) return 0n;
  return min(
    mulDivDown(shares, r.assetsAtRequest, r.shares),
    convertToAssets(shares, state.capital, state.shareSupply),
  );
}

/**
 * `completeWithdrawal(requestId, shares, receiver)`: pays under the min rule, burns the shares and
 * shrinks the request pro rata (assetsAtRequest rounded down). After shutdown it pays at once,
 * with no window and no free-capital cap.
 */
export function completeWithdrawal(
  state: MetaPoolState,
  request: WithdrawalRequest,
  shares: bigint,
  now: bigint,
): Outcome<{ assets: bigint; request: WithdrawalRequest }> {
  if (shares === 0n) return fail({ name: "ZeroAmount" });
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const r = currentRequest(s, request);
  if (shares > r.shares) return fail({ name: "InsufficientRequestShares", requested: shares, available: r.shares });
  if (!s.isShutDown) {
    const claim = s.claims[0];
    if (claim) return fail({ name: "ClaimPending", claimId: claim.id });
    const { opensAt, closesAt } = withdrawalWindow(s, r);
    if (now < opensAt) return fail({ name: "WithdrawalLocked", unlockAt: opensAt });
    if (now > closesAt) return fail({ name: "WithdrawalWindowClosed", windowEnd: closesAt });
  }
  const assets = previewWithdrawal(s, r, shares);
  if (!s.isShutDown) {
    const available = freeCapital(s.capital, s.pools);
    if (assets > available) return fail({ name: "InsufficientFreeCapital", available });
  }
  s.capital -= assets;
  s.shareSupply -= shares;
  const left = r.shares - shares;
  return ok({
    state: s,
    assets,
    request: { ...r, shares: left, assetsAtRequest: mulDivDown(r.assetsAtRequest, left, r.shares) },
  });
}

/**
 * `cancelWithdrawal(requestId)`: returns min(shares, convertToShares(assetsAtRequest)), worth at
 * most assetsAtRequest, and burns the rest, so a request is never a free option on premiums.
 */
export function cancelWithdrawal(
  state: MetaPoolState,
  request: WithdrawalRequest,
  now: bigint,
): Outcome<{ returned: bigint; burned: bigint }> {
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const r = currentRequest(s, request);
  const returned = min(r.shares, convertToShares(r.assetsAtRequest, s.capital, s.shareSupply));
  const burned = r.shares - returned;
  s.shareSupply -= burned;
  return ok({ state: s, returned, burned });
}

/** `exit(shares, receiver)`, after shutdown only: convertToAssets(shares), ignoring cover. */
export function exit(state: MetaPoolState, shares: bigint, balance: bigint, now: bigint): Outcome<{ assets: bigint }> {
  if (shares === 0n) return fail({ name: "ZeroAmount" });
  if (!state.isShutDown) return fail({ name: "MetaPoolNotShutDown" });
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  if (shares > balance) return fail({ name: "InsufficientShares", requested: shares, balance });
  const assets = convertToAssets(shares, s.capital, s.shareSupply);
  s.capital -= assets;
  s.shareSupply -= shares;
  return ok({ state: s, assets });
}
