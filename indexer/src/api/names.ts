// GET /canopy/metapools/named?name=… → the MetaPools already called `name` (surrounding spaces and letter case
// ignored, as the create wizard's warning compares them): one small answer instead of every MetaPool's view.
// Compared in JS, not SQL: Postgres's lower() and trim() follow the database's locale and differ from the app's.
import type { Context } from "hono";
import { asc } from "ponder";
import { db } from "ponder:api";
import { metaPool } from "ponder:schema";

import { nameKey } from "../../../lib/indexer/names";

export async function metaPoolsNamedRoute(c: Context) {
  const name = c.req.query("name");
  if (name === undefined || nameKey(name) === "") return c.json({ error: "name must be a non-empty text" }, 400);
  const key = nameKey(name);
  const rows = await db
    .select({ address: metaPool.address, name: metaPool.name })
    .from(metaPool)
    .orderBy(asc(metaPool.index));
  return c.json({ name, metaPools: rows.filter((row) => nameKey(row.name) === key) });
}
