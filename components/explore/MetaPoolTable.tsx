import Link from "next/link";

import { ArbiterName } from "@/components/explore/ArbiterName";
import { ExpandableTableRow } from "@/components/explore/MetaPoolRowDetails";
import { StatusBadge } from "@/components/explore/StatusBadge";
import type { ExploreRow, RowFigures, SortDir, SortKey } from "@/lib/explore";

export interface ShownRow {
  row: ExploreRow;
  symbol: string;
  figures: RowFigures;
}

const DIR_WORD: Record<SortDir, "ascending" | "descending"> = { asc: "ascending", desc: "descending" };

/** A column header that sorts the list; `aria-sort` tells screen readers which column orders the rows. */
function SortHeader({
  label,
  sortKey,
  current,
  dir,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  current: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
}) {
  const active = current === sortKey;
  return (
    <th scope="col" aria-sort={active ? DIR_WORD[dir] : "none"} className="px-3 py-2 text-right font-medium">
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={`inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:outline-2 focus-visible:outline-green-600 ${active ? "text-foreground" : ""}`}
      >
        {label}
        <span aria-hidden="true" className="w-3 text-xs">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${DIR_WORD[dir]}; sort ${dir === "asc" ? "descending" : "ascending"}` : ", sort"}
        </span>
      </button>
    </th>
  );
}

/** The desktop list: one row per MetaPool, sortable by capital, APY, utilisation and cost of cover. */
export function MetaPoolTable({
  rows,
  sort,
  dir,
  onSort,
  caption,
}: {
  rows: ShownRow[];
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  caption: string;
}) {
  return (
    <div className="card overflow-x-auto p-0">
      <table className="w-full min-w-[68rem] border-collapse text-sm" data-testid="metapool-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              MetaPool
            </th>
            <SortHeader label="Capital" sortKey="capital" current={sort} dir={dir} onSort={onSort} />
            <SortHeader label="APY" sortKey="apy" current={sort} dir={dir} onSort={onSort} />
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Cover sold
            </th>
            <SortHeader label="Utilisation" sortKey="utilisation" current={sort} dir={dir} onSort={onSort} />
            <SortHeader label="Cost of cover" sortKey="rate" current={sort} dir={dir} onSort={onSort} />
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <abbr
                title="The most a claim pays, fixed at creation: N× the pool's cover, or uncapped (its cover plus all free capital)"
                className="no-underline"
              >
                Payout
              </abbr>
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <abbr
                title="Purchase delay (before bought cover is in force) / withdrawal period (notice before underwriters can withdraw)"
                className="no-underline"
              >
                Delay / notice
              </abbr>
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              <abbr title="Arbiter fee + creator fee, as a share of premiums" className="no-underline">
                Fees
              </abbr>
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Arbiter
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, symbol, figures: f }) => (
            <ExpandableTableRow
              key={row.address}
              row={{ ...row, arbiterIsYou: f.arbiterIsYou }}
              columns={10}
              className="border-b border-border last:border-b-0 hover:bg-green-600/5"
            >
              {(detailsToggle) => (
                <>
                  <th scope="row" className="max-w-[14rem] px-3 py-3 text-left align-top font-normal">
                    <Link
                      href={`/metapool/${row.address}`}
                      className="block truncate font-medium text-foreground underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-green-600"
                    >
                      {row.name}
                    </Link>
                    <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                      <StatusBadge status={row.status} full={row.full} />
                      <span>
                        {f.poolCount} · {symbol}
                      </span>
                    </div>
                    <p className="mt-1 truncate text-xs text-muted" title={row.poolNames.join(", ")}>
                      {row.poolNames.join(", ")}
                    </p>
                    <div className="mt-1">{detailsToggle}</div>
                  </th>
                  <td className="px-3 py-3 text-right align-top tabular-nums">
                    <div className="font-medium">{f.capital}</div>
                    <div className="text-xs text-muted">{f.free} free</div>
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums whitespace-nowrap" data-testid="row-apy">
                    {f.apy}
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums">
                    <div>{f.active}</div>
                    {f.pending && <div className="text-xs text-muted">+ {f.pending} pending</div>}
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums">{f.utilisation}</td>
                  <td className="px-3 py-3 text-right align-top tabular-nums whitespace-nowrap" data-testid="row-cost">
                    <div>{f.cost ?? f.rate}</div>
                    {f.cost && <div className="text-xs text-muted">of the deposit · curve {f.rate}</div>}
                  </td>
                  <td className="px-3 py-3 text-right align-top whitespace-nowrap" data-testid="row-payout-cap">
                    {f.payoutCap ?? "—"}
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums whitespace-nowrap">
                    <div>
                      <span className="sr-only">Purchase delay </span>
                      {f.purchaseDelay}
                    </div>
                    <div className="text-xs text-muted">
                      <span className="sr-only">Withdrawal period </span>
                      {f.withdrawalPeriod}
                    </div>
                  </td>
                  <td className="px-3 py-3 text-right align-top tabular-nums whitespace-nowrap" title={f.fees.long}>
                    <span aria-hidden="true">{f.fees.short}</span>
                    <span className="sr-only">{f.fees.long}</span>
                  </td>
                  <td className="px-3 py-3 text-left align-top">
                    <ArbiterName address={row.arbiter} metaPool={row.address} isYou={f.arbiterIsYou} />
                  </td>
                </>
              )}
            </ExpandableTableRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}
