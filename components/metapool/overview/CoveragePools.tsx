"use client";

import { TermLink } from "@/components/howItWorks/TermLink";
import { PayoutFigure } from "@/components/metapool/economics/PayoutFigure";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Badge } from "@/components/ui/Badge";
import { coverCostRate, formatCostRate, formatMultiple, payoutMultiple } from "@/lib/economics";
import { formatPercentWad, formatRateApr } from "@/lib/format";
import type { MetaPoolView } from "@/lib/types/metaPool";

type PoolView = MetaPoolView["pools"][number];

/**
 * What a valid claim on the pool would do now (SPEC §7, contract `previewPayout`): take P from
 * capital, and let the epoch's holders redeem K + P less the premium owed during the claim.
 */
export function claimPreview(pool: PoolView): { payout: bigint; redeemable: bigint } {
  const gross = pool.active + pool.payout;
  return { payout: pool.payout, redeemable: gross - (pool.debt < gross ? pool.debt : gross) };
}

function ClaimNow({ pool, poolId, shutDown }: { pool: PoolView; poolId: number; shutDown: boolean }) {
  const { fmt } = useMetaPoolContext();
  if (shutDown) return <span className="text-muted">Cover no longer in force</span>;
  if (pool.coverSupply === 0n) return <span className="text-muted">No cover sold: nothing to claim</span>;
  const { redeemable } = claimPreview(pool);
  return (
    <span>
      <PayoutFigure kind="pool" poolId={poolId} value={fmt(pool.payout)} inline />
      <span className="block text-xs text-muted">
        holders redeem {fmt(redeemable)}: their cover {fmt(pool.active)} back plus the payout
        {pool.debt > 0n ? `, less ${fmt(pool.debt, { rounding: "up" })} premium owed` : ""}
      </span>
    </span>
  );
}

/** What the pool's cover costs its holders a year, as a share of their deposits, and its payout per unit of cover. */
function CoverPrice({ pool, poolId }: { pool: PoolView; poolId: number }) {
  const cost = coverCostRate(pool.premiumSpeed, pool.active);
  if (cost === null) return <span className="text-muted">—</span>;
  return (
    <span data-testid={`pool-cost-${poolId}`}>
      {formatCostRate(cost)} a year
      <span className="block text-xs text-muted">
        pays ≈ {formatMultiple(payoutMultiple(pool.payout, pool.active))} the cover
      </span>
    </span>
  );
}

function ClaimStatus({ pool }: { pool: PoolView }) {
  return pool.pendingClaimId > 0n ? (
    <Badge tone="warn">Claim #{pool.pendingClaimId.toString()} pending</Badge>
  ) : (
    <Badge>No claim</Badge>
  );
}

/** Every coverage pool's cover, utilisation, rate and what a claim would pay: a table on desktop, cards on phones. */
export function CoveragePools() {
  const { view, details, fmt } = useMetaPoolContext();
  const description = (i: number) => details.params.pools[i]?.description ?? "";
  return (
    <section aria-labelledby="pools-heading" className="space-y-3">
      <h2 id="pools-heading" className="text-lg font-semibold">
        <TermLink term="coverage-pool">Coverage pools</TermLink>
      </h2>
      <p className="text-sm text-muted">
        All pools draw on the same capital. <TermLink term="utilisation">Utilisation</TermLink> is the pool&apos;s cover
        over its cover plus free capital; the <TermLink term="funding-rate">funding rate</TermLink> follows it along the
        curve and is charged on the pool&apos;s <TermLink term="payout">payout</TermLink>, so cover costs its holders
        rate × payout ÷ cover of their deposit a year.
      </p>

      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Coverage pools of {view.config.name}</caption>
          <thead className="text-xs text-muted">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3 font-medium">
                Pool
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Active cover
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Pending
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Utilisation
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Cost of cover
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Funding rate
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                If a claim is upheld now
              </th>
              <th scope="col" className="py-2 font-medium">
                Claim
              </th>
            </tr>
          </thead>
          <tbody>
            {view.pools.map((pool, i) => (
              <tr key={i} className="border-b border-border align-top last:border-b-0" data-testid={`pool-row-${i}`}>
                <th scope="row" className="max-w-[16rem] py-3 pr-3 font-normal">
                  <span className="font-medium">{pool.name}</span>
                  {description(i) && <span className="block text-xs break-words text-muted">{description(i)}</span>}
                </th>
                <td className="py-3 pr-3 text-right tabular-nums">{fmt(pool.active, { compact: true })}</td>
                <td className="py-3 pr-3 text-right tabular-nums">{fmt(pool.pending, { compact: true })}</td>
                <td className="py-3 pr-3 text-right tabular-nums">{formatPercentWad(pool.utilisation)}</td>
                <td className="py-3 pr-3 text-right tabular-nums">
                  <CoverPrice pool={pool} poolId={i} />
                </td>
                <td className="py-3 pr-3 text-right tabular-nums">{formatRateApr(pool.rate)}</td>
                <td className="py-3 pr-3">
                  <ClaimNow pool={pool} poolId={i} shutDown={view.shutDown} />
                </td>
                <td className="py-3">
                  <ClaimStatus pool={pool} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden">
        {view.pools.map((pool, i) => (
          <li key={i} className="card space-y-3" data-testid={`pool-card-${i}`}>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="font-medium break-words">{pool.name}</h3>
                {description(i) && <p className="text-xs break-words text-muted">{description(i)}</p>}
              </div>
              <ClaimStatus pool={pool} />
            </div>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-muted">Active cover</dt>
                <dd className="tabular-nums">{fmt(pool.active, { compact: true })}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Pending</dt>
                <dd className="tabular-nums">{fmt(pool.pending, { compact: true })}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Utilisation</dt>
                <dd className="tabular-nums">{formatPercentWad(pool.utilisation)}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Cost of cover</dt>
                <dd className="tabular-nums">
                  <CoverPrice pool={pool} poolId={i} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted">Funding rate</dt>
                <dd className="tabular-nums">{formatRateApr(pool.rate)}</dd>
              </div>
            </dl>
            <p className="text-sm">
              <ClaimNow pool={pool} poolId={i} shutDown={view.shutDown} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
