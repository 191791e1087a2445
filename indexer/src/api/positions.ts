// GET /canopy/account/:account/positions[?metaPool=0x…]: the account's position history in every MetaPool it touched
// (or in one), what the app's chain-only path reads from 6–8 event queries per MetaPool (lib/reads/positionHistory):
// assets deposited and taken out, open withdrawal requests, purchases with the maturity each was bought with, the
// freezes that restarted purchases, and the cover tokens it holds or may hold. The app then reads the live figures
// (balances, quotes, purchase records) from the chain for exactly these (lib/reads/positions).
import type { Context } from "hono";
import { and, asc, eq, inArray, or, sql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

import { accountParam, touchedMetaPools } from "./account";
import { indexedBlockNow } from "./status";

type Hex = `0x${string}`;

/** What one MetaPool's entry carries; amounts and ids as decimal strings (JSON has no bigint). */
interface HistoryJson {
  metaPool: Hex;
  deposited: string;
  withdrawn: string;
  requestIds: string[];
  purchases: { id: string; boughtMaturesAt: string }[];
  restarts: { fromId: string; toId: string; maturesAt: string; claimId: string; order: string }[];
  coverTokens: { poolId: number; epoch: number; token: Hex }[];
}

export async function accountPositionsRoute(c: Context) {
  const a = accountParam(c);
  if (!a) return c.json({ error: "account must be a 0x address" }, 400);
  const only = c.req.query("metaPool");
  if (only !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(only)) {
    return c.json({ error: "metaPool must be a 0x address" }, 400);
  }
  // The block first: every row read after it reflects at least that block, so a caller that needs a newer one asks again.
  const indexedBlock = await indexedBlockNow(db);
  const metaPools = only ? [only.toLowerCase() as Hex] : await touchedMetaPools(a);
  return c.json({ account: a, indexedBlock, metaPools: await positionHistories(a, metaPools) });
}

async function positionHistories(a: Hex, metaPools: Hex[]): Promise<HistoryJson[]> {
  if (metaPools.length === 0) return [];
  const s = schema;
  const sumAssets = sql<string>`coalesce(sum(${s.activity.assets}), 0)`;
  const [deposits, withdrawals, requests, purchases, heldTokens] = await Promise.all([
    db
      .select({ m: s.activity.metaPool, assets: sumAssets })
      .from(s.activity)
      .where(and(eq(s.activity.receiver, a), eq(s.activity.kind, "Deposited"), inArray(s.activity.metaPool, metaPools)))
      .groupBy(s.activity.metaPool),
    db
      .select({ m: s.activity.metaPool, assets: sumAssets })
      .from(s.activity)
      .where(
        and(
          eq(s.activity.account, a),
          inArray(s.activity.kind, ["WithdrawalCompleted", "Exited"]),
          inArray(s.activity.metaPool, metaPools),
        ),
      )
      .groupBy(s.activity.metaPool),
    // Completed and cancelled requests have no shares left: the chain path drops them after a read.
    db
      .select({ m: s.withdrawalRequest.metaPool, id: s.withdrawalRequest.requestId })
      .from(s.withdrawalRequest)
      .where(
        and(
          eq(s.withdrawalRequest.owner, a),
          eq(s.withdrawalRequest.status, "open"),
          inArray(s.withdrawalRequest.metaPool, metaPools),
        ),
      )
      .orderBy(asc(s.withdrawalRequest.requestId)),
    db
      .select({
        m: s.purchase.metaPool,
        id: s.purchase.purchaseId,
        poolId: s.purchase.poolId,
        buyer: s.purchase.buyer,
        boughtMaturesAt: s.purchase.boughtMaturesAt,
      })
      .from(s.purchase)
      .where(and(or(eq(s.purchase.buyer, a), eq(s.purchase.receiver, a)), inArray(s.purchase.metaPool, metaPools)))
      .orderBy(asc(s.purchase.purchaseId)),
    db
      .select({
        m: s.coverHolder.metaPool,
        poolId: s.coverHolder.poolId,
        epoch: s.coverHolder.epoch,
        token: s.coverHolder.token,
      })
      .from(s.coverHolder)
      .where(and(eq(s.coverHolder.account, a), inArray(s.coverHolder.metaPool, metaPools))),
  ]);

  // A purchase bought for or by the account mints into its pool's open epoch: that token is worth a read even before
  // the indexer has seen the mint. Restarts matter only where the account has purchases.
  const withPurchases = [...new Set(purchases.map((p) => p.m))];
  const [openTokens, restarts] =
    withPurchases.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              m: s.coveragePool.metaPool,
              poolId: s.coveragePool.poolId,
              epoch: s.coveragePool.epoch,
              token: s.coveragePool.token,
            })
            .from(s.coveragePool)
            .where(inArray(s.coveragePool.metaPool, withPurchases)),
          db
            .select({
              m: s.purchaseRestart.metaPool,
              fromId: s.purchaseRestart.fromId,
              toId: s.purchaseRestart.toId,
              maturesAt: s.purchaseRestart.maturesAt,
              block: s.purchaseRestart.block,
              logIndex: s.purchaseRestart.logIndex,
              // The ruling in the same transaction (the last one, as the chain path pairs them).
              claimId: sql<string>`max(${s.claim.claimId})`,
            })
            .from(s.purchaseRestart)
            .innerJoin(
              s.claim,
              and(eq(s.claim.metaPool, s.purchaseRestart.metaPool), eq(s.claim.resolvedTx, s.purchaseRestart.tx)),
            )
            .where(inArray(s.purchaseRestart.metaPool, withPurchases))
            .groupBy(
              s.purchaseRestart.metaPool,
              s.purchaseRestart.block,
              s.purchaseRestart.logIndex,
              s.purchaseRestart.fromId,
              s.purchaseRestart.toId,
              s.purchaseRestart.maturesAt,
            ),
        ]);

  const byMetaPool = new Map<Hex, HistoryJson>(
    metaPools.map((m) => [
      m,
      { metaPool: m, deposited: "0", withdrawn: "0", requestIds: [], purchases: [], restarts: [], coverTokens: [] },
    ]),
  );
  const entry = (m: Hex) => byMetaPool.get(m.toLowerCase() as Hex)!;
  for (const d of deposits) entry(d.m).deposited = BigInt(d.assets).toString();
  for (const w of withdrawals) entry(w.m).withdrawn = BigInt(w.assets).toString();
  for (const r of requests) entry(r.m).requestIds.push(r.id.toString());
  // The chain path lists the purchases the account bought (`ProtectionBought` by buyer).
  for (const p of purchases) {
    if (p.buyer === a)
      entry(p.m).purchases.push({ id: p.id.toString(), boughtMaturesAt: p.boughtMaturesAt.toString() });
  }
  for (const r of restarts) {
    entry(r.m).restarts.push({
      fromId: r.fromId.toString(),
      toId: r.toId.toString(),
      maturesAt: r.maturesAt.toString(),
      claimId: BigInt(r.claimId).toString(),
      order: (r.block * 1_000_000n + r.logIndex).toString(),
    });
  }
  const poolsBought = new Set(purchases.map((p) => `${p.m}:${p.poolId}`));
  const seen = new Set<string>();
  const addToken = (m: Hex, poolId: bigint, epoch: bigint, token: Hex | null) => {
    if (!token || seen.has(`${m}:${token}`)) return;
    seen.add(`${m}:${token}`);
    entry(m).coverTokens.push({ poolId: Number(poolId), epoch: Number(epoch), token });
  };
  for (const t of heldTokens) addToken(t.m, t.poolId, t.epoch, t.token);
  for (const t of openTokens) if (poolsBought.has(`${t.m}:${t.poolId}`)) addToken(t.m, t.poolId, t.epoch, t.token);
  for (const h of byMetaPool.values()) h.coverTokens.sort((x, y) => x.poolId - y.poolId || x.epoch - y.epoch);
  return metaPools.map((m) => byMetaPool.get(m)!);
}
