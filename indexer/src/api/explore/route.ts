// GET /canopy/explore: one page of Explore (addresses in order, the matching count, the whole list's summary). Two
// reads of the database whatever the page, once per indexed checkpoint; the app then reads the page's live figures
// from the chain.
import type { Context } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { latestCheckpoint } from "../status";
import { exploreList, type IndexedMetaPool } from "./list";
import { parseExploreRequest, toJson } from "./request";

/**
 * The last read of every MetaPool with its pools, and the checkpoint read before it. At 1 000 MetaPools that is
 * 17 000 rows (~1 s on PGlite under load) for each visit and page turn, while the tables change only when a block
 * with Canopy's events is indexed: one cheap checkpoint read decides whether to read them again. The rows may be
 * newer than their checkpoint (never older), so a later checkpoint reads again; a short lifetime bounds anything odd
 * (a reorganisation that indexes back to the same checkpoint).
 */
let cache: { checkpoint: string; at: number; rows: Promise<IndexedMetaPool[]> } | undefined;
const CACHE_MS = 30_000;

async function indexedMetaPools(): Promise<IndexedMetaPool[]> {
  const checkpoint = await latestCheckpoint(db);
  if (checkpoint === null) return readIndexedMetaPools();
  if (cache && cache.checkpoint === checkpoint && Date.now() - cache.at < CACHE_MS) return cache.rows;
  const entry = { checkpoint, at: Date.now(), rows: readIndexedMetaPools() };
  cache = entry;
  // A failed read is not kept.
  entry.rows.catch(() => {
    if (cache === entry) cache = undefined;
  });
  return entry.rows;
}

export async function exploreRoute(c: Context) {
  const req = parseExploreRequest((name) => c.req.query(name));
  const list = exploreList(await indexedMetaPools(), req);
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

async function readIndexedMetaPools(): Promise<IndexedMetaPool[]> {
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
  return metaPools.map((m) => ({
    ...m,
    pools: (byMetaPool.get(m.address.toLowerCase()) ?? []).sort((a, b) => Number(a.poolId - b.poolId)),
  }));
}
