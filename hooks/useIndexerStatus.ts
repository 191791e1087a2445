"use client";

import { useQuery } from "@tanstack/react-query";

import { indexerStatusQuery } from "@/hooks/indexerStatusQuery";
import { indexerUrl } from "@/lib/indexer/config";
import { indexerNotice, indexerState, readsFromIndexer } from "@/lib/indexer/source";

/**
 * How far the indexer is (every ~10 s) and so where lists come from: the indexer when it answers and has finished
 * its backfill, else the chain. Every hook that lists asks this one, so they all agree (one shared query).
 */
export function useIndexerStatus() {
  const status = useQuery(indexerStatusQuery(indexerUrl));
  // A failed poll after a good one still means "down": the last success is not evidence it answers now.
  const failed = status.isError && status.errorUpdatedAt >= status.dataUpdatedAt;
  const state = indexerState({ configured: indexerUrl !== null, status: status.data, failed });
  return {
    state,
    status: status.data,
    /** The indexer's base URL when lists should be asked of it, else null. */
    listsFrom: readsFromIndexer(state) ? indexerUrl : null,
    notice: indexerNotice(state, status.data),
  };
}
