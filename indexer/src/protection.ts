// Seekers: purchases and their queue, cover epochs and tokens, withdrawing cover, redeeming closed epochs.
import { and, eq, gte, lt, sql } from "ponder";
import { ponder } from "ponder:registry";
import { coverEpoch, coverHolder, coverToken, purchase, purchaseRestart } from "ponder:schema";
import { zeroAddress, type Address } from "viem";

import { ceilDiv } from "../../lib/protocol/math";
import { chargePremium, poolOf, recordActivity, updateMetaPool } from "./lib/state";

ponder.on("MetaPool:ProtectionBought", async ({ event, context }) => {
  const { purchaseId, poolId, buyer, receiver, amount, maturesAt, poolPending } = event.args;
  const address = event.log.address;
  await context.db.insert(purchase).values({
    metaPool: address,
    purchaseId,
    poolId: BigInt(poolId),
    buyer,
    receiver,
    amount,
    boughtAt: event.block.timestamp,
    boughtTx: event.transaction.hash,
    boughtMaturesAt: BigInt(maturesAt),
    maturesAt: BigInt(maturesAt),
    status: "pending",
    epoch: null,
    accepted: null,
    tokens: null,
    refundable: 0n,
    refunded: 0n,
  });
  await updateMetaPool(context, event, "ProtectionBought", (state) => {
    poolOf(state, poolId).pending = poolPending;
    state.mp.purchaseCount += 1;
  });
  await recordActivity(context, event, address, "ProtectionBought", {
    account: buyer,
    receiver,
    poolId,
    ref: purchaseId,
    assets: amount,
  });
});

/** Inside a sync: the purchase became cover up to the free capital then; the rest is refundable. */
ponder.on("MetaPool:PurchaseMatured", async ({ event, context }) => {
  const { purchaseId, poolId, epoch, accepted, tokens, maturedAt, poolActive, coverSupply } = event.args;
  const address = event.log.address;
  const bought = await context.db.update(purchase, { metaPool: address, purchaseId }).set((row) => ({
    status: "matured",
    epoch: BigInt(epoch),
    accepted,
    tokens,
    maturesAt: BigInt(maturedAt),
    refundable: row.amount - accepted,
  }));
  await updateMetaPool(context, event, "PurchaseMatured", (state) => {
    const pool = poolOf(state, poolId);
    pool.pending -= bought.amount;
    pool.active = poolActive;
    pool.coverSupply = coverSupply;
  });
  await recordActivity(context, event, address, "PurchaseMatured", {
    account: bought.receiver,
    poolId,
    ref: purchaseId,
    assets: accepted,
    tokens,
  });
});

ponder.on("MetaPool:PurchaseRefunded", async ({ event, context }) => {
  const { purchaseId, buyer, amount } = event.args;
  const address = event.log.address;
  const row = await context.db.find(purchase, { metaPool: address, purchaseId });
  if (!row) throw new Error(`refund of unknown purchase ${purchaseId} of ${address}`);
  // Read before the update: Ponder's cache hands out the row it then updates in place.
  const { status, poolId, refunded } = row;
  await context.db.update(purchase, { metaPool: address, purchaseId }).set({
    // A matured purchase keeps its status: only its unaccepted rest came back.
    status: status === "matured" ? "matured" : "refunded",
    refundable: 0n,
    refunded: refunded + amount,
  });
  if (status === "pending") {
    // Came due during a claim freeze and taken back by its buyer: it leaves the pool's pending deposits.
    await updateMetaPool(context, event, "PurchaseRefunded", (state) => {
      poolOf(state, poolId).pending -= amount;
    });
  }
  await recordActivity(context, event, address, "PurchaseRefunded", {
    account: buyer,
    poolId,
    ref: purchaseId,
    assets: amount,
  });
});

/** The MetaPool's purchases with id in [fromId, toId) still pending: the range a voiding or a restart names. */
const pendingBetween = (address: Address, fromId: bigint, toId: bigint) =>
  and(
    eq(purchase.metaPool, address),
    gte(purchase.purchaseId, fromId),
    lt(purchase.purchaseId, toId),
    eq(purchase.status, "pending"),
  );

/** A valid claim or a shutdown: every pending purchase with id in [fromId, toId) is refundable in full. */
ponder.on("MetaPool:PurchasesVoided", async ({ event, context }) => {
  const { fromId, toId, total } = event.args;
  const address = event.log.address;
  await context.db.sql
    .update(purchase)
    .set({ status: "voided", refundable: sql`${purchase.amount}` })
    .where(pendingBetween(address, fromId, toId));
  await updateMetaPool(context, event, "PurchasesVoided", (state) => {
    for (const pool of state.pools) pool.pending = 0n;
  });
  await recordActivity(context, event, address, "PurchasesVoided", { ref: fromId, assets: total });
});

/** A claim freeze ended: the pending purchases it froze restart their delay and mature at `maturesAt`. */
ponder.on("MetaPool:PurchasesRestarted", async ({ event, context }) => {
  const { fromId, toId, maturesAt } = event.args;
  const address = event.log.address;
  const at = sql.raw(maturesAt.toString());
  await context.db.sql
    .update(purchase)
    .set({ maturesAt: sql`greatest(${purchase.maturesAt}, ${at})` })
    .where(pendingBetween(address, fromId, toId));
  await context.db.insert(purchaseRestart).values({
    metaPool: address,
    block: event.block.number,
    logIndex: BigInt(event.log.logIndex),
    fromId,
    toId,
    maturesAt: BigInt(maturesAt),
    tx: event.transaction.hash,
  });
  await recordActivity(context, event, address, "PurchasesRestarted", { ref: fromId });
});

