import { LAPSE_DENOMINATOR, MAX_SYNC_ITEMS } from "./constants";
import { fail, ok, type Result } from "./errors";
import { mulDivDown } from "./math";
import type { MetaPoolState } from "./state";
import { dueCount, projectTo, sync } from "./sync";

/**
 * Underwriter shares, ERC-4626 style with OpenZeppelin's virtual share and asset (decimalsOffset
 * 0): one virtual share backed by one virtual wei keeps a first-depositor donation unprofitable.
 * Both directions round down, in the pool's favour.
 */

/** floor(assets × (supply + 1) / (C + 1)); 1:1 when there are no shares (ERC-4626 `convertToShares`; a deposit then mints more: see previewDeposit). */
export function convertToShares(assets: bigint, capital: bigint, supply: bigint): bigint {
  return supply === 0n ? assets : mulDivDown(assets, supply + 1n, capital + 1n);
}

/** floor(shares × (C + 1) / (supply + 1)); 1:1 when there are no shares. */
export function convertToAssets(shares: bigint, capital: bigint, supply: bigint): bigint {
  return supply === 0n ? shares : mulDivDown(shares, capital + 1n, supply + 1n);
}

/**
 * Shares a deposit of `assets` mints (`previewDeposit`): convertToShares, except that with no
 * shares at all the depositor also takes whatever capital was left, as shares at exactly 1:1
 * (assets + C). Minting only `assets` would leave a few shares priced above 1, and the next
 * depositor would lose up to a whole share's price to rounding.
 */
export function previewDeposit(assets: bigint, capital: bigint, supply: bigint): bigint {
  return supply === 0n ? assets + capital : convertToShares(assets, capital, supply);
}

/** Why deposits are refused right now, if they are. */
export function depositBlocker(state: MetaPoolState) {
  if (state.isShutDown) return { name: "MetaPoolIsShutDown" } as const;
  const claim = state.claims[0];
  if (claim) return { name: "ClaimPending", claimId: claim.id } as const;
  return undefined;
}

const MAX_UINT128 = (1n << 128n) - 1n;

/**
 * ERC-4626 `maxDeposit` at `now`: 0 whenever `deposit` would revert for everyone (shut down, a
 * claim pending, or more than 16 purchases due so its sync reverts `SyncRequired`), else what
 * capital (a uint128) can still take. Pass the stored state; the view projects it.
 */
export function maxDeposit(state: MetaPoolState, now: bigint): bigint {
  if (depositBlocker(state) || dueCount(state, now) > MAX_SYNC_ITEMS) return 0n;
  return MAX_UINT128 - projectTo(state, now).capital;
}

/** `deposit(assets, receiver)`: sync, then mint shares to the depositor. */
export function deposit(
  state: MetaPoolState,
  assets: bigint,
  now: bigint,
): Result<{ state: MetaPoolState; shares: bigint }> {
  if (assets === 0n) return fail({ name: "ZeroAmount" });
  const synced = sync(state, now);
  if (!synced.ok) return synced;
  const s = synced.value.state;
  const blocker = depositBlocker(s);
  if (blocker) return fail(blocker);
  const shares = previewDeposit(assets, s.capital, s.shareSupply);
  if (shares === 0n) return fail({ name: "ZeroShares", assets });
  s.capital += assets;
  s.shareSupply += shares;
  return ok({ state: s, shares });
}

/** A claim left less than 1e-9 of the shares' 1:1 value behind them: the share epoch closes. */
export function isShareWipe(capital: bigint, supply: bigint): boolean {
  return supply > 0n && capital * LAPSE_DENOMINATOR < supply;
}

/**
 * Closes the share epoch (mutates a draft): every share converts into floor(shares × C / supply)
 * new shares. The mirror uses the global-scale form, new supply = floor(supply × C / supply) = C;
 * per-account floors sum to at most that, and the difference is dust that stays in C.
 */
export function closeShareEpoch(s: MetaPoolState): void {
  s.shareEpochCloses.push({ capital: s.capital, supply: s.shareSupply });
  s.shareEpoch += 1n;
  s.shareSupply = s.capital;
}

/** A holding from share epoch `fromEpoch` expressed in the current epoch's shares. */
export function sharesInCurrentEpoch(state: MetaPoolState, shares: bigint, fromEpoch: bigint): bigint {
  let converted = shares;
  for (let e = fromEpoch; e < state.shareEpoch; e++) {
    const close = state.shareEpochCloses[Number(e)];
    if (!close) throw new RangeError(`unknown share epoch ${e}`);
    converted = mulDivDown(converted, close.capital, close.supply);
  }
  return converted;
}
