// An arbiter's history across every MetaPool naming it: the rows `trackRecord` needs, and the record it computes
// (lib/arbiter, the same definition the app's chain fallback uses). The app parses the rows and computes the record
// itself; `record` is there for anyone reading the endpoint directly.
import type { Context } from "hono";
import { asc, eq, inArray } from "ponder";
import { db, type db as apiDb } from "ponder:api";
import { claim, metaPool } from "ponder:schema";
import { isAddress, type Address } from "viem";

import { historyToJson, type ArbiterHistoryJson } from "../../../lib/arbiter/json";
import { trackRecord } from "../../../lib/arbiter/trackRecord";
import type { ArbiterHistory } from "../../../lib/arbiter/types";

export type ArbiterAnswer = ArbiterHistoryJson & {
  record: Omit<ReturnType<typeof trackRecord>, "medianTimeToRuling"> & { medianTimeToRuling: string | null };
};

export async function arbiterHistory(db: typeof apiDb, arbiter: Address): Promise<ArbiterHistory> {
  const metaPools = await db
    .select({
      address: metaPool.address,
      name: metaPool.name,
      protectionStatement: metaPool.protectionStatement,
      shutDownAt: metaPool.shutDownAt,
    })
    .from(metaPool)
    .where(eq(metaPool.arbiter, arbiter))
    .orderBy(asc(metaPool.index));
  const claims =
    metaPools.length === 0
      ? []
      : await db
          .select({
            metaPool: claim.metaPool,
            claimId: claim.claimId,
            filedAt: claim.filedAt,
            status: claim.status,
            resolvedAt: claim.resolvedAt,
          })
          .from(claim)
          .where(
            inArray(
              claim.metaPool,
              metaPools.map((m) => m.address),
            ),
          )
          .orderBy(asc(claim.filedAt), asc(claim.claimId));
  return { arbiter: arbiter.toLowerCase() as Address, metaPools, claims };
}

/** GET /canopy/arbiter/:address → the history as JSON strings, plus its record; 400 for a malformed address. */
export async function arbiterAnswer(db: typeof apiDb, address: string): Promise<ArbiterAnswer | null> {
  if (!isAddress(address, { strict: false })) return null;
  const history = await arbiterHistory(db, address);
  const record = trackRecord(history);
  return {
    ...historyToJson(history),
    record: { ...record, medianTimeToRuling: record.medianTimeToRuling?.toString() ?? null },
  };
}

export async function arbiterRoute(c: Context) {
  const answer = await arbiterAnswer(db, c.req.param("address") ?? "");
  return answer ? c.json(answer) : c.json({ error: "address must be a 0x address" }, 400);
}

/**
 * GET /canopy/arbiter/:address/metapools → the MetaPools naming it arbiter, in the factory's order: the arbiter desk
 * reads only these live from the chain, whatever the number of MetaPools.
 */
export async function arbiterMetaPoolsRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!isAddress(address, { strict: false })) return c.json({ error: "address must be a 0x address" }, 400);
  const arbiter = address.toLowerCase() as Address;
  const rows = await db
    .select({ address: metaPool.address })
    .from(metaPool)
    .where(eq(metaPool.arbiter, arbiter))
    .orderBy(asc(metaPool.index));
  return c.json({ arbiter, metaPools: rows.map((r) => r.address) });
}
