// MetaPools from the factory, syncs (premium accrual), fees, shutdown.
import { ponder } from "ponder:registry";
import { coveragePool, feeAccount, metaPool, sync } from "ponder:schema";
import { erc20Abi } from "viem";

import { unpackSyncedPool } from "../../lib/protocol/syncedPools";
import {
  bookPremium,
  decimals,
  poolOf,
  recordActivity,
  saveMetaPool,
  updateMetaPool,
  type MetaPoolState,
} from "./lib/state";

ponder.on("MetaPoolFactory:MetaPoolCreated", async ({ event, context }) => {
  const { metaPool: address, creator, arbiter, asset, index, params } = event.args;
  const [assetDecimals, assetSymbol] = await Promise.all([
    context.client.readContract({ abi: erc20Abi, address: asset, functionName: "decimals" }),
    // A symbol is a courtesy of the token, not a requirement of the protocol.
    context.client.readContract({ abi: erc20Abi, address: asset, functionName: "symbol" }).catch(() => ""),
  ]);
  const row = {
    address,
    factory: event.log.address,
    index,
    creator,
    arbiter,
    asset,
    assetSymbol,
    assetDecimals,
    name: params.name,
    protectionStatement: params.protectionStatement,
    arbiterFeeBps: params.arbiterFeeBps,
    creatorFeeBps: params.creatorFeeBps,
    baseRate: params.curve.baseRate,
    slope1: params.curve.slope1,
    kink: params.curve.kink,
    slope2: params.curve.slope2,
    payoutMultiple: params.payoutMultiple,
    withdrawalPeriod: params.withdrawalPeriod,
    purchaseDelay: params.purchaseDelay,
    claimBond: params.claimBond,
    minPurchase: params.minPurchase,
    poolCount: params.pools.length,
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    createdTx: event.transaction.hash,
    capital: 0n,
    totalActive: 0n,
    totalPending: 0n,
    freeCapital: 0n,
    shareSupply: 0n,
    shareEpoch: 0n,
    shutDown: false,
    shutDownAt: null,
    pendingClaims: 0,
    lastSyncAt: event.block.timestamp,
    lastRulingAt: null,
    premiumToCapital: 0n,
    arbiterFees: 0n,
    creatorFees: 0n,
    purchaseCount: 0,
    requestCount: 0,
    claimCount: 0,
    updatedAt: event.block.timestamp,
    updatedBlock: event.block.number,
  };
  await context.db.insert(metaPool).values(row);
  const pools = params.pools.map((p, poolId) => ({
    metaPool: address,
    poolId: BigInt(poolId),
    name: p.name,
    description: p.description,
    epoch: 0n,
    token: null,
    epochOpenedAt: null,
    active: 0n,
    pending: 0n,
    coverSupply: 0n,
    debt: 0n,
    pendingClaimId: null,
    utilisation: 0n,
    rate: 0n,
    payout: 0n,
  }));
  await context.db.insert(coveragePool).values(pools);
  const state: MetaPoolState = { mp: row, pools };
  await saveMetaPool(context, event, "MetaPoolCreated", state);
  await recordActivity(context, event, address, "MetaPoolCreated", { account: creator });
});

ponder.on("MetaPool:Synced", async ({ event, context }) => {
  const { timestamp, capital, pools, premiumToCapital, arbiterFees, creatorFees } = event.args;
  const synced = pools.map(unpackSyncedPool);
  const active = synced.map((p) => p.active);
  const debt = synced.map((p) => p.debt);
  await updateMetaPool(context, event, "Synced", async (state) => {
    state.mp.capital = capital;
    state.mp.lastSyncAt = BigInt(timestamp);
    synced.forEach((p, i) => {
      const pool = poolOf(state, i);
      pool.active = p.active;
      pool.debt = p.debt;
    });
    await bookPremium(context, state, premiumToCapital, arbiterFees, creatorFees);
  });
  await context.db.insert(sync).values({
    metaPool: event.log.address,
    block: event.block.number,
    logIndex: BigInt(event.log.logIndex),
    timestamp: BigInt(timestamp),
    capital,
    active: decimals(active),
    debt: decimals(debt),
    premiumToCapital,
    arbiterFees,
    creatorFees,
    tx: event.transaction.hash,
  });
});

ponder.on("MetaPool:FeesClaimed", async ({ event, context }) => {
  const { account, receiver, amount } = event.args;
  await context.db
    .update(feeAccount, { metaPool: event.log.address, account })
    .set((row) => ({ claimed: row.claimed + amount, owed: row.owed - amount }));
  await recordActivity(context, event, event.log.address, "FeesClaimed", { account, receiver, assets: amount });
});

ponder.on("MetaPool:MetaPoolShutDown", async ({ event, context }) => {
  const { caller, timestamp } = event.args;
  await updateMetaPool(context, event, "MetaPoolShutDown", (state) => {
    state.mp.shutDown = true;
    state.mp.shutDownAt = BigInt(timestamp);
    state.mp.pendingClaims = 0;
  });
  await recordActivity(context, event, event.log.address, "MetaPoolShutDown", { account: caller });
});