ponder.on("MetaPool:ProtectionWithdrawn", async ({ event, context }) => {
  const { poolId, epoch, owner, receiver, tokens, assets, debtCharged, poolActive, coverSupply } = event.args;
  const address = event.log.address;
  await updateMetaPool(context, event, "ProtectionWithdrawn", async (state) => {
    const pool = poolOf(state, poolId);
    // The tokens' share of a pending claim's premium debt leaves the debt (CoverMath.withdrawal rounds it up).
    if (pool.debt !== 0n) pool.debt -= ceilDiv(tokens * pool.debt, pool.coverSupply);
    pool.active = poolActive;
    pool.coverSupply = coverSupply;
    await chargePremium(context, state, debtCharged);
  });
  await recordActivity(context, event, address, "ProtectionWithdrawn", {
    account: owner,
    receiver,
    poolId,
    ref: BigInt(epoch),
    assets,
    tokens,
  });
});

ponder.on("MetaPool:CoverEpochOpened", async ({ event, context }) => {
  const { token, openedAt } = event.args;
  const [poolId, epoch] = [BigInt(event.args.poolId), BigInt(event.args.epoch)];
  const address = event.log.address;
  await context.db.insert(coverEpoch).values({
    metaPool: address,
    poolId,
    epoch,
    token,
    openedAt: BigInt(openedAt),
    closed: false,
    closedAt: null,
    lapsed: null,
    redeemable: null,
    supplyAtClose: null,
    remaining: null,
    remainingSupply: null,
    redeemed: 0n,
  });
  await context.db.insert(coverToken).values({ address: token, metaPool: address, poolId, epoch });
  await updateMetaPool(context, event, "CoverEpochOpened", (state) => {
    const pool = poolOf(state, poolId);
    pool.epoch = epoch;
    pool.token = token;
    pool.epochOpenedAt = BigInt(openedAt);
  });
});

/** Closed by a valid claim, a lapse, or emptied: the pool starts its next epoch with nothing in it. */
ponder.on("MetaPool:CoverEpochClosed", async ({ event, context }) => {
  const { redeemable, supply, lapsed } = event.args;
  const [poolId, epoch] = [BigInt(event.args.poolId), BigInt(event.args.epoch)];
  const address = event.log.address;
  const closing = {
    closed: true,
    closedAt: event.block.timestamp,
    lapsed,
    redeemable,
    supplyAtClose: supply,
    remaining: redeemable,
    remainingSupply: supply,
  };
  await updateMetaPool(context, event, "CoverEpochClosed", (state) => {
    const pool = poolOf(state, poolId);
    pool.epoch = epoch + 1n;
    pool.token = null;
    pool.epochOpenedAt = null;
    pool.active = 0n;
    pool.coverSupply = 0n;
    pool.debt = 0n;
  });
  // Every epoch that closes was opened (a claim, a lapse or an emptying needs cover first).
  await context.db.update(coverEpoch, { metaPool: address, poolId, epoch }).set(closing);
  await recordActivity(context, event, address, lapsed ? "CoverEpochLapsed" : "CoverEpochClosed", {
    poolId,
    ref: BigInt(epoch),
    assets: redeemable,
    tokens: supply,
  });
});

ponder.on("MetaPool:PayoutRedeemed", async ({ event, context }) => {
  const { owner, receiver, tokens, assets } = event.args;
  const [poolId, epoch] = [BigInt(event.args.poolId), BigInt(event.args.epoch)];
  const address = event.log.address;
  await context.db.update(coverEpoch, { metaPool: address, poolId, epoch }).set((row) => ({
    remaining: (row.remaining ?? 0n) - assets,
    remainingSupply: (row.remainingSupply ?? 0n) - tokens,
    redeemed: row.redeemed + assets,
  }));
  await recordActivity(context, event, address, "PayoutRedeemed", {
    account: owner,
    receiver,
    poolId,
    ref: BigInt(epoch),
    assets,
    tokens,
  });
});

/** Cover token balances; tokens no MetaPool opened are ignored (anyone can emit a CoverEpochOpened). */
ponder.on("CoverToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  if (value === 0n) return; // an ERC-20 may move nothing: no holder, no history
  const token = await context.db.find(coverToken, { address: event.log.address });
  if (!token) return;
  const { metaPool: address, poolId, epoch } = token;
  const updatedAt = event.block.timestamp;
  if (from !== zeroAddress) {
    await context.db
      .update(coverHolder, { token: event.log.address, account: from })
      .set((row) => ({ balance: row.balance - value, updatedAt }));
  }
  if (to !== zeroAddress) {
    await context.db
      .insert(coverHolder)
      .values({ token: event.log.address, account: to, metaPool: address, poolId, epoch, balance: value, updatedAt })
      .onConflictDoUpdate((row) => ({ balance: row.balance + value, updatedAt }));
  }
  if (from !== zeroAddress && to !== zeroAddress) {
    await recordActivity(context, event, address, "CoverTransferred", {
      account: from,
      receiver: to,
      poolId,
      ref: BigInt(epoch),
      tokens: value,
    });
  }
});
