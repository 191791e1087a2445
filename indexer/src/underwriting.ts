// Underwriters: deposits, share balances (an ERC-20 living in share epochs), withdrawal requests, exits.
import { and, eq, sql } from "ponder";
import { ponder } from "ponder:registry";
import { metaPool, shareEpoch, shareHolder, withdrawalRequest } from "ponder:schema";
import { zeroAddress } from "viem";

import { recordActivity, updateMetaPool } from "./lib/state";

ponder.on("MetaPool:Deposited", async ({ event, context }) => {
  const { caller, receiver, assets, shares, capital, shareSupply } = event.args;
  await updateMetaPool(context, event, "Deposited", (state) => {
    state.mp.capital = capital;
    state.mp.shareSupply = shareSupply;
  });
  await recordActivity(context, event, event.log.address, "Deposited", { account: caller, receiver, assets, shares });
});

/** Share moves: mints and burns change the supply; requests move shares into the MetaPool's custody and back. */
ponder.on("MetaPool:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  if (value === 0n) return; // an ERC-20 may move nothing: no holder, no history
  const address = event.log.address;
  const updatedAt = event.block.timestamp;
  if (from !== zeroAddress) {
    await context.db
      .update(shareHolder, { metaPool: address, account: from })
      .set((row) => ({ balance: row.balance - value, updatedAt }));
  }
  if (to !== zeroAddress) {
    await context.db
      .insert(shareHolder)
      .values({ metaPool: address, account: to, balance: value, updatedAt })
      .onConflictDoUpdate((row) => ({ balance: row.balance + value, updatedAt }));
  }
  if (from === zeroAddress || to === zeroAddress) {
    await context.db
      .update(metaPool, { address })
      .set((row) => ({ shareSupply: from === zeroAddress ? row.shareSupply + value : row.shareSupply - value }));
  } else if (from !== address && to !== address) {
    await recordActivity(context, event, address, "SharesTransferred", { account: from, receiver: to, shares: value });
  }
});

/**
 * A near-full wipe closed the share epoch: every balance of it, requested shares included, becomes
 * floor(balance × capital / supply) shares of the new epoch, without Transfer events. The contract converts each
 * account lazily on its next touch (ShareEpochConverted); the indexer converts every row now, with the same floor,
 * so balances always read as `balanceOf` does.
 */
ponder.on("MetaPool:ShareEpochClosed", async ({ event, context }) => {
  const { capital, supply } = event.args;
  const [closedEpoch, newEpoch] = [BigInt(event.args.closedEpoch), BigInt(event.args.newEpoch)];
  const address = event.log.address;
  await context.db.insert(shareEpoch).values({
    metaPool: address,
    epoch: closedEpoch,
    newEpoch,
    capital,
    supply,
    closedAt: event.block.timestamp,
  });
  // Integers from the event, written as SQL literals: numeric(78) has no JS bigint parameter on every driver.
  const [c, s] = [sql.raw(capital.toString()), sql.raw(supply.toString())];
  await context.db.sql
    .update(shareHolder)
    .set({ balance: sql`div(${shareHolder.balance} * ${c}, ${s})` })
    .where(eq(shareHolder.metaPool, address));
  await context.db.sql
    .update(withdrawalRequest)
    .set({ shares: sql`div(${withdrawalRequest.shares} * ${c}, ${s})` })
    .where(and(eq(withdrawalRequest.metaPool, address), eq(withdrawalRequest.status, "open")));
  await updateMetaPool(context, event, "ShareEpochClosed", (state) => {
    state.mp.shareEpoch = newEpoch;
    // The new epoch's supply is floor(supply × capital / supply) = capital.
    state.mp.shareSupply = capital;
  });
  await recordActivity(context, event, address, "ShareEpochClosed", { assets: capital, shares: supply });
});

/** The contract settling an account into the current epoch: the balance the indexer already converted to. */
ponder.on("MetaPool:ShareEpochConverted", async ({ event, context }) => {
  const { account, shares } = event.args;
  const updatedAt = event.block.timestamp;
  await context.db
    .insert(shareHolder)
    .values({ metaPool: event.log.address, account, balance: shares, updatedAt })
    .onConflictDoUpdate({ balance: shares, updatedAt });
});

ponder.on("MetaPool:WithdrawalRequested", async ({ event, context }) => {
  const { requestId, owner, shares, assetsAtRequest, unlockAt } = event.args;
  const address = event.log.address;
  await context.db.insert(withdrawalRequest).values({
    metaPool: address,
    requestId,
    owner,
    shares,
    assetsAtRequest,
    requestedShares: shares,
    requestedAssets: assetsAtRequest,
    requestedAt: event.block.timestamp,
    unlockAt: BigInt(unlockAt),
    status: "open",
    sharesWithdrawn: 0n,
    assetsWithdrawn: 0n,
    sharesReturned: null,
    sharesBurned: null,
    updatedAt: event.block.timestamp,
  });
  await context.db.update(metaPool, { address }).set((row) => ({ requestCount: row.requestCount + 1 }));
  await recordActivity(context, event, address, "WithdrawalRequested", {
    account: owner,
    ref: requestId,
    shares,
    assets: assetsAtRequest,
  });
});

ponder.on("MetaPool:WithdrawalCompleted", async ({ event, context }) => {
  const { requestId, owner, receiver, shares, assets, sharesLeft, assetsAtRequestLeft, capital } = event.args;
  const address = event.log.address;
  await context.db.update(withdrawalRequest, { metaPool: address, requestId }).set((row) => ({
    shares: sharesLeft,
    assetsAtRequest: assetsAtRequestLeft,
    sharesWithdrawn: row.sharesWithdrawn + shares,
    assetsWithdrawn: row.assetsWithdrawn + assets,
    status: sharesLeft === 0n ? "completed" : "open",
    updatedAt: event.block.timestamp,
  }));
  await updateMetaPool(context, event, "WithdrawalCompleted", (state) => {
    state.mp.capital = capital;
  });
  await recordActivity(context, event, address, "WithdrawalCompleted", {
    account: owner,
    receiver,
    ref: requestId,
    shares,
    assets,
  });
});

ponder.on("MetaPool:WithdrawalCancelled", async ({ event, context }) => {
  const { requestId, owner, sharesReturned, sharesBurned } = event.args;
  const address = event.log.address;
  // The contract deletes the request; the row stays, emptied, as history.
  await context.db.update(withdrawalRequest, { metaPool: address, requestId }).set({
    shares: 0n,
    assetsAtRequest: 0n,
    sharesReturned,
    sharesBurned,
    status: "cancelled",
    updatedAt: event.block.timestamp,
  });
  await recordActivity(context, event, address, "WithdrawalCancelled", {
    account: owner,
    ref: requestId,
    shares: sharesReturned,
  });
});

ponder.on("MetaPool:Exited", async ({ event, context }) => {
  const { owner, receiver, shares, assets, capital } = event.args;
  await updateMetaPool(context, event, "Exited", (state) => {
    state.mp.capital = capital;
  });
  await recordActivity(context, event, event.log.address, "Exited", { account: owner, receiver, shares, assets });
});
