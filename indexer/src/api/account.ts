// GET /canopy/account/:account/metapools: every MetaPool an account touched (shares, withdrawal requests, purchases
// bought or received, cover tokens, claims, fees and bonds, and the MetaPools it created or arbitrates), in the
// factory's order. The portfolio reads its positions there from the chain instead of in every MetaPool.
import type { Context } from "hono";
import { eq, inArray, or } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

/** Every MetaPool `a` (lower case) touched, in the factory's order. */
export async function touchedMetaPools(a: `0x${string}`): Promise<`0x${string}`[]> {
  const s = schema;
  const touched = await Promise.all([
    db.select({ m: s.shareHolder.metaPool }).from(s.shareHolder).where(eq(s.shareHolder.account, a)),
    db.select({ m: s.withdrawalRequest.metaPool }).from(s.withdrawalRequest).where(eq(s.withdrawalRequest.owner, a)),
    db
      .select({ m: s.purchase.metaPool })
      .from(s.purchase)
      .where(or(eq(s.purchase.buyer, a), eq(s.purchase.receiver, a))),
    db.select({ m: s.coverHolder.metaPool }).from(s.coverHolder).where(eq(s.coverHolder.account, a)),
    db.select({ m: s.claim.metaPool }).from(s.claim).where(eq(s.claim.filer, a)),
    db.select({ m: s.feeAccount.metaPool }).from(s.feeAccount).where(eq(s.feeAccount.account, a)),
    db
      .select({ m: s.metaPool.address })
      .from(s.metaPool)
      .where(or(eq(s.metaPool.creator, a), eq(s.metaPool.arbiter, a))),
  ]);
  const addresses = [...new Set(touched.flat().map((row) => row.m.toLowerCase() as `0x${string}`))];
  if (addresses.length === 0) return [];
  const ordered = await db
    .select({ address: s.metaPool.address, index: s.metaPool.index })
    .from(s.metaPool)
    .where(inArray(s.metaPool.address, addresses));
  ordered.sort((x, y) => Number(x.index - y.index));
  return ordered.map((m) => m.address);
}

/** The `:account` path parameter in lower case, or undefined when it is not an address. */
export function accountParam(c: Context): `0x${string}` | undefined {
  const account = c.req.param("account") ?? "";
  return /^0x[0-9a-fA-F]{40}$/.test(account) ? (account.toLowerCase() as `0x${string}`) : undefined;
}

export async function accountMetaPoolsRoute(c: Context) {
  const a = accountParam(c);
  if (!a) return c.json({ error: "account must be a 0x address" }, 400);
  return c.json({ account: a, metaPools: await touchedMetaPools(a) });
}
