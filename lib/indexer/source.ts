import { isAhead, isBehind, type IndexerStatus } from "./status";

/**
 * Where the lists come from and what the page says about it:
 * - `unconfigured`: no NEXT_PUBLIC_INDEXER_URL; lists are read from the chain (they may be slow);
 * - `down`: configured but not answering; lists fall back to the chain;
 * - `starting`: answering but still backfilling; lists fall back to the chain until it is ready;
 * - `ahead`: the chain went back below the indexed block (a reorganisation); lists fall back to the chain until the
 *   indexer follows it;
 * - `behind`: more than a few blocks behind; lists come from it, and the page says how far it has indexed;
 * - `live`: lists come from the indexer, nothing to say.
 */
export type IndexerState = "unconfigured" | "down" | "starting" | "ahead" | "behind" | "live";

export function indexerState(input: {
  configured: boolean;
  status: IndexerStatus | undefined;
  /** The status request failed (and no later one succeeded). */
  failed: boolean;
}): IndexerState {
  if (!input.configured) return "unconfigured";
  if (input.failed) return "down";
  if (!input.status) return "live"; // not known yet: try the indexer; a failing list request falls back on its own
  if (!input.status.ready) return "starting";
  if (isAhead(input.status)) return "ahead";
  return isBehind(input.status) ? "behind" : "live";
}

/** Whether lists are asked of the indexer (they still fall back to the chain if that request fails). */
export function readsFromIndexer(state: IndexerState): boolean {
  return state === "live" || state === "behind";
}

/** The line the page shows, or null when there is nothing to say. */
export function indexerNotice(state: IndexerState, status: IndexerStatus | undefined): string | null {
  if (state === "unconfigured") return "No indexer is configured: lists are read from the chain and may be slow.";
  if (state === "down") return "The indexer is not answering: lists are read from the chain and may be slow.";
  if (state === "starting") {
    return `The indexer is still catching up (block ${status?.indexedBlock ?? 0}): lists are read from the chain meanwhile.`;
  }
  if (state === "ahead" && status) {
    return `The chain went back to block ${status.headBlock} (a reorganisation): lists are read from the chain until the indexer follows.`;
  }
  if (state === "behind" && status) {
    const head = status.headBlock === null ? "" : ` of ${status.headBlock}`;
    return `Lists indexed to block ${status.indexedBlock}${head}; live figures come from the chain.`;
  }
  return null;
}
