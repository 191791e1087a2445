// The indexed tables against the chain at one block: every MetaPool, coverage pool, purchase, request, claim, fee
// balance, share and cover balance against the contracts' own views; every event against the row it produced.
import { eq } from "@ponder/client";
import { parseEventLogs, zeroAddress, type Address, type Log } from "viem";

import { unpackSyncedPool } from "../../../lib/protocol/syncedPools";
import { coverTokenAbi, metaPoolFactoryAbi } from "../../abis";
import * as schema from "../../ponder.schema";
import { cloneAbi, type Market } from "./market";
import type { Indexer } from "./ponder";

const PURCHASE_STATUS = ["none", "pending", "matured", "refunded"] as const;
const CLAIM_STATUS = ["none", "pending", "valid", "invalid", "voided"] as const;

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

export interface Comparison {
  mismatches: string[];
  /** How many logs of each event the chain holds (MetaPool events, cover token transfers, creations). */
  events: Record<string, number>;
  checked: number;
}

type Row = Record<string, unknown>;
const norm = (v: unknown): unknown => {
  if (typeof v === "string" && /^0x[0-9a-fA-F]*$/.test(v)) return v.toLowerCase();
  if (typeof v === "number") return BigInt(v);
  return v;
};

export async function compareWithChain(market: Market, indexer: Indexer, block: bigint): Promise<Comparison> {
  const { client, accounts } = market.chain;
  const mismatches: string[] = [];
  let checked = 0;
  const same = (label: string, indexed: unknown, chain: unknown) => {
    checked++;
    const [a, b] = [norm(indexed ?? null), norm(chain ?? null)];
    if (a !== b && JSON.stringify(a, big) !== JSON.stringify(b, big))
      mismatches.push(`${label}: indexed ${show(indexed)}, chain ${show(chain)}`);
  };
  const read = <T>(address: Address, functionName: string, args: unknown[] = []) =>
    client.readContract({
      address,
      abi: cloneAbi,
      functionName: functionName as "capital",
      args: args as [],
      blockNumber: block,
    }) as Promise<T>;
  const { db } = indexer;
  const actors = accounts.map((a) => a.address);

  // ----- events: every log against its row -----
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

  // ----- state: every row against the contract's views at `block` -----
  for (const m of market.metaPools) {
    const label = m.plan.name;
    const [row] = await db.select().from(schema.metaPool).where(eq(schema.metaPool.address, m.address));
    if (!row) {
      mismatches.push(`${label}: not indexed`);
      continue;
    }
    const v = await read<{
      config: Row;
      capital: bigint;
      freeCapital: bigint;
      totalActive: bigint;
      totalPending: bigint;
      shareSupply: bigint;
      shareEpoch: number;
      shutDown: boolean;
      pendingClaims: bigint;
      lastSyncAt: number;
      lastRulingAt: number;
      pools: readonly Row[];
    }>(m.address, "metaPoolView");
    const c = v.config as { curve: Row } & Row;
    for (const key of [
      "asset",
      "arbiter",
      "creator",
      "name",
      "arbiterFeeBps",
      "creatorFeeBps",
      "payoutMultiple",
      "withdrawalPeriod",
      "purchaseDelay",
      "claimBond",
      "minPurchase",
      "poolCount",
    ]) {
      same(`${label} ${key}`, row[key as keyof typeof row], c[key]);
    }
    same(`${label} assetDecimals`, row.assetDecimals, c.decimals);
    for (const key of ["baseRate", "slope1", "kink", "slope2"])
      same(`${label} ${key}`, row[key as keyof typeof row], c.curve[key]);
    same(`${label} capital`, row.capital, v.capital);
    same(`${label} freeCapital`, row.freeCapital, v.freeCapital);
    same(`${label} totalActive`, row.totalActive, v.totalActive);
    same(`${label} totalPending`, row.totalPending, v.totalPending);
    same(`${label} shareSupply`, row.shareSupply, v.shareSupply);
    same(`${label} totalSupply`, row.shareSupply, await read(m.address, "totalSupply"));
    same(`${label} shareEpoch`, row.shareEpoch, v.shareEpoch);
    same(`${label} shutDown`, row.shutDown, v.shutDown);
    same(`${label} pendingClaims`, row.pendingClaims, v.pendingClaims);
    same(`${label} lastSyncAt`, row.lastSyncAt, v.lastSyncAt);
    same(`${label} lastRulingAt`, row.lastRulingAt ?? 0n, v.lastRulingAt);

    const pools = await db.select().from(schema.coveragePool).where(eq(schema.coveragePool.metaPool, m.address));
    same(`${label} pool rows`, pools.length, v.pools.length);
    for (const p of pools) {
      const pv = v.pools[Number(p.poolId)]!;
      const pl = `${label}/${p.name}`;
      same(`${pl} name`, p.name, pv.name);
      same(`${pl} epoch`, p.epoch, pv.epoch);
      same(`${pl} token`, p.token ?? zeroAddress, pv.token);
      same(`${pl} epochOpenedAt`, p.epochOpenedAt ?? 0n, pv.epochOpenedAt);
      for (const key of ["active", "pending", "coverSupply", "debt", "utilisation", "rate", "payout"] as const) {
        same(`${pl} ${key}`, p[key], pv[key]);
      }
      same(`${pl} pendingClaimId`, p.pendingClaimId ?? 0n, pv.pendingClaimId);
    }

    // Purchases
    const [, nextPurchaseId, voidedBefore] = await read<[bigint, bigint, bigint]>(m.address, "purchaseQueue");
    const purchases = await db.select().from(schema.purchase).where(eq(schema.purchase.metaPool, m.address));
    same(`${label} purchases`, purchases.length, nextPurchaseId - 1n);
    same(`${label} purchaseCount`, row.purchaseCount, nextPurchaseId - 1n);
    for (const p of purchases) {
      const chain = await read<{
        buyer: Address;
        maturesAt: number;
        poolId: number;
        status: number;
        amount: bigint;
        accepted: bigint;
        receiver: Address;
        restRefunded: boolean;
      }>(m.address, "purchase", [p.purchaseId]);
      const pl = `${label} purchase ${p.purchaseId}`;
      const status = PURCHASE_STATUS[chain.status];
      const expected = status === "pending" && p.purchaseId < voidedBefore ? "voided" : status;
      same(`${pl} status`, p.status, expected);
      same(`${pl} buyer`, p.buyer, chain.buyer);
      same(`${pl} receiver`, p.receiver, chain.receiver);
      same(`${pl} poolId`, p.poolId, chain.poolId);
      same(`${pl} amount`, p.amount, chain.amount);
      if (expected === "pending" || expected === "matured") same(`${pl} maturesAt`, p.maturesAt, chain.maturesAt);
      if (expected === "matured") {
        same(`${pl} accepted`, p.accepted, chain.accepted);
        same(`${pl} refundable`, p.refundable, chain.restRefunded ? 0n : chain.amount - chain.accepted);
      }
      if (expected === "voided") same(`${pl} refundable`, p.refundable, chain.amount);
    }

    // Withdrawal requests
    const requestCount = await read<bigint>(m.address, "requestCount");
    const requests = await db
      .select()
      .from(schema.withdrawalRequest)
      .where(eq(schema.withdrawalRequest.metaPool, m.address));
    same(`${label} requests`, requests.length, requestCount);
    same(`${label} requestCount`, row.requestCount, requestCount);
    for (const r of requests) {
      const chain = await read<{ owner: Address; unlockAt: number; shares: bigint; assetsAtRequest: bigint }>(
        m.address,
        "withdrawalRequest",
        [r.requestId],
      );
      const rl = `${label} request ${r.requestId}`;
      same(`${rl} cancelled`, r.status === "cancelled", chain.owner === zeroAddress);
      same(`${rl} shares`, r.shares, chain.shares);
      same(`${rl} assetsAtRequest`, r.assetsAtRequest, chain.assetsAtRequest);
      if (r.status !== "cancelled") {
        same(`${rl} owner`, r.owner, chain.owner);
        same(`${rl} unlockAt`, r.unlockAt, chain.unlockAt);
      }
    }

    // Claims
    const [, nextClaimId] = await read<[bigint, bigint, bigint]>(m.address, "claimQueue");
    const claims = await db.select().from(schema.claim).where(eq(schema.claim.metaPool, m.address));
    same(`${label} claims`, claims.length, nextClaimId - 1n);
    same(`${label} claimCount`, row.claimCount, nextClaimId - 1n);
    for (const cl of claims) {
      const chain = await read<Row & { status: number }>(m.address, "claim", [cl.claimId]);
      const cll = `${label} claim ${cl.claimId}`;
      same(`${cll} status`, cl.status, CLAIM_STATUS[chain.status]);
      for (const key of ["filer", "poolId", "epoch", "incidentTime", "bond", "evidenceHash", "filedAt"] as const) {
        same(`${cll} ${key}`, cl[key], chain[key]);
      }
      same(`${cll} resolvedAt`, cl.resolvedAt ?? 0n, chain.resolvedAt);
    }

    // Fees and returned bonds
    const feeRows = await db.select().from(schema.feeAccount).where(eq(schema.feeAccount.metaPool, m.address));
    const feeOf = new Map(feeRows.map((f) => [f.account.toLowerCase(), f.owed]));
    for (const account of new Set([...actors, ...feeRows.map((f) => f.account)].map((a) => a.toLowerCase()))) {
      same(`${label} feesOwed ${account}`, feeOf.get(account) ?? 0n, await read(m.address, "feesOwed", [account]));
    }

    // Share balances, the MetaPool's custody of requested shares included
    const holders = await db.select().from(schema.shareHolder).where(eq(schema.shareHolder.metaPool, m.address));
    const shareOf = new Map(holders.map((h) => [h.account.toLowerCase(), h.balance]));
    for (const account of new Set(
      [...actors, m.address, ...holders.map((h) => h.account)].map((a) => a.toLowerCase()),
    )) {
      same(`${label} shares of ${account}`, shareOf.get(account) ?? 0n, await read(m.address, "balanceOf", [account]));
    }

    // Cover epochs, tokens and holders
    const epochs = await db.select().from(schema.coverEpoch).where(eq(schema.coverEpoch.metaPool, m.address));
    for (const e of epochs) {
      const el = `${label} pool ${e.poolId} epoch ${e.epoch}`;
      same(`${el} token`, e.token, await read(m.address, "coverToken", [BigInt(e.poolId), BigInt(e.epoch)]));
      if (e.closed && (e.supplyAtClose ?? 0n) > 0n) {
        const closed = await read<{ remaining: bigint; supply: bigint }>(m.address, "closedEpoch", [
          BigInt(e.poolId),
          BigInt(e.epoch),
        ]);
        same(`${el} remaining`, e.remaining, closed.remaining);
        same(`${el} remainingSupply`, e.remainingSupply, closed.supply);
      }
      const coverHolders = await db.select().from(schema.coverHolder).where(eq(schema.coverHolder.token, e.token));
      const coverOf = new Map(coverHolders.map((h) => [h.account.toLowerCase(), h.balance]));
      for (const account of new Set([...actors, ...coverHolders.map((h) => h.account)].map((a) => a.toLowerCase()))) {
        const balance = await client.readContract({
          address: e.token,
          abi: coverTokenAbi,
          functionName: "balanceOf",
          args: [account as Address],
          blockNumber: block,
        });
        same(`${el} cover of ${account}`, coverOf.get(account) ?? 0n, balance);
      }
    }
    same(
      `${label} cover epochs opened`,
      epochs.length,
      logs.filter((l) => l.eventName === "CoverEpochOpened" && l.address === m.address.toLowerCase()).length,
    );
  }

  // Cover token transfers happened and were seen.
  const tokens = (await db.select().from(schema.coverToken)).map((t) => t.address);
  if (tokens.length > 0) {
    const transfers = parseEventLogs({
      abi: coverTokenAbi,
      eventName: "Transfer",
      logs: await client.getLogs({ address: tokens, fromBlock, toBlock: block }),
    });
    events["CoverToken:Transfer"] = transfers.length;
  }
  return { mismatches, events, checked };
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

function big(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}
function show(value: unknown) {
  return typeof value === "bigint" ? value.toString() : JSON.stringify(value, big);
}
