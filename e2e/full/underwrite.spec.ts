import { erc20Abi, parseUnits } from "viem";

import { demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { formatAmount } from "../../lib/format/amount";
import { chainReader, chainWriter, e2eChain, metaPoolView, send, travel } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { expectConfirmed, openMetaPool, ROLE, snap, stat } from "./helpers";

const LENDING = "Blue-chip lending"; // dUSD, 6 decimals, 3-day withdrawal period, no claim pending

test("J2 an underwriter gets test dUSD, deposits (approve → deposit) and sees shares, capital and free capital grow", async ({
  page,
  wallet,
}) => {
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "underwrite");
  const me = wallet.address;
  const before = await metaPoolView(metaPool);
  const sharesBefore = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [me],
  });

  await page.getByTestId("faucet").click();
  await expectConfirmed(page, page.locator("section", { has: page.getByTestId("faucet") }));

  const deposit = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await deposit.getByLabel("Amount (dUSD)").fill("2500");
  // The preview states what the deposit changes before anything is signed.
  await expect(deposit.getByText("Shares you get")).toBeVisible();
  await deposit.getByTestId("deposit-submit").click();
  // dUSD takes EIP-2612 permits: the approval is a signature and the deposit one transaction.
  await expect(deposit.getByText(/Sign a permit: allow 2,500.00 dUSD/)).toBeVisible();
  await expect(deposit.getByText(/How: approval by signature/)).toBeVisible();
  await expectConfirmed(page, deposit);
  await snap(page, "deposit confirmed");

  const amount = parseUnits("2500", 6);
  const after = await metaPoolView(metaPool);
  const sharesAfter = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [me],
  });
  // Capital grew by the deposit plus whatever premium streamed meanwhile; free capital by at least the deposit.
  expect(after.capital - before.capital).toBeGreaterThanOrEqual(amount);
  expect(after.freeCapital - before.freeCapital).toBeGreaterThanOrEqual(amount - 1n);
  expect(sharesAfter).toBeGreaterThan(sharesBefore);
  const allowance = await chainReader.readContract({
    address: after.config.asset,
    abi: erc20Abi,
    functionName: "allowance",
    args: [me, metaPool],
  });
  expect(allowance).toBe(0n); // exact approval, fully used

  // What the page shows follows the chain.
  const position = page.locator("section", { has: page.getByRole("heading", { name: "My underwriting" }) });
  await expect(stat(position, "Their value")).toContainText("2,4"); // 2,499.99… or 2,500.00 dUSD after rounding down
  await page.getByTestId("tab-overview").click();
  const figures = page.locator("section", { has: page.getByRole("heading", { name: /now/i }) }).first();
  await expect(stat(figures, /^Capital$/)).toBeVisible();
});

