import type { Address } from "viem";

import { Field } from "@/components/ui/Field";
import { PAYOUT_FILTERS, STATUS_LABEL, STATUSES, type ExploreQuery, type PayoutFilter, type SortDir, type SortKey } from "@/lib/explore";

const PAYOUT_LABEL: Record<PayoutFilter, string> = { capped: "Capped (N× cover)", uncapped: "Uncapped" };

const SORT_OPTIONS: { key: SortKey; dir: SortDir; label: string }[] = [
  { key: "capital", dir: "desc", label: "Capital, largest first" },
  { key: "capital", dir: "asc", label: "Capital, smallest first" },
  { key: "apy", dir: "desc", label: "APY, highest first" },
  { key: "apy", dir: "asc", label: "APY, lowest first" },
  { key: "utilisation", dir: "desc", label: "Utilisation, highest first" },
  { key: "utilisation", dir: "asc", label: "Utilisation, lowest first" },
  { key: "rate", dir: "asc", label: "Cost of cover, cheapest first" },
  { key: "rate", dir: "desc", label: "Cost of cover, dearest first" },
];

/** Search, asset, status and payout-cap filters and the sort, all kept in the URL by the caller. */
export function ExploreControls({
  query,
  searchText,
  onSearch,
  onChange,
  assets,
  symbolOf,
}: {
  query: ExploreQuery;
  searchText: string;
  onSearch: (text: string) => void;
  onChange: (change: Partial<ExploreQuery>) => void;
  assets: Address[];
  symbolOf: (asset: Address) => string;
}) {
  // An asset from a shared link that no MetaPool uses (any more) stays selectable, so the select shows the truth.
  const assetOptions = query.asset && !assets.includes(query.asset) ? [...assets, query.asset] : assets;
  return (
    <form role="search" aria-label="Find MetaPools" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1.4fr]" onSubmit={(e) => e.preventDefault()}>
      <Field label="Search" hint="MetaPool name or protected protocol, e.g. Aave">
        {(control) => (
          <input
            {...control}
            type="search"
            className="input"
            placeholder="Search MetaPools or protocols"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            value={searchText}
            onChange={(e) => onSearch(e.target.value)}
            data-testid="explore-search"
          />
        )}
      </Field>
      <Field label="Asset">
        {(control) => (
          <select
            {...control}
            className="input"
            value={query.asset ?? ""}
            onChange={(e) => onChange({ asset: (e.target.value || null) as Address | null })}
          >
            <option value="">All assets</option>
            {assetOptions.map((a) => (
              <option key={a} value={a}>
                {symbolOf(a)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Status">
        {(control) => (
          <select
            {...control}
            className="input"
            value={query.status ?? ""}
            onChange={(e) => onChange({ status: STATUSES.find((s) => s === e.target.value) ?? null })}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Payout cap">
        {(control) => (
          <select
            {...control}
            className="input"
            value={query.payout ?? ""}
            onChange={(e) => onChange({ payout: PAYOUT_FILTERS.find((f) => f === e.target.value) ?? null })}
            data-testid="explore-payout-filter"
          >
            <option value="">Any payout</option>
            {PAYOUT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {PAYOUT_LABEL[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Sort by">
        {(control) => (
          <select
            {...control}
            className="input"
            value={`${query.sort}:${query.dir}`}
            onChange={(e) => {
              const option = SORT_OPTIONS.find((o) => `${o.key}:${o.dir}` === e.target.value);
              if (option) onChange({ sort: option.key, dir: option.dir });
            }}
          >
            {SORT_OPTIONS.map((o) => (
              <option key={`${o.key}:${o.dir}`} value={`${o.key}:${o.dir}`}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}

