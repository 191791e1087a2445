/**
 * The differential test's comparison at one block: metaPoolView (capital, free capital, per pool active, pending,
 * payout, utilisation, rate, premium speed, debt, cover supply, epoch; freeze end and last ruling), feesOwed,
 * previewBuy, previewDeposit, maxDeposit, previewWithdrawal of open requests, the effective maturity of every queued
 * purchase, share balances, cover balances and their underlying, each against the mirror projected to the block's time.
 */
import type { Address } from "viem";

import { abis, type publicClient } from "@/lib/testing/chain/client";

import {
  convertToAssets,
  effectiveMaturity,
  freeCapital,
  fundingRate,
  maxDeposit,
  min,
  mulDivDown,
  payout as payoutOf,
  pendingClaimOn,
  poolView,
  premiumDebt,
  premiumSpeeds,
  previewDeposit,
  projectTo,
  purchaseCapacity,
  sharesInCurrentEpoch,
  totalActive,
  totalPending,
  underlyingOf,
  utilisation,
  type MetaPoolState,
} from "../index";
import { expectEqual } from "./mismatch";
import { key, ONE, owedTo, POOLS, type Actors, type Model } from "./model";

/** Who the comparison reads through, and whose balances it checks. */
export interface CompareEnv {
  reader: ReturnType<typeof publicClient>;
  actors: Actors;
}

/** The premium speeds a view at `now` reports: fixed by the projecting sync after its last maturity (SPEC §6). */
export function projectedSpeeds(state: MetaPoolState, now: bigint, projected: MetaPoolState): bigint[] {
  let fixedFrom = state;
  const due =
    state.claims.length === 0 && !state.isShutDown ? state.queue.filter((q) => effectiveMaturity(state, q) <= now) : [];
  if (due.length > 0)
    fixedFrom = projectTo(
      state,
      due.reduce((t, q) => (effectiveMaturity(state, q) > t ? effectiveMaturity(state, q) : t), 0n),
    );
  // A pool whose epoch closed since the speeds were fixed pays nothing for the rest of that sync.
  return premiumSpeeds(fixedFrom).map((speed, i) =>
    projected.pools[i]!.epoch !== fixedFrom.pools[i]!.epoch ? 0n : speed,
  );
}

