import type { Route } from "@playwright/test";
import { erc20Abi, parseUnits, zeroAddress } from "viem";

import { demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { chainReader, chainWriter, e2eChain, metaPoolView, send, travel } from "../fixtures/chain";
import { e2eEnv } from "../fixtures/env";
import { expect, test } from "../fixtures/journey";
import { expectConfirmed, fund, metaPoolAddress, openMetaPool, ROLE, snap } from "./helpers";

const LENDING = "Blue-chip lending";

test("a rejected signature says so, changes nothing, and the retry goes through", async ({ page, wallet }) => {
  await fund(ROLE.underwriter, await metaPoolAddress(LENDING), parseUnits("100", 6));
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  const capital = (await metaPoolView(metaPool)).capital;
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await deposit.getByLabel("Amount (dUSD)").fill("10");
  wallet.rejectNext();
  await deposit.getByTestId("deposit-submit").click();
  await expect(deposit.getByRole("alert")).toContainText("You rejected the request");
  await snap(page, "rejected in the wallet");
  expect((await metaPoolView(metaPool)).capital - capital < parseUnits("1", 6)).toBe(true); // premium only, no deposit
  await deposit.getByRole("button", { name: "Try again" }).click();
  await expectConfirmed(page, deposit);
  expect((await metaPoolView(metaPool)).capital - capital >= parseUnits("10", 6)).toBe(true);
});

test("on the wrong network the banner shows; after switching the action goes through", async ({ page, wallet }) => {
  await fund(ROLE.underwriter, await metaPoolAddress(LENDING), parseUnits("100", 6));
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  await wallet.reportChain(1);
  const banner = page.getByRole("alert").filter({ hasText: "Canopy runs on Anvil" });
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Switch to Anvil" }).click();
  await expect(banner).toBeHidden();
  const capital = (await metaPoolView(metaPool)).capital;
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await deposit.getByLabel("Amount (dUSD)").fill("10");
  await deposit.getByTestId("deposit-submit").click();
  await expectConfirmed(page, deposit);
  expect((await metaPoolView(metaPool)).capital - capital >= parseUnits("10", 6)).toBe(true);
});

test("reverts that slip past the form are decoded: capacity taken meanwhile, a claim filed meanwhile", async ({
  page,
  wallet,
}) => {
  await fund(ROLE.underwriter, await metaPoolAddress(LENDING), parseUnits("1000", 6));
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "protect");
  const view = await metaPoolView(metaPool);
  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill("1000");
  await expect(page.getByTestId("protect-submit")).toBeEnabled();

  // Before this purchase is sent, another seeker's purchase matures and takes nearly all the free capital (pending
  // purchases reserve nothing: capacity is C − ΣK, taken when a purchase matures, after the queue ahead of it).
  const other = (await chainWriter.getAddresses())[ROLE.seeker]!;
  const fresh = await metaPoolView(metaPool);
  const take = fresh.freeCapital - fresh.totalPending - parseUnits("420", 6);
  await send({
    account: other,
    chain: e2eChain,
    address: view.config.asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [take],
  });
  await send({
    account: other,
    chain: e2eChain,
    address: view.config.asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, take],
  });
  await send({
    account: other,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "buyProtection",
    args: [1n, take, other],
  });
  await travel(Number(view.config.purchaseDelay) + 60);
  await send({
    account: other,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "poke",
    args: [16n],
  });
  const left = (await metaPoolView(metaPool)).freeCapital;
  // 420 plus the premium a day of cover paid into capital: less than this purchase.
  expect(left > parseUnits("420", 6) && left < parseUnits("1000", 6), `free capital left ${left}`).toBe(true);

  // The form re-reads capacity with every block (12 s), so it may catch the change before the click: then it refuses
  // next to the field and disables the button; otherwise the purchase is sent and its revert decoded. Either way the
  // user reads the capacity left, never a raw error.
  await page
    .getByTestId("protect-submit")
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: /Only [\d,]+\.\d\d dUSD of capacity is left/ })
      .or(page.getByText(/Enter at most [\d,.]+ dUSD: the capacity left in this MetaPool/))
      .first(),
  ).toBeVisible({ timeout: 20_000 });

  // A claim filed meanwhile holds deposits: the deposit is refused with the claim's number.
  await page.getByTestId("tab-underwrite").click();
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await deposit.getByLabel("Amount (dUSD)").fill("5");
  const [holder] = [other];
  const tokenHolderView = await metaPoolView(metaPool);
  await send({
    account: holder,
    chain: e2eChain,
    address: view.config.asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [view.config.claimBond],
  });
  await send({
    account: holder,
    chain: e2eChain,
    address: view.config.asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, view.config.claimBond],
  });
  const held = await Promise.all(
    tokenHolderView.pools.map((p) =>
      p.token === zeroAddress
        ? 0n
        : chainReader.readContract({ address: p.token, abi: erc20Abi, functionName: "balanceOf", args: [holder] }),
    ),
  );
  const poolWithCover = held.findIndex((tokens) => tokens > 0n);
  expect(poolWithCover).toBeGreaterThanOrEqual(0);
  const block = await chainReader.getBlock();
  await send({
    account: holder,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "fileClaim",
    args: [BigInt(poolWithCover), block.timestamp, "exploit"],
  });
  const [, nextClaimId] = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "claimQueue",
  });
  await deposit.getByTestId("deposit-submit").click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: `claim #${nextClaimId - 1n}` })
      .or(page.getByTestId("deposit-refused"))
      .first(),
  ).toContainText(`#${nextClaimId - 1n}`, { timeout: 20_000 });
});

