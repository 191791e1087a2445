import type { Page } from "@playwright/test";
import { encodeFunctionData } from "viem";

import { metaPoolFactoryAbi } from "../../abis";
import { chainReader, factoryAddress, metaPoolsByName } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { e2eEnv } from "../fixtures/env";
import { expect, test } from "../fixtures/journey";
import { ROLE } from "./helpers";

// Lists through the indexer (indexer/src/api): Explore's search, filters, sort and paging asked of /canopy/explore,
// the portfolio's MetaPools of /canopy/account/…/positions; each compared with what the same page shows when the
// indexer is taken away and the app falls back to the chain. Only the indexer's answers are intercepted: the chain,
// the app and the indexer are the run's own.

test.skip(!e2eEnv.withIndexer, "this run has no indexer (E2E_NO_INDEXER=1)");

const toIndexer = (url: string) => url.startsWith(e2eEnv.indexerUrl);

/** Every request the page sends to the indexer, path and query. */
function indexerRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (toIndexer(request.url())) seen.push(request.url().slice(e2eEnv.indexerUrl.length));
  });
  return seen;
}

/** Takes the indexer away from this page: every request to it fails, as if it were stopped. */
async function stopIndexerFor(page: Page) {
  await page.route(
    (url) => toIndexer(url.href),
    (route) => route.abort("connectionrefused"),
  );
}

/** The MetaPool names Explore shows, in order, once the list came from `source`. */
async function exploreNames(page: Page, search: string, source: "indexer" | "chain"): Promise<string[]> {
  await page.goto(`/${search}`);
  await expect(page.locator(`section[data-source="${source}"]`)).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId("metapool-row");
  const none = page.getByText("No MetaPools match");
  await expect(rows.first().or(none)).toBeVisible({ timeout: 20_000 });
  if (await none.isVisible()) return [];
  return rows.locator("th a").allInnerTexts();
}

// Every sort key, a search by MetaPool and by protocol name, each filter, no match, and a page past the end.
const QUERIES = [
  "?sort=capital&dir=asc",
  "?sort=apy&dir=desc",
  "?sort=utilisation&dir=asc",
  "?sort=rate&dir=asc&q=lending",
  "?q=uniswap",
  "?status=claim-pending&payout=capped",
  "?q=zzz-nothing",
  "?page=7",
];

test("Explore pages, sorts, filters and searches through the indexer, and lists what the chain lists", async ({
  page,
}) => {
  // Two page loads per query on two busy cores.
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const requests = indexerRequests(page);
  const fromIndexer: Record<string, string[]> = {};
  for (const q of QUERIES) fromIndexer[q] = await exploreNames(page, q, "indexer");

  // Each list was asked of the indexer with its own search, filters, sort and page.
  const asked = requests.filter((r) => r.startsWith("/canopy/explore"));
  expect(asked.some((r) => r.includes("sort=apy") && r.includes("dir=desc"))).toBe(true);
  expect(asked.some((r) => r.includes("q=lending") && r.includes("sort=rate"))).toBe(true);
  expect(asked.some((r) => r.includes("status=claim-pending") && r.includes("payout=capped"))).toBe(true);
  expect(fromIndexer["?page=7"]).toHaveLength(Object.keys(await metaPoolsByName()).length); // clamped to page 1
  expect(fromIndexer["?q=zzz-nothing"]).toEqual([]);
  expect(fromIndexer["?q=uniswap"]!.length).toBeGreaterThan(0); // DEX core protects Uniswap v4

  await stopIndexerFor(page);
  for (const q of QUERIES) {
    expect(await exploreNames(page, q, "chain"), `Explore ${q || "(default)"}`).toEqual(fromIndexer[q]);
  }
});

