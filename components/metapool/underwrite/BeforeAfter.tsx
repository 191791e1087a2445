import type { ReactNode } from "react";

export interface ChangeRow {
  label: ReactNode;
  before?: ReactNode;
  after: ReactNode;
}

/** What an action changes, one line each: "My shares  100.00 → 150.00". */
export function BeforeAfter({ rows, label = "What changes" }: { rows: readonly ChangeRow[]; label?: string }) {
  return (
    <div className="rounded-md border border-border bg-background p-3 text-sm">
      <p className="mb-2 text-xs font-medium text-muted">{label}</p>
      <dl className="space-y-1">
        {rows.map((row, i) => (
          <div key={i} className="flex flex-wrap items-baseline justify-between gap-x-3">
            <dt className="text-muted">{row.label}</dt>
            <dd className="tabular-nums">
              {row.before !== undefined && (
                <>
                  <span className="text-muted">{row.before}</span>
                  <span aria-label="becomes" className="px-1">
                    →
                  </span>
                </>
              )}
              <span className="font-medium">{row.after}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
