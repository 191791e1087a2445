/**
 * The differential test's model: the TypeScript mirror's MetaPool state plus everything it does not hold per account
 * (share and cover balances, withdrawal requests, bonds owed back), and the bookkeeping that keeps them in step.
 */
import type { Address } from "viem";

import { DAY, HOUR, sharesInCurrentEpoch, type MetaPoolState, type WithdrawalRequest } from "../index";
import type { prng } from "../testkit";

export const ONE = 10n ** 6n; // dUSD
export const POOLS = 3;
export const WITHDRAWAL_PERIOD = DAY;
export const PURCHASE_DELAY = 2n * HOUR;

export type Rng = ReturnType<typeof prng>;
export const key = (...parts: (string | number | bigint)[]) => parts.join(":");
export const addressKey = (a: Address) => a.toLowerCase();

/** The accounts a sequence acts with. */
export interface Actors {
  creator: Address;
  arbiter: Address;
  underwriters: Address[];
  seekers: Address[];
  outsider: Address;
}

/** Everything the mirror does not hold per account: share and cover balances, requests, bonds owed back. */
export interface Model {
  state: MetaPoolState;
  shares: Map<Address, { amount: bigint; epoch: bigint }>;
  requests: Map<bigint, { owner: Address; request: WithdrawalRequest }>;
  purchaseReceiver: Map<bigint, Address>;
  /** maturesAt each purchase was bought with (a claim freeze may restart it later). */
  boughtMaturesAt: Map<bigint, bigint>;
  /** cover token balances by pool:epoch:holder */
  cover: Map<string, bigint>;
  bondsOwed: Map<Address, bigint>;
}

export function applySync(
  model: Model,
  outcome: { state: MetaPoolState; matured: { purchaseId: bigint; poolId: number; tokens: bigint; epoch: bigint }[] },
) {
  model.state = outcome.state;
  for (const m of outcome.matured) {
    if (m.tokens > 0n) addCover(model, m.poolId, m.epoch, model.purchaseReceiver.get(m.purchaseId)!, m.tokens);
  }
}

export function shareBalance(model: Model, who: Address): bigint {
  const b = model.shares.get(who);
  return b ? sharesInCurrentEpoch(model.state, b.amount, b.epoch) : 0n;
}

export function addShares(model: Model, who: Address, delta: bigint) {
  model.shares.set(who, { amount: shareBalance(model, who) + delta, epoch: model.state.shareEpoch });
}

export function coverOf(model: Model, poolId: number, epoch: bigint, holder: Address): bigint {
  return model.cover.get(key(poolId, epoch, holder)) ?? 0n;
}

export function addCover(model: Model, poolId: number, epoch: bigint, holder: Address, delta: bigint) {
  model.cover.set(key(poolId, epoch, holder), coverOf(model, poolId, epoch, holder) + delta);
}

export function coverHolders(model: Model, seekers: Address[]) {
  const out: { poolId: number; holder: Address; tokens: bigint }[] = [];
  model.state.pools.forEach((pool, poolId) => {
    for (const holder of seekers) {
      const tokens = coverOf(model, poolId, pool.epoch, holder);
      if (tokens > 0n) out.push({ poolId, holder, tokens });
    }
  });
  return out;
}

export function owe(model: Model, who: Address, amount: bigint) {
  model.bondsOwed.set(who, (model.bondsOwed.get(who) ?? 0n) + amount);
}

export function owedTo(
  model: Model,
  { arbiter, creator }: Actors,
  who: Address,
  state: MetaPoolState = model.state,
): bigint {
  return (
    (model.bondsOwed.get(who) ?? 0n) +
    (who === arbiter ? state.fees.arbiter : 0n) +
    (who === creator ? state.fees.creator : 0n)
  );
}
