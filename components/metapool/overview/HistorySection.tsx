"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { LineChart } from "@/components/metapool/overview/Charts";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/States";
import { useChainMinute } from "@/hooks/useChainNow";
import { useMetaPoolHistory } from "@/hooks/useMetaPoolHistory";
import { deployment } from "@/lib/deployment";
import { formatDateTime, formatRateApr } from "@/lib/format";
import type { ClaimRecord, ClaimStatus, MetaPoolSeries } from "@/lib/history";

const CLAIM_TONE: Record<ClaimStatus, BadgeTone> = {
  pending: "warn",
  valid: "good",
  invalid: "bad",
  voided: "neutral",
};
const CLAIM_LABEL: Record<ClaimStatus, string> = {
  pending: "Pending",
  valid: "Valid: paid",
  invalid: "Invalid: rejected",
  voided: "Void (shutdown)",
};

/** Capital, cover and funding rates over time, and every claim with its ruling, from the MetaPool's events. */
export function HistorySection() {
  const { address, view } = useMetaPoolContext();
  const history = useMetaPoolHistory(address, view.config.curve, deployment?.startBlock ?? 0n);

  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {history.isPending ? (
        <LoadingRows rows={3} label="Loading the MetaPool's history" />
      ) : history.isError ? (
        <ErrorState
          title="The history could not be read"
          error={{ cause: history.error, action: "read the history" }}
          onRetry={() => void history.refetch()}
        />
      ) : (
        <>
          <HistoryCharts series={history.data.series} />
          <ClaimsHistory claims={history.data.claims} />
        </>
      )}
    </section>
  );
}

function HistoryCharts({ series }: { series: MetaPoolSeries | undefined }) {
  const { view, fmt } = useMetaPoolContext();
  // The charts run to the chain's now; a minute is a hair on their axis, and three SVG charts every second are not.
  const now = useChainMinute();
  const endTime = now === undefined ? undefined : Number(now);
  if (!series || series.capital.length === 0) {
    return <EmptyState title="No activity yet">Charts appear after the first deposit.</EmptyState>;
  }
  const amount = (y: bigint) => fmt(y, { compact: true });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="card">
        <LineChart
          title="Capital"
          series={[
            { label: "Capital", points: series.capital },
            { label: "Free capital", points: series.freeCapital },
          ]}
          formatY={amount}
          endTime={endTime}
        />
      </div>
      <div className="card">
        <LineChart
          title="Active cover"
          series={series.pools.map((p, i) => ({ label: view.pools[i]?.name ?? `Pool ${i}`, points: p.active }))}
          formatY={amount}
          endTime={endTime}
        />
      </div>
      <div className="card lg:col-span-2">
        <LineChart
          title="Funding rate"
          series={series.pools.map((p, i) => ({ label: view.pools[i]?.name ?? `Pool ${i}`, points: p.rate }))}
          formatY={(y: bigint) => formatRateApr(y)}
          endTime={endTime}
        />
      </div>
    </div>
  );
}

function ClaimsHistory({ claims }: { claims: ClaimRecord[] }) {
  const { view, fmt } = useMetaPoolContext();
  return (
    <div className="space-y-2">
      <h3 className="font-medium">Claims</h3>
      {claims.length === 0 ? (
        <EmptyState title="No claims filed">No claim has ever been filed against this MetaPool.</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label="Claims, newest first">
          {[...claims].reverse().map((c) => (
            <li
              key={c.claimId.toString()}
              className="card space-y-2 text-sm"
              data-testid={`claim-history-${c.claimId}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  Claim #{c.claimId.toString()} on {view.pools[c.poolId]?.name ?? `pool ${c.poolId}`}
                </span>
                <Badge tone={CLAIM_TONE[c.status]}>{CLAIM_LABEL[c.status]}</Badge>
              </div>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
                <div>
                  <dt className="inline text-muted">Incident: </dt>
                  <dd className="inline">{formatDateTime(c.incidentTime)}</dd>
                </div>
                <div>
                  <dt className="inline text-muted">Filed: </dt>
                  <dd className="inline">{formatDateTime(c.filedAt)}</dd>
                </div>
                <div>
                  <dt className="inline text-muted">Bond: </dt>
                  <dd className="inline">{fmt(c.bond)}</dd>
                </div>
                <div>
                  <dt className="inline text-muted">{c.status === "voided" ? "Voided" : "Decided"}: </dt>
                  <dd className="inline">
                    {c.decidedAt !== undefined ? formatDateTime(c.decidedAt) : "awaiting the arbiter"}
                  </dd>
                </div>
                {c.status === "valid" && c.payout !== undefined && (
                  <div className="sm:col-span-2">
                    <dt className="inline text-muted">Paid: </dt>
                    <dd className="inline">
                      {fmt(c.payout)} taken from capital; holders redeem {fmt(c.redeemable ?? 0n)}
                    </dd>
                  </div>
                )}
              </dl>
              {c.evidence && (
                <details>
                  <summary className="cursor-pointer text-muted">Evidence</summary>
                  <p className="mt-1 break-words whitespace-pre-wrap">{c.evidence}</p>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
