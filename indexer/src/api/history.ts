// GET /canopy/metapool/:address/history: the MetaPool's state after every event that changed it (the snapshot
// table), oldest first: the event, its time, capital and each pool's active cover. The app derives free capital,
// utilisation and rates from these as its log replay does (lib/history/series), so both sources draw the same charts.
// Times are the events' own, as the replay's `eventTime`: a sync's accrual time, a maturity's `maturedAt` (a purchase
// matures at its time even when the block that records it comes later); else the block's.
import type { Context } from "hono";
import { and, asc, eq } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { toJson } from "./explore/request";

const at = (block: bigint, logIndex: bigint) => `${block}:${logIndex}`;

export async function historyRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const metaPool = address.toLowerCase() as `0x${string}`;
  const { snapshot: s, sync, activity, purchase } = schema;
  const [rows, syncs, maturities, purchases] = await Promise.all([
    db
      .select({
        block: s.block,
        logIndex: s.logIndex,
        t: s.timestamp,
        kind: s.kind,
        capital: s.capital,
        pools: s.pools,
      })
      .from(s)
      .where(eq(s.metaPool, metaPool))
      .orderBy(asc(s.block), asc(s.logIndex)),
    db
      .select({ block: sync.block, logIndex: sync.logIndex, t: sync.timestamp })
      .from(sync)
      .where(eq(sync.metaPool, metaPool)),
    db
      .select({ block: activity.block, logIndex: activity.logIndex, ref: activity.ref })
      .from(activity)
      .where(and(eq(activity.metaPool, metaPool), eq(activity.kind, "PurchaseMatured"))),
    db
      .select({ id: purchase.purchaseId, maturesAt: purchase.maturesAt })
      .from(purchase)
      .where(eq(purchase.metaPool, metaPool)),
  ]);
  const syncTime = new Map(syncs.map((r) => [at(r.block, r.logIndex), r.t]));
  const maturesAt = new Map(purchases.map((p) => [p.id, p.maturesAt]));
  const maturedTime = new Map(
    maturities.flatMap((m) => {
      const t = m.ref === null ? undefined : maturesAt.get(m.ref);
      return t === undefined ? [] : [[at(m.block, m.logIndex), t] as const];
    }),
  );
  const points = rows.map((r) => {
    const key = at(r.block, r.logIndex);
    const t =
      (r.kind === "Synced" ? syncTime.get(key) : r.kind === "PurchaseMatured" ? maturedTime.get(key) : r.t) ?? r.t;
    return { t: Number(t), kind: r.kind, capital: r.capital, active: r.pools.map((p) => p.active) };
  });
  return c.json(toJson({ points }));
}
