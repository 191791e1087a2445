import type { Address } from "viem";

import type { ExploreSummary as Summary } from "@/lib/explore";
import { formatAmount } from "@/lib/format";

/**
 * The market at a glance: how many MetaPools in which state, and the capital and cover in force per asset
 * (amounts in different assets are never added together). Shut-down MetaPools hold no cover and underwrite nothing,
 * so their money is left out.
 */
export function ExploreSummary({ summary, symbolOf }: { summary: Summary; symbolOf: (asset: Address) => string }) {
  const { byStatus } = summary;
  const states = [
    `${byStatus.active} active`,
    byStatus.claimPending > 0 ? `${byStatus.claimPending} claim pending` : null,
    byStatus.shutDown > 0 ? `${byStatus.shutDown} shut down` : null,
  ].filter(Boolean);
  const perAsset = summary.perAsset;
  return (
    <section aria-label="Market summary" className="card">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-4 sm:grid-cols-4">
        <div className="min-w-0">
          <dt className="text-xs text-muted">MetaPools</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="summary-metapools">
            {summary.metaPools}
          </dd>
          <dd className="text-xs text-muted">{states.join(" · ")}</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted">Coverage pools open</dt>
          <dd className="text-lg font-semibold tabular-nums">{summary.coveragePools}</dd>
          <dd className="text-xs text-muted">protocols you can buy cover on</dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted">Capital underwriting</dt>
          {perAsset.length === 0 && <dd className="text-lg font-semibold">—</dd>}
          {perAsset.map((a) => (
            <dd key={a.asset} className="text-lg font-semibold break-words tabular-nums">
              {formatAmount(a.capital, a.decimals, { symbol: symbolOf(a.asset), compact: true })}
            </dd>
          ))}
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted">Active cover</dt>
          {perAsset.length === 0 && <dd className="text-lg font-semibold">—</dd>}
          {perAsset.map((a) => (
            <dd key={a.asset} className="break-words tabular-nums">
              <span className="text-lg font-semibold">
                {formatAmount(a.active, a.decimals, { symbol: symbolOf(a.asset), compact: true })}
              </span>
              {a.pending > 0n && (
                <span className="ml-1 text-xs text-muted">
                  + {formatAmount(a.pending, a.decimals, { compact: true })} pending
                </span>
              )}
            </dd>
          ))}
        </div>
      </dl>
    </section>
  );
}