export async function compare(
  { reader, actors }: CompareEnv,
  model: Model,
  address: Address,
  now: bigint,
  blockNumber: bigint,
  where: string,
) {
  const { arbiter, creator, seekers, underwriters } = actors;
  const p = projectTo(model.state, now);
  const at = { blockNumber } as const;
  const read = (functionName: string, args: unknown[] = []) =>
    reader.readContract({
      address,
      abi: abis.metaPool,
      functionName: functionName as never,
      args: args as never,
      ...at,
    }) as Promise<unknown>;
  const openRequests = [...model.requests].filter(
    ([, r]) => sharesInCurrentEpoch(p, r.request.shares, r.request.shareEpoch) > 0n,
  );
  const buyPool = Number(now % BigInt(POOLS));
  const buyAmount = (now % 997n) * ONE + 1n;
  const coverKeys = [...model.cover].filter(([, v]) => v > 0n).map(([k]) => k.split(":"));
  const depositAmount = (now % 991n) * ONE + (now % 7n);
  const queued = p.queue.filter((e) => !e.refunded);
  const [block, view, fees, buy, withdraws, underlying, shareBalances, depositPreview, depositMax, purchases] =
    await Promise.all([
      reader.getBlock(at),
      read("metaPoolView") as Promise<{
        capital: bigint;
        freeCapital: bigint;
        totalActive: bigint;
        totalPending: bigint;
        shareSupply: bigint;
        shutDown: boolean;
        pendingClaims: bigint;
        lastRulingAt: number;
        freezeEndedAt: number;
        pools: readonly {
          epoch: number;
          active: bigint;
          pending: bigint;
          coverSupply: bigint;
          payout: bigint;
          utilisation: bigint;
          rate: bigint;
          premiumSpeed: bigint;
          debt: bigint;
          epochOpenedAt: number;
        }[];
      }>,
      Promise.all([arbiter, creator, ...seekers].map((a) => read("feesOwed", [a]) as Promise<bigint>)),
      read("previewBuy", [BigInt(buyPool), buyAmount]) as Promise<{
        capacity: bigint;
        pendingAhead: bigint;
        maturesAt: number;
        rateNow: bigint;
        rateAfter: bigint;
        payoutAfter: bigint;
        premiumSpeedAfter: bigint;
      }>,
      Promise.all(
        openRequests.map(
          ([id]) =>
            read("previewWithdrawal", [id]) as Promise<{
              shares: bigint;
              assets: bigint;
              assetsAtRequest: bigint;
              sharesIfCancelled: bigint;
              unlockAt: number;
            }>,
        ),
      ),
      Promise.all(
        coverKeys.map(
          ([pool, epoch, holder]) =>
            read("coverUnderlying", [
              BigInt(pool!),
              BigInt(epoch!),
              model.cover.get(key(pool!, epoch!, holder!))!,
            ]) as Promise<bigint>,
        ),
      ),
      Promise.all(underwriters.map((u) => read("balanceOf", [u]) as Promise<bigint>)),
      read("previewDeposit", [depositAmount]) as Promise<bigint>,
      read("maxDeposit", [underwriters[0]!]) as Promise<bigint>,
      Promise.all(
        queued.map((e) => read("purchase", [e.id]) as Promise<{ maturesAt: number; status: number; amount: bigint }>),
      ),
    ]);
  const eq = (got: unknown, want: unknown, what: string) => expectEqual(got, want, `${where}: ${what}`);
  eq(block.timestamp, now, "block time");
  const free = p.isShutDown ? 0n : freeCapital(p.capital, p.pools);
  eq(view.capital, p.capital, "capital");
  eq(view.freeCapital, free, "freeCapital");
  eq(view.totalActive, totalActive(p.pools), "totalActive");
  eq(view.totalPending, totalPending(p.pools), "totalPending");
  eq(view.shareSupply, p.shareSupply, "shareSupply");
  eq(view.shutDown, p.isShutDown, "shutDown");
  eq(view.pendingClaims, BigInt(p.claims.length), "pendingClaims");
  eq(BigInt(view.lastRulingAt), p.lastRulingAt, "lastRulingAt");
  eq(BigInt(view.freezeEndedAt), p.freezeEndedAt, "freezeEndedAt");
  // previewDeposit mints what deposit would (assets + C into an empty share supply); maxDeposit is 0 whenever
  // deposit reverts for everyone (shut down, a claim pending, more than 16 purchases due).
  eq(depositPreview, previewDeposit(depositAmount, p.capital, p.shareSupply), `previewDeposit(${depositAmount})`);
  eq(depositMax, maxDeposit(model.state, now), "maxDeposit");
  // Every purchase still queued reports its effective maturity: max(maturesAt, freezeEndedAt + purchaseDelay).
  queued.forEach((e, k) => {
    eq(BigInt(purchases[k]!.maturesAt), effectiveMaturity(p, e), `purchase(${e.id}).maturesAt`);
    eq(purchases[k]!.amount, e.amount, `purchase(${e.id}).amount`);
  });
  const speeds = projectedSpeeds(model.state, now, p);
  p.pools.forEach((pool, i) => {
    const v = view.pools[i]!;
    const pv = poolView(p, i);
    const u = utilisation(pool.active, free);
    eq(BigInt(v.epoch), pool.epoch, `pool ${i} epoch`);
    eq(v.active, pool.active, `pool ${i} active`);
    eq(v.pending, pool.pending, `pool ${i} pending`);
    eq(v.coverSupply, pool.supply, `pool ${i} coverSupply`);
    eq(v.utilisation, u, `pool ${i} utilisation`);
    eq(v.rate, p.isShutDown ? 0n : fundingRate(p.params.curve, u), `pool ${i} rate`);
    // The view shows 0 for a pool without tokens (a valid claim would take nothing, SPEC §7).
    eq(v.payout, pool.supply === 0n ? 0n : pv.payout, `pool ${i} payout`);
    eq(v.premiumSpeed, speeds[i], `pool ${i} premiumSpeed`);
    eq(v.debt, pendingClaimOn(p, i) ? premiumDebt(pool) : 0n, `pool ${i} debt`);
    if (pool.epochOpenedAt !== 0n) eq(BigInt(v.epochOpenedAt), pool.epochOpenedAt, `pool ${i} epochOpenedAt`);
  });
  [arbiter, creator, ...seekers].forEach((a, k) => eq(fees[k], owedTo(model, actors, a, p), `feesOwed(${a})`));
  // previewBuy, by the contract's formula over the mirror's primitives: pending purchases reserve nothing.
  {
    const pool = p.pools[buyPool]!;
    eq(buy.capacity, p.isShutDown || p.claims.length > 0 ? 0n : purchaseCapacity(p), "previewBuy capacity (C − ΣK)");
    eq(buy.pendingAhead, totalPending(p.pools), "previewBuy pendingAhead (ΣR)");
    eq(BigInt(buy.maturesAt), now + p.params.purchaseDelay, "previewBuy maturesAt");
    const rateOf = (a: bigint, f: bigint) => (p.isShutDown ? 0n : fundingRate(p.params.curve, utilisation(a, f)));
    const accepted = min(buyAmount, free);
    eq(buy.rateNow, rateOf(pool.active, free), "previewBuy rateNow");
    eq(buy.rateAfter, rateOf(pool.active + accepted, free - accepted), "previewBuy rateAfter");
    const payoutAfter = payoutOf(pool.active + accepted, free - accepted, p.params.payoutMultiple);
    eq(buy.payoutAfter, payoutAfter, "previewBuy payoutAfter");
    eq(
      buy.premiumSpeedAfter,
      rateOf(pool.active + accepted, free - accepted) * payoutAfter,
      "previewBuy premiumSpeedAfter",
    );
  }
  openRequests.forEach(([id, { request }], k) => {
    const q = withdraws[k]!;
    const shares = sharesInCurrentEpoch(p, request.shares, request.shareEpoch);
    eq(q.shares, shares, `previewWithdrawal(${id}) shares`);
    eq(q.assetsAtRequest, request.assetsAtRequest, `previewWithdrawal(${id}) assetsAtRequest`);
    eq(
      q.assets,
      min(request.assetsAtRequest, convertToAssets(shares, p.capital, p.shareSupply)),
      `previewWithdrawal(${id}) assets`,
    );
    eq(BigInt(q.unlockAt), request.unlockAt, `previewWithdrawal(${id}) unlockAt`);
  });
  coverKeys.forEach(([pool, epoch, holder], k) => {
    const poolId = Number(pool);
    const tokens = model.cover.get(key(pool!, epoch!, holder!))!;
    const e = BigInt(epoch!);
    let want: bigint;
    if (e === p.pools[poolId]!.epoch) want = tokens > p.pools[poolId]!.supply ? 0n : underlyingOf(p, poolId, tokens);
    else {
      const c = p.closedEpochs.find((x) => x.poolId === poolId && x.epoch === e);
      want = !c || c.supply === 0n ? 0n : mulDivDown(tokens, c.remaining, c.supply);
    }
    eq(underlying[k], want, `coverUnderlying(pool ${poolId}, epoch ${e}) of ${holder}`);
  });
  underwriters.forEach((u, k) => {
    const b = model.shares.get(u);
    eq(shareBalances[k], b ? sharesInCurrentEpoch(p, b.amount, b.epoch) : 0n, `share balance of ${u}`);
  });
}