test("Explore's first page costs one indexer request and one status (preloaded), and never asks the factory for its list", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const requests = indexerRequests(page);
  const rpcBodies: string[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(e2eEnv.rpcUrl)) rpcBodies.push((request.postData() ?? "").toLowerCase());
  });
  const statusAskedAt: number[] = [];
  page.on("request", (request) => {
    if (request.url() === `${e2eEnv.indexerUrl}/canopy/status`) statusAskedAt.push(Date.now());
  });
  await exploreNames(page, "", "indexer");
  expect(requests.filter((r) => r.startsWith("/canopy/explore"))).toHaveLength(1);
  // The status every list waits for is asked by the HTML's preload while the scripts load, and the first poll takes
  // that answer: the next request for it is the 10 s poll, not a second one at hydration.
  const html = await (await page.request.get(`${e2eEnv.appUrl}/`)).text();
  expect(html).toContain(`<link rel="preload" href="${e2eEnv.indexerUrl}/canopy/status" as="fetch"`);
  expect(statusAskedAt.length).toBeGreaterThan(0);
  if (statusAskedAt.length > 1) expect(statusAskedAt[1]! - statusAskedAt[0]!).toBeGreaterThan(5_000);
  // The chain path starts with the factory's count and pages of addresses; with the indexer neither is read.
  const count = encodeFunctionData({ abi: metaPoolFactoryAbi, functionName: "metaPoolCount" });
  expect(rpcBodies.length).toBeGreaterThan(0);
  expect(rpcBodies.filter((body) => body.includes(count))).toEqual([]);
});

test("Portfolio lists the account's MetaPools through the indexer, the same as from the chain", async ({
  page,
  wallet,
}) => {
  test.setTimeout(300_000);
  await wallet.useAccount(8);
  const requests = indexerRequests(page);
  await page.goto("/how-it-works");
  await connectTestWallet(page, wallet.address);
  const names = async () => {
    await page.goto("/portfolio");
    // The chain path reads every MetaPool's positions: slow on two busy cores, which is the point of the indexer.
    await expect(page.getByTestId("portfolio-metapool").first()).toBeVisible({ timeout: 90_000 });
    return page.getByTestId("portfolio-metapool").locator("h2").allInnerTexts();
  };
  const viaIndexer = await names();
  expect(requests).toContain(`/canopy/account/${wallet.address.toLowerCase()}/positions`);
  expect(viaIndexer.length).toBeGreaterThan(0);
  await stopIndexerFor(page);
  expect(await names()).toEqual(viaIndexer);
});

test("the page says how far the indexer is when it is behind, and falls back to the chain when it is stopped", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const head = Number(await chainReader.getBlockNumber());
  const behind = { chainId: 31337, ready: true, indexedBlock: head - 12, indexedTimestamp: 0, headBlock: head };
  await page.route(`${e2eEnv.indexerUrl}/canopy/status`, (route) =>
    route.fulfill({ json: { ...behind, blocksBehind: 12 } }),
  );
  await page.goto("/");
  await expect(page.getByTestId("indexer-status")).toHaveText(
    `Lists indexed to block ${head - 12} of ${head}; live figures come from the chain.`,
  );
  await expect(page.locator('section[data-source="indexer"]')).toBeVisible({ timeout: 30_000 });

  await page.unroute(`${e2eEnv.indexerUrl}/canopy/status`);
  await stopIndexerFor(page);
  await page.goto("/");
  await expect(page.getByTestId("indexer-status")).toHaveText(
    "The indexer is not answering: lists are read from the chain and may be slow.",
    { timeout: 30_000 },
  );
  await expect(page.locator('section[data-source="chain"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("metapool-card").first()).toBeVisible();
});

/**
 * Every eth_getLogs the page sends that reads `metaPool`'s whole log: on its address, narrowed by no event argument
 * (topics past the event's own), from at or before the block that created it. The per-account reads narrow by
 * the account; the MetaPool's past (history, claims, share prices, repricing) was the whole log.
 */
function wholeLogReads(page: Page, metaPool: string, createdAt: bigint): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(e2eEnv.rpcUrl) || request.method() !== "POST") return;
    const calls = [JSON.parse(request.postData() ?? "[]")].flat() as { method?: string; params?: unknown[] }[];
    for (const call of calls) {
      if (call.method !== "eth_getLogs") continue;
      const filter = (call.params?.[0] ?? {}) as {
        address?: string | string[];
        topics?: unknown[];
        fromBlock?: string;
      };
      const addresses = [filter.address ?? []].flat().map((a) => a.toLowerCase());
      const byArgument = (filter.topics ?? []).slice(1).some((t) => t !== null);
      const from = filter.fromBlock?.startsWith("0x") ? BigInt(filter.fromBlock) : 0n;
      if (addresses.includes(metaPool.toLowerCase()) && !byArgument && from <= createdAt)
        seen.push(JSON.stringify(filter));
    }
  });
  return seen;
}

