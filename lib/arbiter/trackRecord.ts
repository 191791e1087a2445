import type { ArbiterHistory, ArbiterRecord } from "./types";

/** The middle value, or the mean of the two middle values rounded down; null for no values. */
export function median(values: readonly bigint[]): bigint | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2n;
}

/**
 * An arbiter's track record across every MetaPool it arbitrates: the one definition both the indexer's endpoint
 * and the app's chain fallback use. Claims of MetaPools not in the history are ignored.
 */
export function trackRecord(history: ArbiterHistory): ArbiterRecord {
  const mine = new Set(history.metaPools.map((m) => m.address.toLowerCase()));
  const claims = history.claims.filter((c) => mine.has(c.metaPool.toLowerCase()));
  const count = (status: string) => claims.filter((c) => c.status === status).length;
  const ruled = claims.filter((c) => (c.status === "valid" || c.status === "invalid") && c.resolvedAt !== null);
  // A ruling in the filing block takes 0 s; clock skew between sources never makes it negative.
  const delays = ruled.map((c) => (c.resolvedAt! > c.filedAt ? c.resolvedAt! - c.filedAt : 0n));
  return {
    metaPools: history.metaPools.length,
    claimsFiled: claims.length,
    ruled: ruled.length,
    valid: count("valid"),
    invalid: count("invalid"),
    pending: count("pending"),
    voided: count("voided"),
    medianTimeToRuling: median(delays),
    shutdowns: history.metaPools.filter((m) => m.shutDownAt !== null).length,
  };
}
