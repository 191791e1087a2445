// GET /canopy/metapool/:address/creation: the block and transaction of the factory's `MetaPoolCreated` for this
// MetaPool. The app reads the creation texts from the chain at exactly that block (one getLogs over one block, still
// filtered by the factory's address, so an indexer that answers wrong costs a scan, never a wrong text) instead of
// scanning the factory's log from its start block.
import type { Context } from "hono";
import { eq } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

export async function metaPoolCreationRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const metaPool = address.toLowerCase() as `0x${string}`;
  const [row] = await db
    .select({
      factory: schema.metaPool.factory,
      createdBlock: schema.metaPool.createdBlock,
      createdTx: schema.metaPool.createdTx,
    })
    .from(schema.metaPool)
    .where(eq(schema.metaPool.address, metaPool))
    .limit(1);
  if (!row) return c.json({ error: `no MetaPool ${metaPool} is indexed` }, 404);
  return c.json({
    metaPool,
    factory: row.factory,
    createdBlock: row.createdBlock.toString(),
    createdTx: row.createdTx,
  });
}
