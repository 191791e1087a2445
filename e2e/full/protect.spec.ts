import { erc20Abi, formatUnits, parseUnits } from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { chainNow, chainReader, chainWriter, e2eChain, metaPoolView, send, travel } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { expectConfirmed, openMetaPool, ROLE, snap, units } from "./helpers";

const LENDING = "Blue-chip lending"; // 1-day purchase delay, dUSD

test("J3 a seeker buys protection: pending for a day, then active, its underlying falling as premium streams to underwriters", async ({
  page,
  wallet,
}) => {
  const buyer = (await chainWriter.getAddresses())[ROLE.fresh]!;
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  const asset = (await metaPoolView(metaPool)).config.asset;
  await send({
    account: buyer,
    chain: e2eChain,
    address: asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [parseUnits("5000", 6)],
  });
  const balance = () =>
    chainReader.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [buyer] });
  const balanceBefore = await balance();
  await page.reload();
  await page.getByTestId("tab-protect").click();

  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill("1000");
  const quote = page.getByTestId("protect-quote");
  // Revision 4: the quote states the capacity now (C − ΣK) and the pending amount queued ahead (ΣR), and says that
  // acceptance is decided at maturity. The seeded market has a purchase waiting in this MetaPool.
  const seeded = await metaPoolView(metaPool);
  expect(seeded.totalPending > 0n).toBe(true);
  const figure = async (testId: string) =>
    units((await quote.getByTestId(testId).locator("dd").first().textContent())!, 6);
  await expect(quote.getByTestId("quote-pending-ahead")).toContainText("dUSD");
  expect(await figure("quote-pending-ahead")).toBe(seeded.totalPending);
  // C − ΣK, within the premium that moves from cover into capital between two blocks.
  const capacity = await figure("quote-capacity");
  const drift = capacity > seeded.freeCapital ? capacity - seeded.freeCapital : seeded.freeCapital - capacity;
  expect(drift < parseUnits("0.05", 6), `capacity shown ${capacity}, freeCapital on chain ${seeded.freeCapital}`).toBe(
    true,
  );
  await expect(quote.getByTestId("quote-acceptance")).toContainText(/acceptance is decided at maturity/i);
  await expect(quote.getByTestId("quote-acceptance")).toContainText(/rest is\s+refunded to you/i);
  await expect(quote.getByTestId("quote-shortfall")).toHaveCount(0);
  await expect(
    quote
      .getByText(/cannot be cancelled/i)
      .or(page.getByText(/cannot be cancelled/i))
      .first(),
  ).toBeVisible();
  // An amount the queue ahead would leave short: the quote says how much would become cover and how much be refunded.
  const short = capacity - seeded.totalPending + parseUnits("100", 6);
  await page.getByLabel("Deposit", { exact: true }).fill(formatUnits(short, 6));
  await expect(quote.getByTestId("quote-shortfall")).toContainText(/would be refundable/);
  const shortfall = (await quote.getByTestId("quote-shortfall").textContent())!;
  expect(shortfall).toMatch(
    /only [\d,.]+ dUSD of your [\d,.]+ dUSD would become cover and [\d,.]+ dUSD would be refundable/,
  );
  await snap(page, "quote: capacity, pending ahead, acceptance at maturity");
  // At 375 px the quote's new lines fit without sideways scrolling.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(quote.getByTestId("quote-pending-ahead")).toBeVisible();
  await expect(quote.getByTestId("quote-shortfall")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "375 px: quote");
  await page.setViewportSize({ width: 1280, height: 720 });
  // An amount with more digits than two decimals show: echoed rounded down, its exact figure beside it, sent exactly.
  await page.getByLabel("Deposit", { exact: true }).fill("1000.123456");
  await expect(quote.getByTestId("quote-shortfall")).toHaveCount(0);
  await expect(page.getByTestId("protect-deposit-echo")).toHaveText("1,000.12 dUSD");
  await expect(page.getByText("exactly 1,000.123456 dUSD")).toBeVisible();
  await expect(page.getByTestId("protect-submit")).toHaveText("Buy 1,000.12 dUSD of protection");
  await page.getByTestId("protect-submit").click();
  await expectConfirmed(page);

  const [, nextPurchaseId] = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "purchaseQueue",
  });
  const purchaseId = nextPurchaseId - 1n;
  const purchase = page.getByTestId(`purchase-${purchaseId}`);
  await expect(purchase).toContainText(/Becomes cover in (23 h 59 min|1 d)/);
  await snap(page, "purchase pending");

  // The footer's time travel (local chains only) moves the chain past the one-day delay.
  const before = await chainNow();
  await page.getByRole("button", { name: "Advance chain time by 1 day" }).click();
  await expect.poll(chainNow, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 86_400n);
  // Due: cover already. It shows under Your protection with no separate mint: its tokens come with the next
  // transaction anyone sends to the MetaPool.
  await expect(page.getByTestId("cover-due-0")).toContainText(/from your matured purchase/, { timeout: 20_000 });
  await expect(purchase).toBeHidden();
  const underlying = page.getByTestId("cover-underlying-0");
  await expect(underlying).toContainText("dUSD");
  const firstText = (await underlying.textContent())!;
  const first = units(firstText, 6);
  expect(first).toBeGreaterThan(parseUnits("990", 6));
  expect(first).toBeLessThanOrEqual(parseUnits("1000.123456", 6));

  // Premium streams out of the cover and into the underwriters' capital.
  const underwriter = (await chainWriter.getAddresses())[ROLE.underwriter]!;
  const shares = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [underwriter],
  });
  const worth = () =>
    chainReader.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "convertToAssets",
      args: [shares],
    });
  const worthBefore = await worth();
  await travel(7 * 86_400);
  await page.reload();
  await page.getByTestId("tab-protect").click();
  await expect(underlying).not.toHaveText(firstText);
  const later = units((await underlying.textContent())!, 6);
  expect(later).toBeLessThan(first);
  await snap(page, "cover active, streaming");
  expect(await worth()).toBeGreaterThan(worthBefore);

  // Anyone's next transaction on the MetaPool mints the tokens (here a poke by the underwriter); the page's figure is
  // then the contract's (its tokens' underlying at this block, within one block of drift).
  await send({
    account: underwriter,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "poke",
    args: [16n],
  });
  const view = await metaPoolView(metaPool);
  const tokens = await chainReader.readContract({
    address: view.pools[0]!.token,
    abi: coverTokenAbi,
    functionName: "balanceOf",
    args: [buyer],
  });
  const onChain = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "coverUnderlying",
    args: [0n, BigInt(view.pools[0]!.epoch), tokens],
  });
  expect(later - onChain < parseUnits("0.05", 6) && onChain - later < parseUnits("0.05", 6)).toBe(true);
  expect(balanceBefore - (await balance())).toBe(parseUnits("1000.123456", 6));
});
