// The indexed events against the chain's logs: every MetaPool log against the activity row it wrote, share
// transfers between holders, and every Synced log against its sync row.
import { parseEventLogs, zeroAddress, type Address, type Log } from "viem";

import { unpackSyncedPool } from "../../../lib/protocol/syncedPools";
import { metaPoolFactoryAbi } from "../../abis";
import * as schema from "../../ponder.schema";
import type { Check, Row } from "./compareCheck";
import { cloneAbi } from "./market";

/** Event name → the activity kinds it writes (one row per log). */
const ACTIVITY_KINDS: Record<string, string[]> = {
  Deposited: ["Deposited"],
  WithdrawalRequested: ["WithdrawalRequested"],
  WithdrawalCompleted: ["WithdrawalCompleted"],
  WithdrawalCancelled: ["WithdrawalCancelled"],
  Exited: ["Exited"],
  ShareEpochClosed: ["ShareEpochClosed"],
  ProtectionBought: ["ProtectionBought"],
  PurchaseMatured: ["PurchaseMatured"],
  PurchaseRefunded: ["PurchaseRefunded"],
  PurchasesVoided: ["PurchasesVoided"],
  PurchasesRestarted: ["PurchasesRestarted"],
  ProtectionWithdrawn: ["ProtectionWithdrawn"],
  CoverEpochClosed: ["CoverEpochClosed", "CoverEpochLapsed"],
  PayoutRedeemed: ["PayoutRedeemed"],
  ClaimFiled: ["ClaimFiled"],
  ClaimResolved: ["ClaimAccepted", "ClaimRejected"],
  ClaimVoided: ["ClaimVoided"],
  FeesClaimed: ["FeesClaimed"],
  MetaPoolShutDown: ["MetaPoolShutDown"],
};

/** Compares every event up to the checked block; returns the MetaPools' logs and how many of each event there are. */
export async function compareEvents({ market, client, db, block, mismatches, same }: Check) {
  const fromBlock = BigInt(market.deployment.startBlock);
  const metaPoolAddresses = market.metaPools.map((m) => m.address);
  const logs = parseEventLogs({
    abi: cloneAbi,
    logs: await client.getLogs({ address: metaPoolAddresses, fromBlock, toBlock: block }),
  });
  const created = parseEventLogs({
    abi: metaPoolFactoryAbi,
    logs: await client.getLogs({ address: market.deployment.factory, fromBlock, toBlock: block }),
  });
  const events: Record<string, number> = {};
  const count = (name: string) => (events[name] = (events[name] ?? 0) + 1);
  for (const log of [...logs, ...created]) count(log.eventName);

  const indexedPools = await db.select().from(schema.metaPool);
  same("MetaPools", indexedPools.length, created.length);

  const activity = await db.select().from(schema.activity);
  const activityById = new Map(activity.map((a) => [`${a.tx}:${a.logIndex}`, a]));
  for (const log of logs) {
    const kinds = ACTIVITY_KINDS[log.eventName];
    if (!kinds) continue;
    const row = activityById.get(`${log.transactionHash}:${log.logIndex}`);
    if (!row || !kinds.includes(row.kind)) {
      mismatches.push(`${log.eventName} at ${log.transactionHash}:${log.logIndex} has no activity row`);
      continue;
    }
    checkActivity(row, log as unknown as Log & { eventName: string; args: Row }, same);
  }
  // Share transfers between holders (not mints, burns or request custody).
  for (const log of logs) {
    if (log.eventName !== "Transfer") continue;
    const { from, to, value } = log.args as { from: Address; to: Address; value: bigint };
    const custody = log.address.toLowerCase();
    if (value === 0n || [from, to].some((a) => a === zeroAddress || a.toLowerCase() === custody)) continue;
    const row = activityById.get(`${log.transactionHash}:${log.logIndex}`);
    same(`share transfer ${log.transactionHash}:${log.logIndex}`, row?.shares, value);
  }

  const syncs = await db.select().from(schema.sync);
  const syncByLog = new Map(syncs.map((s) => [`${s.block}:${s.logIndex}`, s]));
  for (const log of logs) {
    if (log.eventName !== "Synced") continue;
    const args = log.args as {
      timestamp: number;
      capital: bigint;
      pools: readonly bigint[];
      premiumToCapital: bigint;
      arbiterFees: bigint;
      creatorFees: bigint;
    };
    // The event packs each pool's K and debt in one word; the table keeps them apart.
    const active = args.pools.map((word) => unpackSyncedPool(word).active);
    const debt = args.pools.map((word) => unpackSyncedPool(word).debt);
    const row = syncByLog.get(`${log.blockNumber}:${log.logIndex}`);
    const label = `Synced ${log.transactionHash}:${log.logIndex}`;
    if (!row) {
      mismatches.push(`${label} has no sync row`);
      continue;
    }
    same(`${label} timestamp`, row.timestamp, args.timestamp);
    same(`${label} capital`, row.capital, args.capital);
    same(`${label} active`, row.active.join(), active.join());
    same(`${label} debt`, row.debt.join(), debt.join());
    same(`${label} premiumToCapital`, row.premiumToCapital, args.premiumToCapital);
    same(`${label} arbiterFees`, row.arbiterFees, args.arbiterFees);
    same(`${label} creatorFees`, row.creatorFees, args.creatorFees);
  }
  same("sync rows", syncs.length, events.Synced ?? 0);
  return { logs, events, fromBlock };
}

