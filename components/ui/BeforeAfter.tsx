import type { ReactNode } from "react";

/** One "before → after" line of what an action changes; without `before` only the outcome shows. */
export interface Change {
  label: ReactNode;
  before?: ReactNode;
  after: ReactNode;
  /** A smaller line under the outcome: who gets it, why, what follows. */
  note?: ReactNode;
}

/** One line of a preview, inside a <dl>: "My shares  100.00 → 150.00" (the arrow is read as "becomes"). */
export function BeforeAfterRow({ label, before, after, note }: Change) {
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

/** What an action changes, line by line, before it is sent; nothing when it changes nothing. */
export function BeforeAfter({ title = "What changes", changes }: { title?: string; changes: readonly Change[] }) {
  if (changes.length === 0) return null;
  return (
    <div className="rounded-md border border-border p-3">
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-muted">{title}</p>
      <dl>
        {changes.map((c, i) => (
          <BeforeAfterRow key={i} {...c} />
        ))}
      </dl>
    </div>
  );
}
