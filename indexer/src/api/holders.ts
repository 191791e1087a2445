// GET /canopy/metapool/:address/holders: how many accounts hold each coverage pool's open-epoch cover token (the
// arbiter desk's "N holders" beside a claim), counted from the token's transfers as the indexer keeps them, where the
// chain-only desk scans every transfer of the token.
import type { Context } from "hono";
import { and, asc, eq, gt, sql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

export async function coverHoldersRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const metaPool = address.toLowerCase() as `0x${string}`;
  const s = schema;
  const pools = await db
    .select({
      poolId: s.coveragePool.poolId,
      epoch: s.coveragePool.epoch,
      token: s.coveragePool.token,
      holders: sql<string>`(select count(*) from ${s.coverHolder} where ${and(
        eq(s.coverHolder.token, s.coveragePool.token),
        gt(s.coverHolder.balance, 0n),
      )})`,
    })
    .from(s.coveragePool)
    .where(eq(s.coveragePool.metaPool, metaPool))
    .orderBy(asc(s.coveragePool.poolId));
  return c.json({
    metaPool,
    pools: pools.map((p) => ({
      poolId: Number(p.poolId),
      epoch: Number(p.epoch),
      token: p.token,
      holders: p.token ? Number(p.holders) : 0,
    })),
  });
}
