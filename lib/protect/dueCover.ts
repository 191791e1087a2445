import { parseEventLogs, zeroAddress, type Address, type Log } from "viem";

import { metaPoolExtensionAbi } from "@/abis";
import { mulDivDown, saturatingSub } from "@/lib/protocol";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition, CoverHolding, PurchasePosition } from "@/lib/types/positions";

/** What the next transaction on the MetaPool does to one due purchase: the `PurchaseMatured` it would emit. */
export interface DueMaturity {
  purchaseId: bigint;
  poolId: number;
  epoch: number;
  accepted: bigint;
  tokens: bigint;
}

/** A cover holding that may include tokens a due purchase mints with the next transaction on the MetaPool. */
export type CoverWithDue = CoverHolding & { dueTokens?: bigint };

/** The `PurchaseMatured` events of a simulated sync, as the maturities it would settle. */
export function dueMaturities(logs: readonly Log[]): DueMaturity[] {
  return parseEventLogs({ abi: metaPoolExtensionAbi, eventName: "PurchaseMatured", logs: [...logs] }).map((e) => ({
    purchaseId: e.args.purchaseId,
    poolId: Number(e.args.poolId),
    epoch: Number(e.args.epoch),
    accepted: e.args.accepted,
    tokens: e.args.tokens,
  }));
}

/** Whether any of the position's purchases is due and waits only for the next transaction to become cover. */
export function hasDuePurchase(position: AccountPosition): boolean {
  return position.purchases.some((p) => p.state === "maturing");
}

/**
 * The position as it stands once the next transaction settles its due purchases, which every
 * action on the MetaPool does first (its sync matures them in queue order, SPEC §6). The view
 * already counts them in K and the cover supply; here the account's own purchases become what the
 * simulated sync mints: a due purchase sent to this account turns matured (its unaccepted rest
 * refundable) and its tokens join the account's cover of that pool, valued on the view's figures
 * (floor(tokens × (K − debt) / supply), as `coverUnderlying` computes). Purchases whose tokens go to
 * another address, or that the simulation did not settle, are left as they were.
 */
export function settleDuePurchases(
  position: AccountPosition,
  view: MetaPoolView,
  maturities: readonly DueMaturity[],
): AccountPosition {
  const byId = new Map(maturities.map((m) => [m.purchaseId, m]));
  const dueTokens = new Map<number, bigint>();
  const purchases = position.purchases.map((p): PurchasePosition => {
    const m = byId.get(p.id);
    if (p.state !== "maturing" || !m || !sameAccount(p.record.receiver, position.account)) return p;
    // Tokens of an epoch the view has already moved past (a lapse after maturity) are not current cover.
    if (m.tokens > 0n && view.pools[m.poolId]?.epoch === m.epoch) {
      dueTokens.set(m.poolId, (dueTokens.get(m.poolId) ?? 0n) + m.tokens);
    }
    return {
      ...p,
      state: "matured",
      refundable: p.record.amount - m.accepted,
      record: { ...p.record, status: 2, accepted: m.accepted },
    };
  });
  if (dueTokens.size === 0 && purchases.every((p, i) => p === position.purchases[i])) return position;

  const cover: CoverWithDue[] = position.cover.map((c) => {
    const due = !c.closed ? dueTokens.get(c.poolId) : undefined;
    if (due === undefined || view.pools[c.poolId]?.epoch !== c.epoch) return c;
    dueTokens.delete(c.poolId);
    const tokens = c.tokens + due;
    return { ...c, tokens, dueTokens: due, underlying: underlyingOnView(view, c.poolId, tokens) };
  });
  for (const [poolId, due] of dueTokens) {
    const pool = view.pools[poolId]!;
    cover.push({
      poolId,
      epoch: Number(pool.epoch),
      token: pool.token ?? zeroAddress,
      tokens: due,
      dueTokens: due,
      underlying: underlyingOnView(view, poolId, due),
      closed: false,
    });
  }
  return { ...position, purchases, cover };
}

/** Of a holding's tokens, those the next transaction on the MetaPool mints (0 when all are in the wallet). */
export function dueTokensOf(holding: CoverHolding): bigint {
  return (holding as CoverWithDue).dueTokens ?? 0n;
}

/** What `tokens` of pool `poolId`'s current epoch are worth on the view's projected figures, rounded down. */
function underlyingOnView(view: MetaPoolView, poolId: number, tokens: bigint): bigint {
  const pool = view.pools[poolId]!;
  if (pool.coverSupply === 0n) return 0n;
  return mulDivDown(tokens, saturatingSub(pool.active, pool.debt), pool.coverSupply);
}

function sameAccount(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
