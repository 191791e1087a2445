import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";
import { createPublicClient, defineChain, erc20Abi, http, type Address } from "viem";
import { base } from "viem/chains";

import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import { connectTestWallet } from "../fixtures/connect";
import { TestWallet } from "../wallet/TestWallet";
import { base8453, type Deployment8453 } from "./env";
import { rpcCallsWhileIdle, total } from "./idleRpc";

const deployment = JSON.parse(readFileSync(base8453.deploymentFile, "utf8")) as Deployment8453;
const chain = defineChain({ ...base, rpcUrls: { default: { http: [base8453.rpcUrl] } } });
const reader = createPublicClient({ chain, transport: http(base8453.rpcUrl) });

// The second test measures the pages the first one filled.
test.describe.configure({ mode: "serial" });

const CREATOR = 3;
const ARBITER = 4;
const NAME = "Base lending";

/** What no page may say on a chain where Canopy is deployed. */
async function expectDeployedHere(page: import("@playwright/test").Page) {
  await expect(page.getByText(/not deployed on this (chain|network)/i)).toHaveCount(0);
  await expect(page.getByText("Not a MetaPool")).toHaveCount(0);
  await expect(page.getByRole("contentinfo")).toContainText("chain id 8453");
}

test("on chain 8453: create a MetaPool on a 6-decimal USDC-like token, deposit, buy protection, and every route works", async ({
  page,
}) => {
  const wallet = await TestWallet.create(base8453.rpcUrl);
  await wallet.attach(page);
  await wallet.useAccount(CREATOR);
  const arbiter = wallet.accounts[ARBITER]!;
  expect(await reader.getChainId()).toBe(8453);

  // Create: no demo tokens off chain 31337, so the asset is typed as any ERC-20's address.
  await page.goto("/create");
  await connectTestWallet(page, wallet.address);
  await expectDeployedHere(page);
  await expect(page.locator("input[name=create-asset]")).toHaveCount(0);
  const next = page.getByTestId("create-next");
  await page.getByLabel("Token address").fill(deployment.usdc);
  await expect(page.getByTestId("create-asset-found")).toContainText("USDC");
  await next.click();
  await page.getByLabel("MetaPool name").fill(NAME);
  await page.getByLabel("Protection statement").fill("Pays when a listed Base lending market loses deposits to a bug.");
  await next.click();
  await page.getByLabel("Pool 1 name").fill("Moonwell");
  await next.click();
  await page.getByTestId("create-arbiter").fill(arbiter);
  await next.click();
  await next.click(); // curve: the default
  await next.click(); // terms: the defaults, in USDC
  await expect(page.getByTestId("create-immutable-warning")).toBeVisible();
  await page.getByTestId("create-submit").click();
  await page.waitForURL(/\/metapool\/0x[0-9a-fA-F]{40}/, { timeout: 60_000 });
  await expect(page.getByTestId("metapool-name")).toHaveText(NAME);
  const metaPool = page.url().match(/0x[0-9a-fA-F]{40}/)![0] as Address;
  const [created] = await reader.readContract({
    address: deployment.metaPoolFactory,
    abi: metaPoolFactoryAbi,
    functionName: "metaPools",
    args: [0n, 1n],
  });
  expect(created?.toLowerCase()).toBe(metaPool.toLowerCase());
  const view = await reader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "metaPoolView",
  });
  expect(view.config.asset.toLowerCase()).toBe(deployment.usdc.toLowerCase());
  // The terms' defaults were entered in whole USDC and sent with 6 decimals.
  expect(view.config.claimBond % 10n ** 6n).toBe(0n);
  expect(view.config.claimBond).toBeLessThan(10n ** 12n);

  // Underwrite 2 500 USDC.
  await page.getByTestId("tab-underwrite").click();
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await deposit.getByLabel("Amount (USDC)").fill("2500");
  await deposit.getByTestId("deposit-submit").click();
  await expect(deposit.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 60_000 });
  const shares = await reader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [wallet.address],
  });
  expect(shares).toBeGreaterThan(0n);
  expect(
    await reader.readContract({ address: deployment.usdc, abi: erc20Abi, functionName: "balanceOf", args: [metaPool] }),
  ).toBe(2_500n * 10n ** 6n);

  // Buy 100 USDC of protection in the pool.
  await page.getByTestId("tab-protect").click();
  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill("100");
  await page.getByTestId("protect-submit").click();
  await expect
    .poll(
      async () =>
        (await reader.readContract({ address: metaPool, abi: metaPoolExtensionAbi, functionName: "purchaseQueue" }))[1],
      { timeout: 60_000 },
    )
    .toBe(1n);

  // Every route, on this chain.
  const routes: { path: string; heading: RegExp; shows?: RegExp }[] = [
    { path: "/", heading: /MetaPools/i, shows: new RegExp(NAME) },
    { path: `/metapool/${metaPool}#overview`, heading: new RegExp(NAME), shows: /Moonwell/ },
    { path: `/metapool/${metaPool}#claims`, heading: new RegExp(NAME) },
    { path: "/portfolio", heading: /Portfolio/i, shows: new RegExp(NAME) },
    { path: "/arbiter", heading: /Arbiter/i },
    { path: "/create", heading: /Create/i },
    { path: "/how-it-works", heading: /How/i },
  ];
  for (const route of routes) {
    await page.goto(route.path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(route.heading);
    if (route.shows) await expect(page.getByText(route.shows).first()).toBeVisible({ timeout: 30_000 });
    await expectDeployedHere(page);
  }
  await page.goto("/");
  await expect(page.getByTestId("metapool-row").filter({ hasText: NAME })).toContainText("USDC");
});

test("idle pages on chain 8453: JSON-RPC calls a minute, and no eth_getLogs once loaded", async ({ page }) => {
  const wallet = await TestWallet.create(base8453.rpcUrl);
  await wallet.attach(page);
  await wallet.useAccount(CREATOR);
  await page.goto("/how-it-works");
  await connectTestWallet(page, wallet.address);
  await page.waitForTimeout(5_000); // the first load's reads
  const howItWorks = await rpcCallsWhileIdle(page, base8453.rpcUrl, 60_000);

  await page.goto("/portfolio");
  await expect(page.getByText(NAME).first()).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(5_000);
  const portfolio = await rpcCallsWhileIdle(page, base8453.rpcUrl, 60_000);
  console.log(
    `idle minute on chain 8453 (multicall):\n  /how-it-works ${JSON.stringify(howItWorks)}\n  /portfolio ${JSON.stringify(portfolio)}`,
  );

  // A static page reads only the latest block (the chain clock and the footer), every 12 s.
  expect(total(howItWorks)).toBeLessThanOrEqual(10);
  // Portfolio's log scans read nothing while no block is mined (the chain is idle here).
  expect(portfolio.eth_getLogs ?? 0).toBe(0);
  expect(portfolio.eth_blockNumber ?? 0).toBeLessThanOrEqual(10);
});
