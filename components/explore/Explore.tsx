"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Address } from "viem";
import { useAccount } from "wagmi";

import { assetSymbol } from "@/components/explore/assetLabel";
import { ExploreControls } from "@/components/explore/ExploreControls";
import { ExploreSkeleton } from "@/components/explore/ExploreSkeleton";
import { ExploreSummary } from "@/components/explore/ExploreSummary";
import { MetaPoolCards } from "@/components/explore/MetaPoolCards";
import { MetaPoolTable, type ShownRow } from "@/components/explore/MetaPoolTable";
import { Pagination } from "@/components/explore/Pagination";
import { TermLink } from "@/components/howItWorks/TermLink";
import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";
import { EmptyState, ErrorState } from "@/components/ui/States";
import { useExploreList } from "@/hooks/useExploreList";
import { useTokenMetas } from "@/hooks/useTokens";
import { appChain } from "@/lib/chain";
import { deployment } from "@/lib/deployment";
import {
  isFiltered,
  isPageTurn,
  nextSort,
  parseExploreQuery,
  rowFigures,
  serializeExploreQuery,
  updateQuery,
  type ExploreQuery,
  type SortKey,
} from "@/lib/explore";

/** The explore page's body: every MetaPool of the factory, searchable, filterable and sortable, state in the URL. */
export function Explore() {
  if (!deployment) return <NotDeployed />;
  return <ExploreList />;
}

function NotDeployed() {
  return (
    <EmptyState title={`Canopy is not deployed on ${appChain.name}`}>
      <p>
        This app reads chain {appChain.id}, where no MetaPool factory is known, so there is nothing to list. Point it at
        a chain with a deployment (<code>NEXT_PUBLIC_CHAIN_ID</code>, or <code>NEXT_PUBLIC_FACTORY_ADDRESS</code> for a
        factory of your own).
      </p>
    </EmptyState>
  );
}

/**
 * Writes the query into the URL without a navigation; `useSearchParams` follows (Next 15 syncs the History API).
 * Each change starts from the URL as it is now, not from the last render, so a late write never undoes an earlier one.
 */
