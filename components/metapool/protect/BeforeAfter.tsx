import { formatDuration } from "@/lib/format";
import { YEAR } from "@/lib/protocol";
import type { ReactNode } from "react";

/** One "before → after" line of what an action changes. */
export interface Change {
  label: ReactNode;
  before: ReactNode;
  after: ReactNode;
}

/** What an action changes, line by line, before it is sent. */
export function BeforeAfter({ title = "What changes", changes }: { title?: string; changes: Change[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="rounded-md border border-border p-3">
      <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted">{title}</p>
      <dl className="space-y-1 text-sm">
        {changes.map((c, i) => (
          <div key={i} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <dt className="text-muted">{c.label}</dt>
            <dd className="tabular-nums">
              <span>{c.before}</span>
              <span aria-hidden="true" className="px-1 text-muted">
                →
              </span>
              <span className="sr-only"> becomes </span>
              <span className="font-medium">{c.after}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The cover token's symbol, as the contract names it (SPEC §5): "cnpy-<pool>-e<epoch>". */
export function coverSymbol(poolId: number, epoch: number | bigint): string {
  return `cnpy-${poolId}-e${epoch}`;
}

/** How long cover lasts: days and hours under two years, whole years (rounded down) beyond. */
export function formatLifetime(seconds: bigint): string {
  return seconds >= 2n * YEAR ? `about ${seconds / YEAR} years` : formatDuration(seconds);
}