test("J6 an underwriter requests a withdrawal, sees the countdown, travels past the unlock and withdraws", async ({
  page,
  wallet,
}) => {
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  const me = wallet.address;
  const request = page.locator("section", { has: page.getByTestId("request-withdrawal-submit") });
  await request.getByLabel("Amount to withdraw (dUSD)").fill("100");
  await expect(request.getByText("Unlocks")).toBeVisible();
  await request.getByTestId("request-withdrawal-submit").click();
  await expectConfirmed(page, request);

  const requestId = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "requestCount",
  }); // ids run 1..count
  const card = page.getByTestId(`withdrawal-request-${requestId}`);
  await expect(card).toBeVisible();
  await expect(card.getByText(/in 2 d 23 h|in 3 d/)).toBeVisible(); // the 3-day withdrawal period counting down
  await expect(page.getByTestId(`withdrawable-${requestId}`)).toHaveText(/^0 dUSD/);
  await snap(page, "request locked, counting down");

  await travel(3 * 86_400 + 60);
  await page.reload();
  await page.getByTestId("tab-underwrite").click();
  const quote = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "previewWithdrawal",
    args: [requestId],
  });
  expect(quote.withdrawableNow).toBeGreaterThan(0n);
  await expect(page.getByTestId(`withdrawable-${requestId}`)).not.toHaveText(/^0 dUSD/);

  const asset = (await metaPoolView(metaPool)).config.asset;
  const balanceOf = () =>
    chainReader.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [me] });
  const preview = () =>
    chainReader.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "previewWithdrawal",
      args: [requestId],
    });

  // Part of the request, typed in dUSD at 375 px: the card burns the most shares paying at most the amount typed.
  await page.setViewportSize({ width: 375, height: 812 });
  const typed = parseUnits("40.123457", 6);
  const field = card.getByLabel(`Amount to withdraw from request #${requestId} (dUSD)`);
  await field.fill("600");
  await expect(card.getByText(/Enter at most [\d,.]+ dUSD: what this request pays now\./)).toBeVisible();
  await field.fill("40.123457");
  // Echoed like every amount (two decimals, rounded down), with every digit it pays beside it.
  await expect(card.getByTestId(`request-receive-${requestId}`)).toHaveText("40.12 dUSD");
  await expect(card.getByText(/exactly 40\.12345\d dUSD/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "375 px: part of a request typed in dUSD");
  const beforePart = await balanceOf();
  await field.press("Enter"); // the keyboard submits the card's form
  await expectConfirmed(page, card);
  const received = (await balanceOf()) - beforePart;
  const afterPart = await preview();
  const burned = quote.shares - afterPart.shares;
  // At most the amount typed, and short of it by less than what one more share unit would pay.
  expect(received).toBeLessThanOrEqual(typed);
  expect(typed - received).toBeLessThanOrEqual(2n);
  expect(burned).toBeGreaterThan(0n);
  expect(burned).toBeLessThan(quote.shares);
  // The min rule on the shares burned pays what arrived: pro rata of the worth at request, at most.
  expect(received).toBeLessThanOrEqual((burned * quote.assetsAtRequest) / quote.shares);
  await expect(card.getByRole("heading")).toContainText(formatAmount(afterPart.shares, 6, { symbol: "shares" }));
  await page.setViewportSize({ width: 1280, height: 720 });

  const balanceBefore = await balanceOf();
  const rest = await preview();
  await page.getByTestId(`withdraw-all-${requestId}`).click();
  // The request, withdrawn in full, leaves the list with its progress rows: the confirmation stays in a toast.
  await expect(page.getByTestId("tx-toast").filter({ hasText: /Withdraw .* confirmed/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(card).toBeHidden();
  await snap(page, "withdrawn, confirmation kept");
  const balanceAfter = await balanceOf();
  // The min rule: at most what the shares were worth at the request, and never less than the quote made after travel.
  expect(balanceAfter - balanceBefore).toBeGreaterThanOrEqual(rest.withdrawableNow);
  expect(balanceAfter - balanceBefore).toBeLessThanOrEqual(rest.assetsAtRequest);
});

test("J6 a request larger than free capital withdraws only what is free and says why", async ({ page, wallet }) => {
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  const me = wallet.address;
  // Request nearly every share the underwriter holds…
  await page
    .locator("section", { has: page.getByTestId("request-withdrawal-submit") })
    .getByRole("button", { name: "All" })
    .click();
  await page.getByTestId("request-withdrawal-submit").click();
  await expect(page.getByText(/confirmed/).first()).toBeVisible({ timeout: 20_000 });
  const requestId = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "requestCount",
  }); // ids run 1..count

  // …then a seeker buys nearly all the capital free once the purchases queued ahead have matured; it matures long
  // before the request unlocks.
  const view = await metaPoolView(metaPool);
  const seeker = (await chainWriter.getAddresses())[ROLE.seeker]!;
  const freeAfterQueue = view.freeCapital - view.totalPending;
  const buy = freeAfterQueue - parseUnits("5000", 6); // leaves about 5 000 dUSD free once everything has matured
  await send({
    account: seeker,
    chain: e2eChain,
    address: view.config.asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [buy],
  });
  await send({
    account: seeker,
    chain: e2eChain,
    address: view.config.asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, buy],
  });
  await send({
    account: seeker,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "buyProtection",
    args: [0n, buy, seeker],
  });
  await travel(3 * 86_400 + 60);

  const quote = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "previewWithdrawal",
    args: [requestId],
  });
  expect(quote.withdrawableNow).toBeLessThan(quote.assets);
  expect(quote.withdrawableNow).toBe(quote.freeCapital);

  await page.reload();
  await page.getByTestId("tab-underwrite").click();
  const card = page.getByTestId(`withdrawal-request-${requestId}`);
  await expect(card.getByText(/Active coverage holds capital back: only .* is free right now\./)).toBeVisible();
  await snap(page, "held back by coverage");
  await page.getByTestId(`withdraw-all-${requestId}`).click();
  await expect(page.getByText(/confirmed/).first()).toBeVisible({ timeout: 20_000 });

  const after = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "previewWithdrawal",
    args: [requestId],
  });
  expect(after.shares).toBeGreaterThan(0n); // the rest stays requested
  const freeAfter = (await metaPoolView(metaPool)).freeCapital;
  expect(freeAfter).toBeLessThan(quote.freeCapital / 100n + 1n); // the free capital went out
  expect(me).toBe(quote.owner);
});
