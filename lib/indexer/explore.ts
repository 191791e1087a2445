import type { Address } from "viem";

import type { ExploreQuery } from "@/lib/explore/query";
import type { ExploreSummary } from "@/lib/explore/summary";

import {
  asArray,
  asRecord,
  getIndexerJson,
  indexerUrlFor,
  toAddress,
  toBigInt,
  toNumber,
  type QueryParams,
} from "./http";

/** One page of Explore as the indexer answers it: the order and the count; the figures are read from the chain. */
export interface IndexedExplorePage {
  /** The page's MetaPools in list order, with their position in the factory. */
  items: { address: Address; index: number }[];
  /** 1-based page shown (the requested one clamped to the last). */
  page: number;
  pageCount: number;
  /** MetaPools that match the search and filters. */
  total: number;
  /** The whole list (every MetaPool), as of the indexed block. */
  summary: ExploreSummary;
  /** Asset symbols the indexer read at creation, lower-case address → symbol. */
  symbols: Record<string, string>;
}

const STATUS_PARAM = { active: "active", claimPending: "claim-pending", shutDown: "shut-down" } as const;

/** The query as /canopy/explore spells it (the app's own URL spelling, lib/explore/query). */
export function exploreParams(query: ExploreQuery, size: number): QueryParams {
  return {
    q: query.q.trim(),
    asset: query.asset,
    status: query.status ? STATUS_PARAM[query.status] : null,
    payout: query.payout,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    size,
  };
}

export function parseExplorePage(json: unknown): IndexedExplorePage {
  const body = asRecord(json, "explore page");
  const summary = asRecord(body.summary, "summary");
  const byStatus = asRecord(summary.byStatus, "status counts");
  const symbols: Record<string, string> = {};
  const perAsset = asArray(summary.perAsset, "per-asset totals").map((raw) => {
    const a = asRecord(raw, "asset totals");
    const asset = toAddress(a.asset, "asset").toLowerCase() as Address;
    if (typeof a.symbol === "string") symbols[asset] = a.symbol;
    return {
      asset,
      decimals: toNumber(a.decimals, "decimals"),
      capital: toBigInt(a.capital, "capital"),
      active: toBigInt(a.active, "cover"),
      pending: toBigInt(a.pending, "pending cover"),
      metaPools: toNumber(a.metaPools, "count"),
    };
  });
  return {
    items: asArray(body.items, "items").map((raw) => {
      const item = asRecord(raw, "item");
      return { address: toAddress(item.address, "MetaPool address"), index: toNumber(item.index, "index") };
    }),
    page: toNumber(body.page, "page"),
    pageCount: toNumber(body.pageCount, "page count"),
    total: toNumber(body.total, "count"),
    summary: {
      metaPools: toNumber(summary.metaPools, "count"),
      byStatus: {
        active: toNumber(byStatus.active, "count"),
        claimPending: toNumber(byStatus.claimPending, "count"),
        shutDown: toNumber(byStatus.shutDown, "count"),
      },
      coveragePools: toNumber(summary.coveragePools, "count"),
      perAsset,
    },
    symbols,
  };
}

const EXPLORE_PATH = "/canopy/explore";

/**
 * The URL one page of Explore is fetched from: the page preloads the first one (app/page.tsx) and the browser hands
 * that answer to the fetch below only if both spell the very same URL.
 */
export function explorePageUrl(base: string, query: ExploreQuery, size: number): string {
  return indexerUrlFor(base, EXPLORE_PATH, exploreParams(query, size));
}

export async function fetchExplorePage(
  base: string,
  query: ExploreQuery,
  size: number,
  signal?: AbortSignal,
): Promise<IndexedExplorePage> {
  return parseExplorePage(await getIndexerJson(base, EXPLORE_PATH, exploreParams(query, size), signal));
}
