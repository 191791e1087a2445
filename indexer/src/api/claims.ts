// GET /canopy/metapool/:address/claims: every claim of the MetaPool in filing order, each with its evidence text
// and, once decided, its ruling or void (the claim table). The MetaPool page's claims list and pending claims'
// evidence read this instead of the MetaPool's whole log. Bounded: the contract keeps one pending claim per pool
// and caps evidence at 1 024 bytes.
import type { Context } from "hono";
import { asc, eq } from "ponder";
import { db } from "ponder:api";
import { claim } from "ponder:schema";

import { toJson } from "./explore/request";

export async function metaPoolClaimsRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const rows = await db
    .select({
      claimId: claim.claimId,
      poolId: claim.poolId,
      epoch: claim.epoch,
      filer: claim.filer,
      incidentTime: claim.incidentTime,
      bond: claim.bond,
      evidence: claim.evidence,
      evidenceHash: claim.evidenceHash,
      status: claim.status,
      filedAt: claim.filedAt,
      filedTx: claim.filedTx,
      decidedAt: claim.resolvedAt,
      decidedTx: claim.resolvedTx,
      payout: claim.payout,
      redeemable: claim.redeemable,
      debtCharged: claim.debtCharged,
    })
    .from(claim)
    .where(eq(claim.metaPool, address.toLowerCase() as `0x${string}`))
    .orderBy(asc(claim.claimId));
  return c.json(toJson({ claims: rows }));
}
