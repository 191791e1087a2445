/**
 * How far the indexer is: its own module, free of ABIs, because the root layout's indexer line reads it on every
 * route.
 */
import { queryOptions, skipToken } from "@tanstack/react-query";

import { fetchIndexerStatus } from "@/lib/indexer/status";

/** How often the page asks how far the indexer is: the lag line need not move with every block. */
export const STATUS_INTERVAL_MS = 10_000;

export function indexerStatusQuery(base: string | null) {
  return queryOptions({
    queryKey: ["canopy", "indexer", "status", base],
    refetchInterval: STATUS_INTERVAL_MS,
    // One retry: a single dropped request is not "down", a second one is.
    retry: 1,
    // Every list hook reads this status: a component mounting must not ask again (the interval does), least of all
    // while the indexer is down.
    staleTime: STATUS_INTERVAL_MS / 2,
    retryOnMount: false,
    queryFn: base ? ({ signal }) => fetchIndexerStatus(base, signal) : skipToken,
  });
}
