import type { ReactNode } from "react";

/** A labelled figure: "Capital — 1.2M dUSD". */
export function Stat({ label, value, sub }: { label: ReactNode; value: ReactNode; sub?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      {/* Wraps rather than cuts: a figure never loses its unit ("4,987.12…"). */}
      <dd className="text-base font-semibold break-words tabular-nums">{value}</dd>
      {sub && <dd className="text-xs text-muted">{sub}</dd>}
    </div>
  );
}
