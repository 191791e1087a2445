import type { Page } from "@playwright/test";

import { metaPoolsByName } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { e2eEnv } from "../fixtures/env";
import { expect, test } from "../fixtures/journey";

// The app built without NEXT_PUBLIC_INDEXER_URL (E2E_NO_INDEXER=1; `npm test` runs it so): every list, the history
// and the portfolio come from the chain alone, and the page says lists may be slow. Run by scripts/test.mjs with its
// own build folder and ports, beside the main run.

const NO_INDEXER = "No indexer is configured: lists are read from the chain and may be slow.";

/** Every request this page sends to an indexer's endpoints (there must be none). */
function indexerRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (
      url.pathname.startsWith("/canopy/") ||
      url.pathname.startsWith("/sql/") ||
      url.port === String(e2eEnv.indexerPort)
    ) {
      seen.push(request.url());
    }
  });
  return seen;
}

test.beforeAll(() => {
  expect(e2eEnv.withIndexer, "this project runs with E2E_NO_INDEXER=1 (see scripts/test.mjs)").toBe(false);
});

test("Explore lists, searches and sorts every MetaPool from the chain, and says lists may be slow", async ({
  page,
}) => {
  const requests = indexerRequests(page);
  const byName = await metaPoolsByName();
  await page.goto("/?sort=capital&dir=desc");
  await expect(page.getByTestId("indexer-status")).toHaveText(NO_INDEXER);
  await expect(page.locator('section[data-source="chain"]')).toBeVisible({ timeout: 30_000 });
  const shown = page.getByTestId("metapool-row").locator("th a");
  await expect(shown.first()).toBeVisible({ timeout: 30_000 });
  expect((await shown.allInnerTexts()).toSorted()).toEqual(Object.keys(byName).toSorted());

  await page.goto("/?q=uniswap");
  await expect(shown).toContainText(["DEX core"], { timeout: 30_000 }); // the DEX core protects Uniswap v4
  expect(requests).toEqual([]);
});

test("a MetaPool's history and claims are read from its logs", async ({ page }) => {
  const requests = indexerRequests(page);
  const byName = await metaPoolsByName();
  await page.goto(`/metapool/${byName["DEX core"]}`);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Capital", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(history.getByRole("list", { name: "Claims, newest first" }).getByRole("listitem").first()).toBeVisible();
  expect(requests).toEqual([]);
});

test("the portfolio and the arbiter desk find the account's MetaPools on the chain", async ({ page, wallet }) => {
  test.setTimeout(240_000);
  const requests = indexerRequests(page);
  await wallet.useAccount(8);
  await page.goto("/how-it-works");
  await connectTestWallet(page, wallet.address);
  await page.goto("/portfolio");
  await expect(page.getByTestId("portfolio-metapool").first()).toBeVisible({ timeout: 90_000 });

  await wallet.useAccount(5); // the DEX core's arbiter; its pending claim waits for a ruling
  await page.goto("/arbiter");
  const desk = page.getByTestId("arbiter-metapool").first();
  await expect(desk).toBeVisible({ timeout: 60_000 });
  await expect(desk.locator('[data-testid^="approve-claim-"]').first()).toBeVisible();
  expect(requests).toEqual([]);
});
