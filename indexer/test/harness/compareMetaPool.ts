// A MetaPool row and its coverage pools against metaPoolView at the checked block.
import { eq } from "@ponder/client";
import { zeroAddress } from "viem";

import * as schema from "../../ponder.schema";
import type { Check, Row } from "./compareCheck";
import type { MarketMetaPool } from "./market";

/** Compares the MetaPool's row and its pools' rows; returns the row, or undefined when it was not indexed. */
export async function compareMetaPool({ db, mismatches, same, read }: Check, m: MarketMetaPool) {
  const label = m.plan.name;
  const [row] = await db.select().from(schema.metaPool).where(eq(schema.metaPool.address, m.address));
  if (!row) {
    mismatches.push(`${label}: not indexed`);
    return undefined;
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
  return row;
}
