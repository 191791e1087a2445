import Link from "next/link";
import type { ReactNode } from "react";

import { ArbiterName } from "@/components/explore/ArbiterName";
import { MetaPoolCardDetails } from "@/components/explore/MetaPoolRowDetails";
import type { ShownRow } from "@/components/explore/MetaPoolTable";
import { StatusBadge } from "@/components/explore/StatusBadge";

function Figure({ label, children, sub }: { label: string; children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium break-words tabular-nums">{children}</dd>
      {sub && <dd className="text-xs break-words text-muted">{sub}</dd>}
    </div>
  );
}

/** The phone and tablet list: one card per MetaPool with the same figures as the table. */
export function MetaPoolCards({ rows }: { rows: ShownRow[] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {rows.map(({ row, symbol, figures: f }) => (
        <li key={row.address} className="card space-y-3" data-testid="metapool-card">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h3 className="truncate font-semibold">
                <Link
                  href={`/metapool/${row.address}`}
                  className="underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-green-600"
                >
                  {row.name}
                </Link>
              </h3>
              <p className="text-xs text-muted">
                {f.poolCount} · {symbol}
              </p>
            </div>
            <StatusBadge status={row.status} full={row.full} />
          </div>
          <p className="truncate text-xs text-muted" title={row.poolNames.join(", ")}>
            Covers {row.poolNames.join(", ")}
          </p>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
            <Figure label="Capital" sub={`${f.free} free`}>
              {f.capital}
            </Figure>
            <Figure label="Cover sold" sub={f.pending ? `+ ${f.pending} pending` : undefined}>
              {f.active}
            </Figure>
            <Figure label="Utilisation">{f.utilisation}</Figure>
            <Figure label="APY">
              <span data-testid="card-apy">{f.apy}</span>
            </Figure>
            <Figure label="Cost of cover" sub={f.cost ? `curve ${f.rate}` : undefined}>
              <span data-testid="card-cost">{f.cost ?? f.rate}</span>
            </Figure>
            <Figure label="Payout">
              <span data-testid="card-payout-cap">{f.payoutCap ?? "—"}</span>
            </Figure>
            <Figure label="Purchase delay">{f.purchaseDelay}</Figure>
            <Figure label="Withdrawal period">{f.withdrawalPeriod}</Figure>
            <Figure label="Fees (arbiter + creator)">
              <span title={f.fees.long}>{f.fees.short}</span>
            </Figure>
            <Figure label="Arbiter">
              <ArbiterName address={row.arbiter} metaPool={row.address} isYou={f.arbiterIsYou} />
            </Figure>
          </dl>
          <MetaPoolCardDetails row={{ ...row, arbiterIsYou: f.arbiterIsYou }} />
        </li>
      ))}
    </ul>
  );
}
