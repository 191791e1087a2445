// Claims: filing, rulings (valid, invalid) and voiding by shutdown, with the premium debt they charge.
import { ponder } from "ponder:registry";
import { claim } from "ponder:schema";

import { chargePremium, creditFees, poolOf, recordActivity, updateMetaPool, type MetaPoolState } from "./lib/state";

ponder.on("MetaPool:ClaimFiled", async ({ event, context }) => {
  const { claimId, filer, incidentTime, bond, evidenceHash, evidence } = event.args;
  const [poolId, epoch] = [BigInt(event.args.poolId), BigInt(event.args.epoch)];
  const address = event.log.address;
  await context.db.insert(claim).values({
    metaPool: address,
    claimId,
    poolId,
    epoch,
    filer,
    incidentTime: BigInt(incidentTime),
    bond,
    evidenceHash,
    evidence,
    status: "pending",
    filedAt: event.block.timestamp,
    filedTx: event.transaction.hash,
    resolvedAt: null,
    resolvedTx: null,
    payout: null,
    redeemable: null,
    debtCharged: null,
    capitalAfter: null,
  });
  await updateMetaPool(context, event, "ClaimFiled", (state) => {
    poolOf(state, poolId).pendingClaimId = claimId;
    state.mp.pendingClaims += 1;
    state.mp.claimCount += 1;
  });
  await recordActivity(context, event, address, "ClaimFiled", { account: filer, poolId, ref: claimId, assets: bond });
});

/**
 * A rejected or voided claim charges the pool's premium debt from K, unless the ruling already closed the epoch
 * (its CoverEpochClosed came first and left K at 0).
 */
function chargeDebtFromCover(state: MetaPoolState, poolId: number, epoch: bigint, debtCharged: bigint) {
  const pool = poolOf(state, poolId);
  if (pool.epoch === epoch) pool.active -= debtCharged;
  pool.debt = 0n;
}

ponder.on("MetaPool:ClaimResolved", async ({ event, context }) => {
  const { claimId, poolId, valid, payout, redeemable, debtCharged, capital } = event.args;
  const address = event.log.address;
  const filed = await context.db.update(claim, { metaPool: address, claimId }).set({
    status: valid ? "valid" : "invalid",
    resolvedAt: event.block.timestamp,
    resolvedTx: event.transaction.hash,
    payout,
    redeemable,
    debtCharged,
    capitalAfter: capital,
  });
  await updateMetaPool(context, event, "ClaimResolved", async (state) => {
    if (!valid) chargeDebtFromCover(state, poolId, filed.epoch, debtCharged);
    poolOf(state, poolId).pendingClaimId = null;
    state.mp.pendingClaims -= 1;
    state.mp.lastRulingAt = event.block.timestamp;
    // Fees first: the event's capital already includes capital's part of the charged debt.
    await chargePremium(context, state, debtCharged);
    state.mp.capital = capital;
  });
  // A valid claim returns the bond to its filer; an invalid one's bond went to capital.
  if (valid) await creditFees(context, address, filed.filer, { bonds: filed.bond });
  await recordActivity(context, event, address, valid ? "ClaimAccepted" : "ClaimRejected", {
    account: filed.filer,
    poolId,
    ref: claimId,
    assets: valid ? payout : filed.bond,
  });
});

/** A shutdown voids every pending claim: bonds go back to their filers. */
ponder.on("MetaPool:ClaimVoided", async ({ event, context }) => {
  const { claimId, poolId, debtCharged } = event.args;
  const address = event.log.address;
  const filed = await context.db.update(claim, { metaPool: address, claimId }).set({
    status: "voided",
    resolvedAt: event.block.timestamp,
    resolvedTx: event.transaction.hash,
    debtCharged,
  });
  await updateMetaPool(context, event, "ClaimVoided", async (state) => {
    chargeDebtFromCover(state, poolId, filed.epoch, debtCharged);
    poolOf(state, poolId).pendingClaimId = null;
    state.mp.pendingClaims -= 1;
    await chargePremium(context, state, debtCharged);
  });
  await creditFees(context, address, filed.filer, { bonds: filed.bond });
  await recordActivity(context, event, address, "ClaimVoided", {
    account: filed.filer,
    poolId,
    ref: claimId,
    assets: filed.bond,
  });
});
