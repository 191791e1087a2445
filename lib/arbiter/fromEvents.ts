import type { ArbiterHistory, ArbitratedClaim, ArbitratedMetaPool } from "./types";

type Hex = `0x${string}`;

/** The events an arbiter's history is made of, each with the MetaPool that emitted it and its block's time. */
export interface ArbiterEvents {
  /** The factory's `MetaPoolCreated` naming the arbiter. */
  created: readonly { metaPool: Hex; name: string; protectionStatement: string }[];
  filed: readonly { metaPool: Hex; claimId: bigint; time: bigint }[];
  resolved: readonly { metaPool: Hex; claimId: bigint; valid: boolean; time: bigint }[];
  voided: readonly { metaPool: Hex; claimId: bigint; time: bigint }[];
  shutDown: readonly { metaPool: Hex; time: bigint }[];
}

const claimKey = (metaPool: string, claimId: bigint) => `${metaPool.toLowerCase()}:${claimId}`;

/**
 * The history as the indexer's tables hold it, rebuilt from the events: the chain fallback's half of "one
 * definition". Events of MetaPools the arbiter does not arbitrate are ignored (anyone can emit look-alikes).
 */
export function historyFromEvents(arbiter: Hex, events: ArbiterEvents): ArbiterHistory {
  const shutDownAt = new Map(events.shutDown.map((s) => [s.metaPool.toLowerCase(), s.time]));
  const metaPools: ArbitratedMetaPool[] = events.created.map((c) => ({
    address: c.metaPool,
    name: c.name,
    protectionStatement: c.protectionStatement,
    shutDownAt: shutDownAt.get(c.metaPool.toLowerCase()) ?? null,
  }));
  const mine = new Set(metaPools.map((m) => m.address.toLowerCase()));
  const claims = new Map<string, ArbitratedClaim>();
  for (const f of events.filed) {
    if (!mine.has(f.metaPool.toLowerCase())) continue;
    claims.set(claimKey(f.metaPool, f.claimId), {
      metaPool: f.metaPool,
      claimId: f.claimId,
      filedAt: f.time,
      status: "pending",
      resolvedAt: null,
    });
  }
  const settle = (metaPool: Hex, claimId: bigint, status: ArbitratedClaim["status"], time: bigint) => {
    const claim = claims.get(claimKey(metaPool, claimId));
    if (claim) claims.set(claimKey(metaPool, claimId), { ...claim, status, resolvedAt: time });
  };
  for (const r of events.resolved) settle(r.metaPool, r.claimId, r.valid ? "valid" : "invalid", r.time);
  for (const v of events.voided) settle(v.metaPool, v.claimId, "voided", v.time);
  return { arbiter, metaPools, claims: [...claims.values()] };
}
