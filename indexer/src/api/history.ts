// GET /canopy/metapool/:address/history: the MetaPool's state after every event that changed it (the snapshot
// table), oldest first: the event, its time, capital and each pool's active cover. The app derives free capital,
// utilisation and rates from these as its log replay does (lib/history/series), so both sources draw the same charts.
// Times are the events' own, as the replay's `eventTime`: a sync's accrual time, a maturity's `maturedAt` (a purchase
// matures at its time even when the block that records it comes later); else the block's.
// Each point also carries the share supply, for the share price's history (lib/indexer sharePricesFromSnapshots). A
// cancelled request burns shares without a snapshot: the cancel is added as a point of its own (capital and cover
// unchanged, the supply less the burned shares), so the supply is right from the block it changed in.
import type { Context } from "hono";
import { and, asc, eq, gt } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { toJson } from "./explore/request";

const at = (block: bigint, logIndex: bigint) => `${block}:${logIndex}`;

export async function historyRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  const metaPool = address.toLowerCase() as `0x${string}`;
  const { snapshot: s, sync, activity, purchase, withdrawalRequest: request } = schema;
  const [rows, syncs, maturities, purchases, cancels, burns] = await Promise.all([
    db
      .select({
        block: s.block,
        logIndex: s.logIndex,
        t: s.timestamp,
        kind: s.kind,
        capital: s.capital,
        supply: s.shareSupply,
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
    db
      .select({ block: activity.block, logIndex: activity.logIndex, t: activity.timestamp, ref: activity.ref })
      .from(activity)
      .where(and(eq(activity.metaPool, metaPool), eq(activity.kind, "WithdrawalCancelled"))),
    db
      .select({ id: request.requestId, burned: request.sharesBurned })
      .from(request)
      .where(and(eq(request.metaPool, metaPool), gt(request.sharesBurned, 0n))),
  ]);
  const syncTime = new Map(syncs.map((r) => [at(r.block, r.logIndex), r.t]));
  const maturesAt = new Map(purchases.map((p) => [p.id, p.maturesAt]));
  const maturedTime = new Map(
    maturities.flatMap((m) => {
      const t = m.ref === null ? undefined : maturesAt.get(m.ref);
      return t === undefined ? [] : [[at(m.block, m.logIndex), t] as const];
    }),
  );
  const burned = new Map(burns.map((b) => [b.id, b.burned ?? 0n]));
  const burnsAt = cancels
    .flatMap((c) => {
      const shares = c.ref === null ? undefined : burned.get(c.ref);
      return shares ? [{ block: c.block, logIndex: c.logIndex, t: c.t, shares }] : [];
    })
    .sort((a, b) => (a.block === b.block ? Number(a.logIndex - b.logIndex) : a.block < b.block ? -1 : 1));
  type Point = { t: number; kind: string; capital: bigint; supply: bigint; active: string[] };
  const points: Point[] = [];
  let next = 0;
  /** The cancels up to the log at `block`:`logIndex` (all that are left without one). */
  const addBurnsBefore = (until?: { block: bigint; logIndex: bigint }) => {
    for (; next < burnsAt.length; next++) {
      const burn = burnsAt[next]!;
      if (until && (burn.block > until.block || (burn.block === until.block && burn.logIndex > until.logIndex))) return;
      const last = points.at(-1);
      if (!last) continue; // no snapshot before it: nothing to burn from (cannot happen on a MetaPool's own log)
      points.push({ ...last, t: Number(burn.t), kind: "WithdrawalCancelled", supply: last.supply - burn.shares });
    }
  };
  for (const r of rows) {
    addBurnsBefore(r);
    const key = at(r.block, r.logIndex);
    const t =
      (r.kind === "Synced" ? syncTime.get(key) : r.kind === "PurchaseMatured" ? maturedTime.get(key) : r.t) ?? r.t;
    points.push({
      t: Number(t),
      kind: r.kind,
      capital: r.capital,
      supply: r.supply,
      active: r.pools.map((p) => p.active),
    });
  }
  addBurnsBefore();
  return c.json(toJson({ points }));
}
