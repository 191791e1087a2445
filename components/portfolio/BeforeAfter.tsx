import type { ReactNode } from "react";

/** One "before → after" line (inside a <dl>) of a preview: what an action changes, in numbers. */
export function BeforeAfter({ label, before, after, note }: { label: ReactNode; before?: ReactNode; after: ReactNode; note?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right tabular-nums">
        {before !== undefined && (
          <>
            <span className="text-muted">{before}</span>
            <span aria-hidden="true" className="mx-1.5">
              →
            </span>
            <span className="sr-only"> becomes </span>
          </>
        )}
        <span className="font-medium">{after}</span>
        {note && <span className="block text-xs text-muted">{note}</span>}
      </dd>
    </div>
  );
}
