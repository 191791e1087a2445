// A MetaPool's ledgers against its views at the checked block: purchases, withdrawal requests, claims, fees and
// returned bonds, share balances.
import { eq } from "@ponder/client";
import { zeroAddress, type Address } from "viem";

import * as schema from "../../ponder.schema";
import type { Check, Row } from "./compareCheck";
import type { MarketMetaPool } from "./market";

const PURCHASE_STATUS = ["none", "pending", "matured", "refunded"] as const;
const CLAIM_STATUS = ["none", "pending", "valid", "invalid", "voided"] as const;

export async function compareLedgers(
  { db, actors, same, read }: Check,
  m: MarketMetaPool,
  row: { purchaseCount: unknown; requestCount: unknown; claimCount: unknown },
) {
  const label = m.plan.name;
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
  for (const account of new Set([...actors, m.address, ...holders.map((h) => h.account)].map((a) => a.toLowerCase()))) {
    same(`${label} shares of ${account}`, shareOf.get(account) ?? 0n, await read(m.address, "balanceOf", [account]));
  }
}