test("invalid inputs block sending and say what is wrong next to the field", async ({ page, wallet }) => {
  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  const amount = deposit.getByLabel("Amount (dUSD)");
  await amount.fill("1.1234567");
  await expect(deposit.getByText("dUSD has 6 decimals; use at most 6 digits after the point.")).toBeVisible();
  await expect(deposit.getByTestId("deposit-submit")).toBeDisabled();
  await amount.fill("999999999999");
  await expect(deposit.getByText(/Enter at most .* dUSD: your (wallet )?balance/)).toBeVisible();
  await expect(deposit.getByTestId("deposit-submit")).toBeDisabled();

  const request = page.locator("section", { has: page.getByTestId("request-withdrawal-submit") });
  await request.getByLabel("Amount to withdraw (dUSD)").fill("999999999999");
  await expect(request.getByTestId("request-withdrawal-submit")).toBeDisabled();

  await page.getByTestId("tab-protect").click();
  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill("1");
  await expect(page.getByText(/Enter at least 10\.00 dUSD/).first()).toBeVisible();
  await expect(page.getByTestId("protect-submit")).toBeDisabled();
});

test("an amount typed while a confirmed deposit's figures refresh stays in the field", async ({ page, wallet }) => {
  await fund(ROLE.underwriter, await metaPoolAddress(LENDING), parseUnits("100", 6));
  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  const field = deposit.getByLabel("Amount (dUSD)");
  // Reads answer 3 s late, so the flow is still refreshing them after it shows "confirmed" (a slow RPC or indexer).
  const reads = { inFlight: 0, answered: 0 };
  const late = async (route: Route) => {
    reads.inFlight += 1;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue().catch(() => undefined);
    reads.inFlight -= 1;
    reads.answered += 1;
  };
  await page.route(e2eEnv.rpcUrl, (route) =>
    (route.request().postData() ?? "").includes('"eth_call"') ? late(route) : route.continue(),
  );
  await page.route(`${e2eEnv.indexerUrl}/**`, late);
  await field.fill("10");
  await deposit.getByTestId("deposit-submit").click();
  await expectConfirmed(page, deposit);
  const atConfirmation = reads.answered;
  await field.fill("7");
  // Wait out the refresh that was running at confirmation: the flow settles once its reads have answered.
  await expect.poll(() => reads.answered > atConfirmation && reads.inFlight === 0, { timeout: 30_000 }).toBe(true);
  await page.waitForTimeout(1_000);
  await expect(field).toHaveValue("7");
  await expect(deposit.getByTestId("deposit-submit")).toBeEnabled();
});
