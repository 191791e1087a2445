import { afterEach, describe, expect, it, vi } from "vitest";

import { DEFAULT_QUERY, PAGE_SIZE, parseExploreQuery } from "../explore";
import { normalizeIndexerUrl } from "./config";
import { explorePageUrl, exploreParams, fetchExplorePage, parseExplorePage } from "./explore";
import { getIndexerJson, IndexerError, indexerUrlFor } from "./http";
import { fetchIndexerStatus, indexerStatusUrl, parseIndexerStatus } from "./status";

afterEach(() => vi.unstubAllGlobals());

/** Stubs `fetch` to refuse every request; returns the URLs it was asked, in order. */
function refusedFetches(): string[] {
  const asked: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    asked.push(url);
    return Promise.reject(new TypeError("fetch failed"));
  });
  return asked;
}

describe("the indexer's URL", () => {
  it("is null when unset or blank, and loses a trailing slash", () => {
    expect(normalizeIndexerUrl(undefined)).toBeNull();
    expect(normalizeIndexerUrl("  ")).toBeNull();
    expect(normalizeIndexerUrl("http://localhost:42069/")).toBe("http://localhost:42069");
  });

  it("sends only the params that are set, in a stable order", () => {
    expect(indexerUrlFor("http://x", "/canopy/explore", { sort: "apy", q: "", asset: null, page: 2 })).toBe(
      "http://x/canopy/explore?page=2&sort=apy",
    );
  });
});

describe("the first page's preload", () => {
  it("names the URL the list fetches for a plain visit, so the browser hands it the preloaded answer", async () => {
    const asked = refusedFetches();
    const visit = parseExploreQuery(new URLSearchParams(""));
    await expect(fetchExplorePage("http://x", visit, PAGE_SIZE)).rejects.toBeInstanceOf(IndexerError);
    expect(asked).toEqual([explorePageUrl("http://x", DEFAULT_QUERY, PAGE_SIZE)]);
    expect(asked[0]).toBe("http://x/canopy/explore?dir=desc&page=1&size=10&sort=capital");
  });

  it("differs for a visit with a search, which asks for its own page", () => {
    const searched = parseExploreQuery(new URLSearchParams("q=aave"));
    expect(explorePageUrl("http://x", searched, PAGE_SIZE)).not.toBe(
      explorePageUrl("http://x", DEFAULT_QUERY, PAGE_SIZE),
    );
  });
});

describe("the status preload", () => {
  it("names the URL the status poll fetches, so its first poll takes the preloaded answer", async () => {
    const asked = refusedFetches();
    await expect(fetchIndexerStatus("http://x")).rejects.toBeInstanceOf(IndexerError);
    expect(asked).toEqual([indexerStatusUrl("http://x")]);
    expect(asked[0]).toBe("http://x/canopy/status");
  });
});

describe("getIndexerJson", () => {
  it("turns a refused connection into an IndexerError (the caller falls back to the chain)", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("fetch failed")));
    await expect(getIndexerJson("http://x", "/canopy/status")).rejects.toBeInstanceOf(IndexerError);
  });

  it("turns an error status into an IndexerError with the status", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(new Response("no", { status: 503 })));
    await expect(getIndexerJson("http://x", "/canopy/status")).rejects.toMatchObject({ status: 503 });
  });
});

describe("parsing", () => {
  it("reads /canopy/status, a missing head included", () => {
    const raw = {
      chainId: 31337,
      ready: true,
      indexedBlock: 7,
      indexedTimestamp: 1,
      headBlock: null,
      blocksBehind: null,
    };
    expect(parseIndexerStatus(raw)).toEqual({
      chainId: 31337,
      ready: true,
      indexedBlock: 7,
      headBlock: null,
      blocksBehind: null,
    });
    expect(() => parseIndexerStatus({ chainId: "x" })).toThrow(IndexerError);
  });

  it("spells the query as the app's URL does", () => {
    expect(
      exploreParams(
        { q: " aave ", asset: null, status: "claimPending", payout: "capped", sort: "rate", dir: "asc", page: 3 },
        10,
      ),
    ).toEqual({
      q: "aave",
      asset: null,
      status: "claim-pending",
      payout: "capped",
      sort: "rate",
      dir: "asc",
      page: 3,
      size: 10,
    });
  });

  it("reads a page: amounts as bigint, assets lower-case, symbols kept", () => {
    const A = "0x00000000000000000000000000000000000000AA";
    const raw = {
      total: 11,
      page: 2,
      pageCount: 2,
      size: 10,
      items: [{ address: A, index: 10 }],
      summary: {
        metaPools: 12,
        byStatus: { active: 10, claimPending: 1, shutDown: 1 },
        coveragePools: 30,
        perAsset: [
          {
            asset: A,
            symbol: "dUSD",
            decimals: 6,
            capital: "123456789012345678901",
            active: "1",
            pending: "0",
            metaPools: 12,
          },
        ],
      },
    };
    const page = parseExplorePage(raw);
    expect(page.items).toEqual([{ address: A, index: 10 }]);
    expect(page.summary.perAsset[0]).toMatchObject({ asset: A.toLowerCase(), capital: 123456789012345678901n });
    expect(page.symbols).toEqual({ [A.toLowerCase()]: "dUSD" });
    expect(() => parseExplorePage({ ...raw, items: [{ address: "0x1", index: 0 }] })).toThrow(IndexerError);
  });
});