/** The block range of every eth_getLogs the page sends on the factory's address (the MetaPool's creation texts). */
function factoryLogReads(page: Page): { fromBlock: bigint; toBlock: bigint }[] {
  const seen: { fromBlock: bigint; toBlock: bigint }[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(e2eEnv.rpcUrl) || request.method() !== "POST") return;
    const calls = [JSON.parse(request.postData() ?? "[]")].flat() as { method?: string; params?: unknown[] }[];
    for (const call of calls) {
      const filter = (call.params?.[0] ?? {}) as { address?: string | string[]; fromBlock?: string; toBlock?: string };
      const addresses = [filter.address ?? []].flat().map((a) => a.toLowerCase());
      if (call.method !== "eth_getLogs" || !addresses.includes(factoryAddress.toLowerCase())) continue;
      seen.push({ fromBlock: BigInt(filter.fromBlock ?? 0), toBlock: BigInt(filter.toBlock ?? 0) });
    }
  });
  return seen;
}

/** The claims list under History, each claim's text. */
async function historyClaims(page: Page): Promise<string[]> {
  const claims = page.locator('[data-testid^="claim-history-"]');
  await expect(claims.first()).toBeVisible({ timeout: 60_000 });
  return claims.allInnerTexts();
}

test("a MetaPool page reads its past from the indexer, never the MetaPool's whole log, and shows what the log shows", async ({
  page,
  wallet,
}) => {
  test.setTimeout(300_000);
  const bridges = (await metaPoolsByName())["Bridges & restaking"]!;
  const [created] = await chainReader.getContractEvents({
    address: factoryAddress,
    abi: metaPoolFactoryAbi,
    eventName: "MetaPoolCreated",
    args: { metaPool: bridges },
    fromBlock: 0n,
  });
  const requests = indexerRequests(page);
  const scans = wholeLogReads(page, bridges, created!.blockNumber);
  const factoryReads = factoryLogReads(page);
  await wallet.useAccount(ROLE.seeker);
  await page.goto("/how-it-works");
  await connectTestWallet(page, wallet.address);

  const beforePage = factoryReads.length;
  await page.goto(`/metapool/${bridges}`);
  const viaIndexer = await historyClaims(page);
  expect(viaIndexer.join("\n")).toContain("Valid: paid");
  await expect(page.getByTestId("apy-30d")).not.toHaveText("…", { timeout: 30_000 });
  const apyViaIndexer = await page.getByTestId("apy-30d").innerText();
  await page.waitForTimeout(3_000); // any late read would show here
  const path = `/canopy/metapool/${bridges.toLowerCase()}`;
  expect(requests).toContain(`${path}/claims`);
  expect(requests).toContain(`${path}/history`);
  expect(scans).toEqual([]);
  // Its creation texts: one getLogs over the block the indexer names, not the factory's log from the start block.
  const at = created!.blockNumber;
  expect(factoryReads.slice(beforePage)).toEqual([{ fromBlock: at, toBlock: at }]);

  // Without the indexer the page reads the log (which the watch above sees) and shows the same claims and yield.
  await stopIndexerFor(page);
  await page.goto(`/metapool/${bridges}`);
  expect(await historyClaims(page)).toEqual(viaIndexer);
  await expect(page.getByTestId("apy-30d")).toHaveText(apyViaIndexer, { timeout: 60_000 });
  expect(scans.length).toBeGreaterThan(0);
  expect(factoryReads.slice(beforePage + 1).some((r) => r.fromBlock < at && r.toBlock > at)).toBe(true);
});
