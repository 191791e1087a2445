// GET /canopy/explore: one page of Explore (addresses in order, the matching count, the whole list's summary). Two
// reads of the database whatever the page; the app then reads the page's live figures from the chain.
import type { Context } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { exploreList, type IndexedMetaPool } from "./list";
import { parseExploreRequest, toJson } from "./request";

export async function exploreRoute(c: Context) {
  const req = parseExploreRequest((name) => c.req.query(name));
  const [metaPools, pools] = await Promise.all([
    db.select().from(schema.metaPool),
    db
      .select({
        metaPool: schema.coveragePool.metaPool,
        poolId: schema.coveragePool.poolId,
        name: schema.coveragePool.name,
        active: schema.coveragePool.active,
        coverSupply: schema.coveragePool.coverSupply,
        rate: schema.coveragePool.rate,
        payout: schema.coveragePool.payout,
      })
      .from(schema.coveragePool),
  ]);
  const byMetaPool = new Map<string, typeof pools>();
  for (const pool of pools) {
    const key = pool.metaPool.toLowerCase();
    const list = byMetaPool.get(key);
    if (list) list.push(pool);
    else byMetaPool.set(key, [pool]);
  }
  const indexed: IndexedMetaPool[] = metaPools.map((m) => ({
    ...m,
    pools: (byMetaPool.get(m.address.toLowerCase()) ?? []).sort((a, b) => Number(a.poolId - b.poolId)),
  }));
  const list = exploreList(indexed, req);
  return c.json(
    toJson({
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      size: req.size,
      items: list.items.map((row) => ({ address: row.address, index: row.index })),
      summary: list.summary,
    }),
  );
}
