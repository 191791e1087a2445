// One MetaPool's numbers as a handler changes them: load the MetaPool and its coverage pools, let the handler
// change C, K, R, supplies and debts, then recompute what the contract's views derive (Σ K, Σ R, F, and each pool's
// utilisation, rate and payout, through the app's own bigint mirror in lib/protocol) and write everything back,
// with a snapshot for the history charts.
import type { Context, Event } from "ponder:registry";
import { activity, coveragePool, feeAccount, metaPool, snapshot } from "ponder:schema";
import type { Address } from "viem";

import { fundingRate } from "../../../lib/protocol/fundingRate";
import { payout } from "../../../lib/protocol/payout";
import { splitPremium } from "../../../lib/protocol/premium";
import { utilisation } from "../../../lib/protocol/utilisation";

export type Db = Context["db"];
export type MetaPoolRow = typeof metaPool.$inferSelect;
export type CoveragePoolRow = typeof coveragePool.$inferSelect;
/** What every handler gets from Ponder: the log, its block and transaction. */
export type AnyEvent = Pick<Event, "id" | "log" | "block" | "transaction">;

export interface MetaPoolState {
  mp: MetaPoolRow;
  pools: CoveragePoolRow[];
  /** The pools as loaded: only those that changed are written back. */
  loaded?: readonly CoveragePoolRow[];
}

export async function loadMetaPool(db: Db, address: Address): Promise<MetaPoolState> {
  const mp = await db.find(metaPool, { address });
  if (!mp) throw new Error(`event from ${address}, which no MetaPoolCreated announced`);
  const pools = await Promise.all(
    Array.from({ length: mp.poolCount }, async (_, poolId) => {
      const row = await db.find(coveragePool, { metaPool: address, poolId: BigInt(poolId) });
      if (!row) throw new Error(`MetaPool ${address} has no coverage pool ${poolId}`);
      return row;
    }),
  );
  return { mp: { ...mp }, pools: pools.map((p) => ({ ...p })), loaded: pools.map((p) => ({ ...p })) };
}

/** F as the views compute it: C − Σ K, clamped at 0, and 0 after shutdown (exits ignore cover). */
function derive(state: MetaPoolState): void {
  const { mp, pools } = state;
  mp.totalActive = pools.reduce((sum, p) => sum + p.active, 0n);
  mp.totalPending = pools.reduce((sum, p) => sum + p.pending, 0n);
  mp.freeCapital = mp.shutDown || mp.capital <= mp.totalActive ? 0n : mp.capital - mp.totalActive;
  const curve = { baseRate: mp.baseRate, slope1: mp.slope1, kink: mp.kink, slope2: mp.slope2 };
  for (const p of pools) {
    p.utilisation = utilisation(p.active, mp.freeCapital);
    p.rate = mp.shutDown ? 0n : fundingRate(curve, p.utilisation);
    p.payout = mp.shutDown || p.coverSupply === 0n ? 0n : payout(p.active, mp.freeCapital, BigInt(mp.payoutMultiple));
  }
}

/**
 * Runs `change` on the MetaPool that emitted `event`, then stores it, its pools and a snapshot named `kind`.
 * `change` may return false to say that nothing changed (no write, no snapshot).
 */
export async function updateMetaPool(
  context: Context,
  event: AnyEvent,
  kind: string,
  change: (state: MetaPoolState) => Promise<boolean | void> | boolean | void,
): Promise<MetaPoolState> {
  const state = await loadMetaPool(context.db, event.log.address);
  if ((await change(state)) === false) return state;
  await saveMetaPool(context, event, kind, state);
  return state;
}

