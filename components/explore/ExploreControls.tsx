import type { Address } from "viem";

import { Field } from "@/components/ui/Field";
import {
  PAYOUT_FILTERS,
  STATUS_LABEL,
  STATUSES,
  type ExploreQuery,
  type PayoutFilter,
  type SortDir,
  type SortKey,
} from "@/lib/explore";

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
    <form
      role="search"
      aria-label="Find MetaPools"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1.4fr]"
      onSubmit={(e) => e.preventDefault()}
    >
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
      <FilterSelect
        label="Asset"
        anyLabel="All assets"
        options={assetOptions}
        value={query.asset}
        labelOf={symbolOf}
        onSelect={(asset) => onChange({ asset })}
      />
      <FilterSelect
        label="Status"
        anyLabel="Any status"
        options={STATUSES}
        value={query.status}
        labelOf={(s) => STATUS_LABEL[s]}
        onSelect={(status) => onChange({ status })}
      />
      <FilterSelect
        label="Payout cap"
        anyLabel="Any payout"
        options={PAYOUT_FILTERS}
        value={query.payout}
        labelOf={(f) => PAYOUT_LABEL[f]}
        onSelect={(payout) => onChange({ payout })}
        testId="explore-payout-filter"
      />
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

/** One filter: "any" (null) or one of `options`; a value not among them is never produced. */
function FilterSelect<T extends string>({
  label,
  anyLabel,
  options,
  value,
  labelOf,
  onSelect,
  testId,
}: {
  label: string;
  anyLabel: string;
  options: readonly T[];
  value: T | null | undefined;
  labelOf: (option: T) => string;
  onSelect: (option: T | null) => void;
  testId?: string;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={value ?? ""}
          onChange={(e) => onSelect(options.find((o) => o === e.target.value) ?? null)}
          data-testid={testId}
        >
          <option value="">{anyLabel}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {labelOf(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
