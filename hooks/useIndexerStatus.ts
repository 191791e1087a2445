"use client";

import { useQuery } from "@tanstack/react-query";

import { indexerStatusQuery } from "@/hooks/indexerStatusQuery";
import { indexerUrl } from "@/lib/indexer/config";
import { indexerNotice, indexerState, readsFromIndexer } from "@/lib/indexer/source";
import { lastFetchFailed } from "@/lib/queryState";

/**
 * How far the indexer is (every ~10 s) and so where lists come from: the indexer when it answers and has finished
 * its backfill, else the chain. Every hook that lists asks this one, so they all agree (one shared query).
 */
export function useIndexerStatus() {
  const status = useQuery(indexerStatusQuery(indexerUrl));
  // The last finished poll decides, also while the next one runs: a failed poll after a good one means "down" (the
  // last success is not evidence it answers now), and a retry in flight is not evidence it is back.
  const failed = lastFetchFailed(status);
  const state = indexerState({ configured: indexerUrl !== null, status: status.data, failed });
  return {
    state,
    status: status.data,
    /** The indexer's base URL when lists should be asked of it, else null. */
    listsFrom: readsFromIndexer(state) ? indexerUrl : null,
    notice: indexerNotice(state, status.data),
  };
}
