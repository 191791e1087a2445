// GET /canopy/metapool/:address/repricing?pool=N&account=0x…&epoch=E  or  ?pool=N&since=T
// What moved the price of cover in pool N since a time (lib/economics repricingReasons, on the activity table): valid
// claims on the other pools, deposits, withdrawals and exits, cover that matured in pool N. The time is either T
// (when the account last looked) or when the account's latest purchase in pool N, epoch E became cover (its
// PurchaseMatured's block time, as lib/economics coverStartedAt); null, with no reasons, when it has none there.
// A few sums and the valid claims: a small answer however long the MetaPool's past.
import type { Context } from "hono";
import { and, asc, desc, eq, gt, inArray, ne, or, sum } from "ponder";
import { db } from "ponder:api";
import { activity, purchase } from "ponder:schema";

import { toJson } from "./explore/request";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const INTEGER = /^\d{1,15}$/;

type Hex = `0x${string}`;

/** Block time of the PurchaseMatured that last made `account`'s cover in `poolId`, epoch `epoch` (tokens > 0). */
async function coverStartedAt(metaPool: Hex, account: Hex, poolId: bigint, epoch: bigint): Promise<number | null> {
  const [latest] = await db
    .select({ t: activity.timestamp })
    .from(activity)
    .innerJoin(purchase, and(eq(purchase.metaPool, activity.metaPool), eq(purchase.purchaseId, activity.ref)))
    .where(
      and(
        eq(activity.metaPool, metaPool),
        eq(activity.kind, "PurchaseMatured"),
        eq(activity.account, account),
        eq(activity.poolId, poolId),
        gt(activity.tokens, 0n),
        eq(purchase.epoch, epoch),
      ),
    )
    .orderBy(desc(activity.block), desc(activity.logIndex))
    .limit(1);
  return latest ? Number(latest.t) : null;
}

/** The reasons in lib/economics RepricingReason's shape and order: claims as they were ruled, then the sums. */
async function reasonsSince(metaPool: Hex, since: number, poolId: bigint) {
  const after = and(eq(activity.metaPool, metaPool), gt(activity.timestamp, BigInt(since)));
  const [claims, sums] = await Promise.all([
    db
      .select({ poolId: activity.poolId, amount: activity.assets })
      .from(activity)
      .where(and(after, eq(activity.kind, "ClaimAccepted"), ne(activity.poolId, poolId)))
      .orderBy(asc(activity.block), asc(activity.logIndex)),
    db
      .select({ kind: activity.kind, total: sum(activity.assets) })
      .from(activity)
      .where(
        and(
          after,
          or(
            inArray(activity.kind, ["Deposited", "WithdrawalCompleted", "Exited"]),
            and(eq(activity.kind, "PurchaseMatured"), eq(activity.poolId, poolId)),
          ),
        ),
      )
      .groupBy(activity.kind),
  ]);
  const total = (...kinds: string[]) =>
    sums.filter((s) => kinds.includes(s.kind)).reduce((acc, s) => acc + BigInt(s.total ?? 0), 0n);
  const reasons: { kind: string; poolId?: number; amount: bigint }[] = claims.map((c) => ({
    kind: "claim",
    poolId: Number(c.poolId),
    amount: c.amount ?? 0n,
  }));
  const deposits = total("Deposited");
  const withdrawals = total("WithdrawalCompleted", "Exited");
  const cover = total("PurchaseMatured");
  if (deposits > 0n) reasons.push({ kind: "deposits", amount: deposits });
  if (withdrawals > 0n) reasons.push({ kind: "withdrawals", amount: withdrawals });
  if (cover > 0n) reasons.push({ kind: "cover", amount: cover });
  return reasons;
}

export async function repricingRoute(c: Context) {
  const address = c.req.param("address") ?? "";
  const { pool, account, epoch, since } = c.req.query();
  if (!ADDRESS.test(address)) return c.json({ error: "address must be a 0x address" }, 400);
  if (!pool || !INTEGER.test(pool)) return c.json({ error: "pool must be a pool id" }, 400);
  const metaPool = address.toLowerCase() as Hex;
  const poolId = BigInt(pool);
  let from: number | null;
  if (account !== undefined) {
    if (!ADDRESS.test(account) || !epoch || !INTEGER.test(epoch)) {
      return c.json({ error: "account must be a 0x address and epoch a cover epoch" }, 400);
    }
    from = await coverStartedAt(metaPool, account.toLowerCase() as Hex, poolId, BigInt(epoch));
  } else if (since !== undefined && INTEGER.test(since)) {
    from = Number(since);
  } else {
    return c.json({ error: "give either account and epoch, or since (unix seconds)" }, 400);
  }
  const reasons = from === null ? [] : await reasonsSince(metaPool, from, poolId);
  return c.json(toJson({ since: from, reasons }));
}