function useExploreQuery() {
  const params = useSearchParams();
  const pathname = usePathname();
  const query = useMemo(() => parseExploreQuery(params), [params]);
  const setQuery = useCallback(
    (change: Partial<ExploreQuery>) => {
      const current = parseExploreQuery(new URLSearchParams(window.location.search));
      const next = updateQuery(current, change);
      const search = serializeExploreQuery(next);
      const url = search ? `${pathname}?${search}` : pathname;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      // A new page is a step the Back button should undo; typing and filtering are not.
      if (isPageTurn(current, next)) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return [query, setQuery] as const;
}

const SORT_NAME: Record<SortKey, string> = {
  capital: "capital",
  apy: "APY",
  utilisation: "utilisation",
  rate: "cost of cover",
};

/** Typing filters at once; the URL follows a moment later (Safari refuses more than 100 history writes in 30 s). */
const SEARCH_URL_DELAY_MS = 300;

function ExploreList() {
  const { address: account } = useAccount();
  const [urlQuery, setQuery] = useExploreQuery();
  // The box keeps its own text so typing is never overwritten by the URL catching up.
  const [searchText, setSearchText] = useState(urlQuery.q);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  // Back and Forward can bring another search: the box follows the URL unless a write of its own is on the way.
  const [seenUrlQ, setSeenUrlQ] = useState(urlQuery.q);
  if (seenUrlQ !== urlQuery.q) {
    setSeenUrlQ(urlQuery.q);
    if (searchTimer.current === undefined) setSearchText(urlQuery.q);
  }
  // Until the URL has caught up with the box, the list follows the box (from page 1, as any new search does).
  const query = useMemo(
    () => (searchText === urlQuery.q ? urlQuery : { ...urlQuery, q: searchText, page: 1 }),
    [searchText, urlQuery],
  );
  const listTop = useRef<HTMLHeadingElement>(null);

  // The indexer's page when it answers (search, filters, sort and paging done there), else every MetaPool from
  // the chain; either way the figures shown are read live from the chain.
  const list = useExploreList(query);
  const assets = list.assets;
  const metas = useTokenMetas(query.asset && !assets.includes(query.asset) ? [...assets, query.asset] : assets);
  const symbolOf = useCallback((asset: Address) => assetSymbol(metas.data, asset), [metas.data]);
  const summary = list.summary;
  const page = list.page;
  const shown: ShownRow[] = (page?.items ?? []).map((row) => {
    const symbol = symbolOf(row.asset);
    return { row, symbol, figures: rowFigures(row, symbol, account) };
  });

  const cancelSearchWrite = () => {
    clearTimeout(searchTimer.current);
    searchTimer.current = undefined;
  };
  const onSearch = (text: string) => {
    setSearchText(text);
    cancelSearchWrite();
    searchTimer.current = setTimeout(() => {
      searchTimer.current = undefined;
      setQuery({ q: text });
    }, SEARCH_URL_DELAY_MS);
  };
  // Any other change carries the box's text along, so a pending search write is never lost.
  const change = (c: Partial<ExploreQuery>) => {
    cancelSearchWrite();
    setQuery({ q: searchText, ...c });
  };
  const clearFilters = () => {
    setSearchText("");
    change({ q: "", asset: null, status: null, payout: null });
  };
  const onSort = (key: SortKey) => change(nextSort(query, key));
  const onPage = (p: number) => {
    change({ page: p });
    listTop.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    listTop.current?.focus({ preventScroll: true });
  };

  if (list.error && !page) {
    return (
      <ErrorState
        title="Could not load the MetaPools"
        error={{ cause: list.error, action: "load the MetaPools" }}
        onRetry={list.refetch}
      />
    );
  }
  if (!page || !summary) return <ExploreSkeleton />;
  if (list.count === 0) {
    return (
      <EmptyState title="No MetaPools yet">
        <p>
          Nobody has created a MetaPool on {appChain.name} so far. Be the first: pick an asset, an arbiter and the
          protocols to cover.
        </p>
        <p className="mt-3">
          <Link href="/create" className="btn-primary">
            Create a MetaPool
          </Link>
        </p>
      </EmptyState>
    );
  }

  const filtered = isFiltered(query);
  const caption = `MetaPools ${page.from}–${page.to} of ${page.total}${filtered ? " matching your filters" : ""}, sorted by ${SORT_NAME[query.sort]} ${query.dir === "asc" ? "ascending" : "descending"}`;

  return (
    <div className="space-y-6">
      <ExploreSummary summary={summary} symbolOf={symbolOf} />

      {list.isRefetchError && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm"
        >
          <p className="flex-1">
            Could not refresh: the figures below may be out of date.{" "}
            <LazyErrorSentence error={list.error} action="refresh the MetaPools" />
          </p>
          <button type="button" className="btn-secondary" onClick={list.refetch}>
            Retry
          </button>
        </div>
      )}

      <ExploreControls
        query={query}
        searchText={searchText}
        onSearch={onSearch}
        onChange={change}
        assets={assets}
        symbolOf={symbolOf}
      />

      <section aria-labelledby="explore-results" className="space-y-3" data-source={list.source}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2
            id="explore-results"
            ref={listTop}
            tabIndex={-1}
            className="scroll-mt-4 text-lg font-semibold focus:outline-none"
          >
            MetaPools
          </h2>
          <p aria-live="polite" className="text-sm text-muted" data-testid="explore-count">
            {page.total === 0
              ? "No matches"
              : `${page.from}–${page.to} of ${page.total}${filtered ? ` matching (${list.count} in all)` : ""}`}
          </p>
        </div>

        <p className="max-w-prose text-xs text-muted">
          APY is what underwriters earn at today&apos;s premiums, after fees, over the <TermLink term="capital" />{" "}
          (simple, not compounded). <TermLink term="utilisation">Utilisation</TermLink> is the share of the capital that
          cover in force uses. Cost of cover is what cover costs a year as a share of the deposit, cheapest to dearest
          pool: each pool&apos;s <TermLink term="funding-rate" /> is charged on its <TermLink term="payout" />, which is
          its cover plus free capital when uncapped, or at most N× its cover when capped. Bought cover is in force after
          the <TermLink term="purchase-delay" />; underwriters wait the <TermLink term="withdrawal-period" /> before
          withdrawing. <TermLink term="fees">Fees</TermLink> go to the <TermLink term="arbiter" /> and the creator out
          of premiums. Figures are live.
        </p>

        {page.total === 0 ? (
          <EmptyState title="No MetaPools match">
            <p>Try another protocol name, or widen the asset and status filters.</p>
            <p className="mt-3">
              <button type="button" className="btn-secondary" onClick={clearFilters}>
                Clear search and filters
              </button>
            </p>
          </EmptyState>
        ) : (
          <>
            <div className="hidden lg:block">
              <MetaPoolTable rows={shown} sort={query.sort} dir={query.dir} onSort={onSort} caption={caption} />
            </div>
            <div className="lg:hidden">
              <MetaPoolCards rows={shown} />
            </div>
            <Pagination page={page.page} pageCount={page.pageCount} onPage={onPage} />
          </>
        )}
      </section>
    </div>
  );
}
