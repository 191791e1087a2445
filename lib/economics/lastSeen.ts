import { WAD } from "@/lib/protocol";

import { REPRICING_FACTOR } from "./repricing";

/**
 * "Since you last saw it": cover's yearly cost (WAD a year of the cover) as the account last saw it,
 * remembered per account × MetaPool × pool, so a rise of more than 2× between two visits is flagged
 * even when the cost since the cover started has not doubled (or is not known).
 */
export interface SeenCost {
  /** The yearly cost rate shown then, WAD. */
  cost: bigint;
  /** When it was seen, unix seconds (chain time). */
  at: number;
}

const PREFIX = "canopy:cover-cost-seen:v1";

/** The storage key of one holding's last seen cost; addresses lower-cased so checksums do not split it. */
export function seenCostKey(account: string, metaPool: string, poolId: number): string {
  return `${PREFIX}:${account.toLowerCase()}:${metaPool.toLowerCase()}:${poolId}`;
}

export function serializeSeenCost(seen: SeenCost): string {
  return JSON.stringify({ cost: seen.cost.toString(), at: seen.at });
}

/** The stored value, or null when absent or not ours (a hand-edited or older entry is ignored, never trusted). */
export function parseSeenCost(raw: string | null): SeenCost | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { cost?: unknown; at?: unknown };
    if (typeof value.cost !== "string" || !/^\d+$/.test(value.cost)) return null;
    if (typeof value.at !== "number" || !Number.isSafeInteger(value.at) || value.at < 0) return null;
    return { cost: BigInt(value.cost), at: value.at };
  } catch {
    return null;
  }
}

export interface RiseSinceSeen {
  since: number;
  costThen: bigint;
  costNow: bigint;
  /** costNow / costThen, WAD. */
  factor: bigint;
}

/** The rise since the account last saw the cost, when it is more than 2× (the repricing threshold); else null. */
export function riseSinceSeen(seen: SeenCost | null, costNow: bigint | null): RiseSinceSeen | null {
  if (!seen || costNow === null || seen.cost === 0n || costNow <= seen.cost * REPRICING_FACTOR) return null;
  return { since: seen.at, costThen: seen.cost, costNow, factor: (costNow * WAD) / seen.cost };
}