/** The activity row of one log carries the log's numbers. */
function checkActivity(
  row: Row,
  log: { eventName: string; args: Row },
  same: (l: string, a: unknown, b: unknown) => void,
) {
  const a = log.args;
  const label = `${log.eventName} activity ${row.id}`;
  const expect: Record<string, unknown> = {};
  switch (log.eventName) {
    case "Deposited":
      Object.assign(expect, { account: a.caller, receiver: a.receiver, assets: a.assets, shares: a.shares });
      break;
    case "WithdrawalRequested":
      Object.assign(expect, { account: a.owner, ref: a.requestId, shares: a.shares, assets: a.assetsAtRequest });
      break;
    case "WithdrawalCompleted":
      Object.assign(expect, {
        account: a.owner,
        receiver: a.receiver,
        ref: a.requestId,
        shares: a.shares,
        assets: a.assets,
      });
      break;
    case "WithdrawalCancelled":
      Object.assign(expect, { account: a.owner, ref: a.requestId, shares: a.sharesReturned });
      break;
    case "Exited":
      Object.assign(expect, { account: a.owner, receiver: a.receiver, shares: a.shares, assets: a.assets });
      break;
    case "ProtectionBought":
      Object.assign(expect, {
        account: a.buyer,
        receiver: a.receiver,
        poolId: a.poolId,
        ref: a.purchaseId,
        assets: a.amount,
      });
      break;
    case "PurchaseMatured":
      Object.assign(expect, { poolId: a.poolId, ref: a.purchaseId, assets: a.accepted, tokens: a.tokens });
      break;
    case "PurchaseRefunded":
      Object.assign(expect, { account: a.buyer, ref: a.purchaseId, assets: a.amount });
      break;
    case "PurchasesVoided":
      Object.assign(expect, { ref: a.fromId, assets: a.total });
      break;
    case "PurchasesRestarted":
      Object.assign(expect, { ref: a.fromId });
      break;
    case "ProtectionWithdrawn":
      Object.assign(expect, {
        account: a.owner,
        receiver: a.receiver,
        poolId: a.poolId,
        assets: a.assets,
        tokens: a.tokens,
      });
      break;
    case "CoverEpochClosed":
      Object.assign(expect, {
        kind: a.lapsed ? "CoverEpochLapsed" : "CoverEpochClosed",
        poolId: a.poolId,
        ref: a.epoch,
        assets: a.redeemable,
        tokens: a.supply,
      });
      break;
    case "PayoutRedeemed":
      Object.assign(expect, {
        account: a.owner,
        receiver: a.receiver,
        poolId: a.poolId,
        ref: a.epoch,
        assets: a.assets,
        tokens: a.tokens,
      });
      break;
    case "ClaimFiled":
      Object.assign(expect, { account: a.filer, poolId: a.poolId, ref: a.claimId, assets: a.bond });
      break;
    case "ClaimResolved":
      Object.assign(expect, { kind: a.valid ? "ClaimAccepted" : "ClaimRejected", poolId: a.poolId, ref: a.claimId });
      if (a.valid) expect.assets = a.payout;
      break;
    case "ClaimVoided":
      Object.assign(expect, { poolId: a.poolId, ref: a.claimId });
      break;
    case "FeesClaimed":
      Object.assign(expect, { account: a.account, receiver: a.receiver, assets: a.amount });
      break;
    case "ShareEpochClosed":
      Object.assign(expect, { assets: a.capital, shares: a.supply });
      break;
    case "MetaPoolShutDown":
      Object.assign(expect, { account: a.caller });
      break;
  }
  for (const [key, value] of Object.entries(expect)) same(`${label} ${key}`, row[key], value);
}
