import type { Page } from "@playwright/test";

import { e2eEnv } from "../fixtures/env";
import { expect, test } from "../fixtures/journey";
import { openAs, ROLE } from "./helpers";

// The Portfolio with the indexer: its MetaPools and each position's history (deposits, withdrawals, requests,
// purchases, restarts, cover tokens) in one indexer request (/canopy/account/…/positions), every figure from the
// chain, and no eth_getLogs at all; then the same page with the indexer taken away, which reads the history from the
// MetaPools' events, must show the same positions.

test.skip(!e2eEnv.withIndexer, "this run has no indexer (E2E_NO_INDEXER=1)");

/** The JSON-RPC methods the page calls (each call of a batch) and the indexer paths it asks. */
function traffic(page: Page) {
  const seen = { rpc: [] as string[], indexer: [] as string[], getLogs: [] as string[] };
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(e2eEnv.indexerUrl)) seen.indexer.push(url.slice(e2eEnv.indexerUrl.length));
    if (!url.startsWith(e2eEnv.rpcUrl) || request.method() !== "POST") return;
    const calls = [JSON.parse(request.postData() ?? "[]")].flat() as { method?: string; params?: unknown }[];
    seen.rpc.push(...calls.map((c) => c.method ?? "?"));
    for (const c of calls) if (c.method === "eth_getLogs") seen.getLogs.push(JSON.stringify(c.params));
  });
  return seen;
}

/** Each MetaPool's section once its positions show, without countdowns (the clock moves between two loads). */
async function positions(page: Page): Promise<string[]> {
  const sections = page.getByTestId("portfolio-metapool");
  await expect(sections.first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText("Loading your positions")).toHaveCount(0, { timeout: 90_000 });
  return sections.evaluateAll((nodes) =>
    nodes.map((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("time").forEach((t) => t.remove());
      return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
    }),
  );
}

for (const [role, index] of [
  ["seeker", ROLE.seeker],
  ["underwriter", ROLE.underwriter],
] as const) {
  test(`Portfolio of the ${role}: positions from one indexer request, no log scan, the same as from the events`, async ({
    page,
    wallet,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const seen = traffic(page);
    await openAs(page, wallet, index, "/portfolio");
    const viaIndexer = await positions(page);
    const account = wallet.address.toLowerCase();
    expect(seen.indexer).toContain(`/canopy/account/${account}/positions`);
    expect(seen.rpc.length).toBeGreaterThan(0);
    expect(seen.getLogs, "log scans with the indexer").toEqual([]);
    expect(viaIndexer.length).toBeGreaterThan(0);

    // Without the indexer every history comes from the events: the page must not change.
    await page.route(
      (url) => url.href.startsWith(e2eEnv.indexerUrl),
      (route) => route.abort("connectionrefused"),
    );
    seen.rpc.length = 0;
    await page.reload();
    const viaEvents = await positions(page);
    expect(seen.rpc).toContain("eth_getLogs");
    expect(viaEvents).toEqual(viaIndexer);
  });
}
