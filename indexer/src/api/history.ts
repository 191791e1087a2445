// GET /canopy/metapool/:address/history: the MetaPool's state after every event that changed it (the snapshot
// table), oldest first: the event, capital and each pool's active cover. The app derives free capital, utilisation
// and rates from these as its log replay does (lib/history/series), so both sources draw the same charts.
import type { Context } from "hono";
import { asc, eq } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { toJson } from "./explore/request";

export async function historyRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const s = schema.snapshot;
  const rows = await db
    .select({ t: s.timestamp, kind: s.kind, capital: s.capital, pools: s.pools })
    .from(s)
    .where(eq(s.metaPool, address.toLowerCase() as `0x${string}`))
    .orderBy(asc(s.block), asc(s.logIndex));
  const points = rows.map((r) => ({
    t: Number(r.t),
    kind: r.kind,
    capital: r.capital,
    active: r.pools.map((p) => p.active),
  }));
  return c.json(toJson({ points }));
}