export async function saveMetaPool(context: Context, event: AnyEvent, kind: string, state: MetaPoolState) {
  derive(state);
  const { mp, pools } = state;
  mp.updatedAt = event.block.timestamp;
  mp.updatedBlock = event.block.number;
  const { address, ...mpValues } = mp;
  await context.db.update(metaPool, { address }).set(mpValues);
  for (const [i, pool] of pools.entries()) {
    const before = state.loaded?.[i];
    if (before && (Object.keys(pool) as (keyof CoveragePoolRow)[]).every((key) => pool[key] === before[key])) continue;
    const { metaPool: poolOf, poolId, ...values } = pool;
    await context.db.update(coveragePool, { metaPool: poolOf, poolId }).set(values);
  }
  await context.db
    .insert(snapshot)
    .values({
      metaPool: address,
      block: event.block.number,
      logIndex: BigInt(event.log.logIndex),
      timestamp: event.block.timestamp,
      kind,
      capital: mp.capital,
      totalActive: mp.totalActive,
      totalPending: mp.totalPending,
      freeCapital: mp.freeCapital,
      shareSupply: mp.shareSupply,
      pools: pools.map((p) => ({
        active: p.active.toString(),
        pending: p.pending.toString(),
        utilisation: p.utilisation.toString(),
        rate: p.rate.toString(),
        payout: p.payout.toString(),
      })),
    })
    // A restarted Ponder replays the log; the same log writes the same row.
    .onConflictDoNothing();
}

export function poolOf(state: MetaPoolState, poolId: bigint | number): CoveragePoolRow {
  const pool = state.pools[Number(poolId)];
  if (!pool) throw new Error(`MetaPool ${state.mp.address} has no coverage pool ${poolId}`);
  return pool;
}

/** Premium charged outside a sync (claim debt): split as `Fees._chargePremium` does, capital's part added to C. */
export async function chargePremium(context: Context, state: MetaPoolState, amount: bigint) {
  if (amount === 0n) return;
  const { mp } = state;
  const split = splitPremium(amount, BigInt(mp.arbiterFeeBps), BigInt(mp.creatorFeeBps));
  mp.capital += split.capital;
  await bookPremium(context, state, split.capital, split.arbiter, split.creator);
}

/** Adds a premium split to the MetaPool's totals and the arbiter's and creator's collectable fees. */
export async function bookPremium(
  context: Context,
  state: MetaPoolState,
  toCapital: bigint,
  arbiterFee: bigint,
  creatorFee: bigint,
) {
  const { mp } = state;
  mp.premiumToCapital += toCapital;
  mp.arbiterFees += arbiterFee;
  mp.creatorFees += creatorFee;
  await creditFees(context, mp.address, mp.arbiter, { fees: arbiterFee });
  await creditFees(context, mp.address, mp.creator, { fees: creatorFee });
}

/** Credits `account`'s `claimFees` balance with fees or a returned bond. */
export async function creditFees(
  context: Context,
  metaPoolAddress: Address,
  account: Address,
  { fees = 0n, bonds = 0n }: { fees?: bigint; bonds?: bigint },
) {
  if (fees === 0n && bonds === 0n) return;
  await context.db
    .insert(feeAccount)
    .values({ metaPool: metaPoolAddress, account, fees, bonds, claimed: 0n, owed: fees + bonds })
    .onConflictDoUpdate((row) => ({ fees: row.fees + fees, bonds: row.bonds + bonds, owed: row.owed + fees + bonds }));
}

export interface ActivityFields {
  account?: Address | null;
  receiver?: Address | null;
  poolId?: bigint | number | null;
  ref?: bigint | null;
  assets?: bigint | null;
  shares?: bigint | null;
  tokens?: bigint | null;
}

/** One line of history for the event. */
export async function recordActivity(
  context: Context,
  event: AnyEvent,
  metaPoolAddress: Address,
  kind: string,
  fields: ActivityFields,
) {
  await context.db
    .insert(activity)
    .values({
      id: event.id,
      metaPool: metaPoolAddress,
      kind,
      ...fields,
      poolId: fields.poolId === undefined || fields.poolId === null ? null : BigInt(fields.poolId),
      block: event.block.number,
      logIndex: BigInt(event.log.logIndex),
      timestamp: event.block.timestamp,
      tx: event.transaction.hash,
    })
    .onConflictDoNothing();
}

/** Decimal strings for JSON columns (JSON has no bigint). */
export const decimals = (values: readonly bigint[]) => values.map((v) => v.toString());
