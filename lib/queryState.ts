/**
 * Whether a query's last finished request failed. TanStack Query resets `isError` to false (status "pending") while
 * a query that never succeeded fetches again (on an interval, a mount or a retry), so `isError` alone flips a
 * fallback back and forth on every attempt: with the indexer stopped, each flip re-enabled the indexer's queries and
 * their mounts refetched the status, and the portfolio never left "Loading". The timestamps survive a refetch.
 */
export function lastFetchFailed(query: { errorUpdatedAt: number; dataUpdatedAt: number }): boolean {
  return query.errorUpdatedAt > query.dataUpdatedAt;
}
