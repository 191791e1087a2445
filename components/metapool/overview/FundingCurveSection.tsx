"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { FundingCurveChart } from "@/components/metapool/overview/Charts";
import { formatPercentWad, formatRateApr } from "@/lib/format";

/** The funding curve fixed at creation, with where each coverage pool sits on it now. */
export function FundingCurveSection() {
  const { view } = useMetaPoolContext();
  const points = view.pools.map((p) => ({ label: p.name, utilisation: p.utilisation, rate: p.rate }));
  return (
    <section aria-labelledby="curve-heading" className="card space-y-3">
      <h2 id="curve-heading" className="text-lg font-semibold">
        Funding curve
      </h2>
      <FundingCurveChart curve={view.config.curve} points={points} />
      <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label="Each pool on the curve now">
        {view.pools.map((p, i) => (
          <li key={i} className="flex flex-wrap justify-between gap-x-3">
            {/* Names wrap under their figures rather than shrink to "A…" beside them. */}
            <span className="min-w-0 break-words">{p.name}</span>
            <span className="shrink-0 text-muted tabular-nums">
              {formatPercentWad(p.utilisation)} used → {formatRateApr(p.rate)}
            </span>
          </li>
        ))}
      </ul>
      {view.shutDown && <p className="text-sm text-muted">Shut down: the funding rate is 0 for ever.</p>}
    </section>
  );
}
