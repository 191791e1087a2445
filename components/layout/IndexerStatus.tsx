"use client";

import { useIndexerStatus } from "@/hooks/useIndexerStatus";

/**
 * One line under the header about where lists come from, only when there is something to say: the indexer is
 * behind ("Lists indexed to block N of M"), down or still catching up (lists fall back to the chain), or not
 * configured (lists are read from the chain, quietly). Live figures never depend on it.
 */
export function IndexerStatus() {
  const { state, notice } = useIndexerStatus();
  if (!notice) return null;
  const quiet = state === "unconfigured";
  return (
    <div
      role="status"
      data-testid="indexer-status"
      data-state={state}
      className={
        quiet
          ? "text-muted"
          : "border-b border-amber-500/40 bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
      }
    >
      <p className={`mx-auto max-w-5xl px-4 ${quiet ? "pt-2 text-xs" : "py-1.5 text-sm"}`}>{notice}</p>
    </div>
  );
}
