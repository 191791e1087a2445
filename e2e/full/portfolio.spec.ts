import { readFileSync } from "node:fs";

import { erc20Abi, parseUnits, type Address } from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { formatAmount } from "../../lib/format/amount";
import { chainReader, chainWriter, e2eChain, metaPoolView, send, travel } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { metaPoolAddress, openAs, openMetaPool, ROLE, snap, stat, units } from "./helpers";

const VAULTS = "Legacy yield vaults"; // shut down in the seed
const LENDING = "Blue-chip lending"; // withdrawal requests in the seed; 1-day purchase delay, dUSD
const BRIDGES = "Bridges & restaking"; // a valid claim whose bond went back to its filer

async function assetOf(metaPool: Address) {
  const address = (await metaPoolView(metaPool)).config.asset;
  const [symbol, decimals] = await Promise.all([
    chainReader.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
    chainReader.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
  ]);
  return { address, symbol, decimals };
}

const accountAt = async (index: number) => (await chainWriter.getAddresses())[index]!;
const section = (page: import("@playwright/test").Page, name: string) =>
  page.getByTestId("portfolio-metapool").filter({ has: page.getByRole("heading", { name, exact: true }) });

test("Portfolio: a shut-down MetaPool's exit is a button counted in Takeable now; Value now counts pending withdrawal requests", async ({
  page,
  wallet,
}) => {
  const me = await accountAt(ROLE.underwriter);
  const vaults = await metaPoolAddress(VAULTS);
  expect((await metaPoolView(vaults)).shutDown).toBe(true);
  const asset = await assetOf(vaults);
  const shares = await chainReader.readContract({
    address: vaults,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [me],
  });
  expect(shares).toBeGreaterThan(0n);
  const exitNow = await chainReader.readContract({
    address: vaults,
    abi: metaPoolExtensionAbi,
    functionName: "previewExit",
    args: [shares],
  });
  const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol });

  await openAs(page, wallet, ROLE.underwriter, "/portfolio");
  const vaultsSection = section(page, VAULTS);
  const exit = vaultsSection.getByTestId(`exit-${vaults}`);
  await expect(exit).toBeVisible({ timeout: 30_000 });
  await expect(exit).toContainText(fmt(exitNow));
  await expect(vaultsSection).toContainText(`pay ${fmt(exitNow)} at once`);
  const totals = page.getByLabel(`Totals in ${asset.symbol}`);
  const takeable = () =>
    stat(totals, "Takeable now")
      .textContent()
      .then((t) => units(t!, asset.decimals));
  const cent = 10n ** BigInt(asset.decimals - 2);
  const takeableBefore = await takeable();
  // Rounded down to the cent on screen.
  expect(takeableBefore).toBeGreaterThanOrEqual(exitNow - cent);

  // Value now of Blue-chip lending: the shares' worth plus what the open withdrawal requests would pay.
  const lending = await metaPoolAddress(LENDING);
  const lendingAsset = await assetOf(lending);
  const requested = await chainReader.getContractEvents({
    address: lending,
    abi: metaPoolExtensionAbi,
    eventName: "WithdrawalRequested",
    args: { owner: me },
    fromBlock: 0n,
  });
  const quotes = await Promise.all(
    [...new Set(requested.map((e) => e.args.requestId!))].map((id) =>
      chainReader.readContract({
        address: lending,
        abi: metaPoolExtensionAbi,
        functionName: "previewWithdrawal",
        args: [id],
      }),
    ),
  );
  const inRequests = quotes.filter((q) => q.shares > 0n).reduce((s, q) => s + q.assets, 0n);
  expect(inRequests, "the seed leaves this underwriter withdrawal requests in Blue-chip lending").toBeGreaterThan(0n);
  const lendingShares = await chainReader.readContract({
    address: lending,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [me],
  });
  const worth = await chainReader.readContract({
    address: lending,
    abi: metaPoolExtensionAbi,
    functionName: "convertToAssets",
    args: [lendingShares],
  });
  const lendingSection = section(page, LENDING);
  const valueNow = stat(lendingSection, "Value now");
  await expect(valueNow.locator("xpath=following-sibling::dd[1]")).toContainText("of it in withdrawal requests");
  const shown = units((await valueNow.textContent())!, lendingAsset.decimals);
  const drift = shown > worth + inRequests ? shown - worth - inRequests : worth + inRequests - shown;
  // Premium moves the shares' worth between the page's read and this one: a few cents at most.
  expect(drift, `Value now ${shown}, chain ${worth} + ${inRequests}`).toBeLessThan(
    parseUnits("0.5", lendingAsset.decimals),
  );
  await snap(page, "portfolio: exit button, value now with requests");

  // The exit is a keyboard-reachable button; it pays exactly what it said (no premium accrues after a shutdown).
  const balance = () =>
    chainReader.readContract({ address: asset.address, abi: erc20Abi, functionName: "balanceOf", args: [me] });
  const before = await balance();
  await exit.focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(
      () =>
        chainReader.readContract({ address: vaults, abi: metaPoolExtensionAbi, functionName: "balanceOf", args: [me] }),
      { timeout: 20_000 },
    )
    .toBe(0n);
  expect((await balance()) - before).toBe(exitNow);
  await expect(exit).toBeHidden({ timeout: 20_000 });
  await expect.poll(takeable, { timeout: 20_000 }).toBeLessThanOrEqual(takeableBefore - exitNow + cent);
});

test("Portfolio: a returned claim bond is totalled apart from fees, and every CSV row has a time", async ({
  page,
  wallet,
}) => {
  const me = await accountAt(ROLE.seeker);
  const bridges = await metaPoolAddress(BRIDGES);
  const asset = await assetOf(bridges);
  const view = await metaPoolView(bridges);
  expect(view.config.arbiter.toLowerCase()).not.toBe(me.toLowerCase());
  expect(view.config.creator.toLowerCase()).not.toBe(me.toLowerCase());
  // The seeker filed the valid claim: its bond came back as an amount owed (claimFees pays it).
  const owed = await chainReader.readContract({
    address: bridges,
    abi: metaPoolExtensionAbi,
    functionName: "feesOwed",
    args: [me],
  });
  expect(owed).toBe(view.config.claimBond);
  const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol });

  await openAs(page, wallet, ROLE.seeker, "/portfolio");
  const totals = page.getByLabel(`Totals in ${asset.symbol}`);
  const fees = stat(totals, "Fees owed");
  await expect(fees.locator("xpath=following-sibling::dd[1]")).toContainText(
    `and ${fmt(owed)} of returned claim bonds`,
    {
      timeout: 30_000,
    },
  );
  await expect(section(page, BRIDGES).getByRole("heading", { name: "Fees and returned bonds" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("portfolio-export-csv").click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  const columns = header!.split(",");
  const time = columns.indexOf("Time (UTC)");
  const meaning = columns.indexOf("Time meaning");
  expect(time).toBeGreaterThan(-1);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // Names are quoted only when they hold a comma; none of the seeded values after the name columns do.
    const fields = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""));
    expect(fields[time], `time in: ${row}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(fields[meaning], `time meaning in: ${row}`).not.toBe("");
  }
  expect(csv).toContain(BRIDGES);
});

test("A matured purchase is cover before anyone mints it, on Protect and Portfolio; withdrawing it by amount mints and burns in one transaction", async ({
  page,
  wallet,
}) => {
  const me = await accountAt(ROLE.fresh);
  const lending = await metaPoolAddress(LENDING);
  const asset = await assetOf(lending);
  await send({
    account: me,
    chain: e2eChain,
    address: asset.address,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [parseUnits("2000", asset.decimals)],
  });
  const amount = parseUnits("1000", asset.decimals);
  await send({
    account: me,
    chain: e2eChain,
    address: asset.address,
    abi: erc20Abi,
    functionName: "approve",
    args: [lending, amount],
  });
  // Aave v3 (pool 0): the seed's pending purchases mature first, so the capacity ahead of this one is checked.
  await send({
    account: me,
    chain: e2eChain,
    address: lending,
    abi: metaPoolAbi,
    functionName: "buyProtection",
    args: [0n, amount, me],
  });
  const [, next] = await chainReader.readContract({
    address: lending,
    abi: metaPoolExtensionAbi,
    functionName: "purchaseQueue",
  });
  const purchaseId = next - 1n;
  await travel(86_400 + 60);
  // Nobody has minted it: the purchase is still pending on chain.
  expect(
    (
      await chainReader.readContract({
        address: lending,
        abi: metaPoolExtensionAbi,
        functionName: "purchase",
        args: [purchaseId],
      })
    ).status,
  ).toBe(1);

  await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  const cover = page.getByTestId("cover-0");
  await expect(cover).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("cover-due-0")).toContainText(/from your matured purchase/);
  await expect(page.getByTestId(`purchase-${purchaseId}`)).toBeHidden();
  const underlying = units((await page.getByTestId("cover-underlying-0").textContent())!, asset.decimals);
  // Premium has run for the minute since maturity: a little under the deposit, never over it.
  expect(underlying).toBeLessThanOrEqual(amount);
  expect(underlying).toBeGreaterThan(parseUnits("990", asset.decimals));
  await snap(page, "matured purchase shown as cover");

  // The same cover on Portfolio, as cover, not as a purchase waiting.
  await openAs(page, wallet, ROLE.fresh, "/portfolio");
  const row = section(page, LENDING);
  await expect(row).toContainText(/Aave v3 · cover/, { timeout: 30_000 });
  await expect(row).not.toContainText(`purchase #${purchaseId}`);

  // Withdraw 400 dUSD by amount: the form shows exactly what is paid and the tokens burned.
  await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  await cover.getByRole("button", { name: "Withdraw cover" }).click();
  await cover.getByLabel("Amount to withdraw from Aave v3").fill("400");
  const receive = page.getByTestId("withdraw-cover-receive-0");
  await expect(receive).toHaveText(`400.00 ${asset.symbol}`);
  await expect(page.getByTestId("withdraw-cover-burn-0")).toContainText("cnpy-0-e");
  // More than the cover is worth is refused before anything is sent.
  await cover.getByLabel("Amount to withdraw from Aave v3").fill("5000");
  await expect(cover.getByText(/Enter at most .* dUSD: what your cover is worth now\./)).toBeVisible();
  await expect(page.getByTestId("withdraw-cover-submit-0")).toBeDisabled();
  await cover.getByLabel("Amount to withdraw from Aave v3").fill("400");
  const balance = () =>
    chainReader.readContract({ address: asset.address, abi: erc20Abi, functionName: "balanceOf", args: [me] });
  const before = await balance();
  await page.getByTestId("withdraw-cover-submit-0").click();
  await expect(cover.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });
  const paid = (await balance()) - before;
  // Never more than typed; the premium of the seconds between quote and block may take a few base units.
  expect(paid).toBeLessThanOrEqual(parseUnits("400", asset.decimals));
  expect(paid).toBeGreaterThan(parseUnits("399.99", asset.decimals));
  // The purchase matured inside the withdrawal's own transaction.
  const matured = await chainReader.getContractEvents({
    address: lending,
    abi: metaPoolAbi,
    eventName: "PurchaseMatured",
    args: { purchaseId },
    fromBlock: 0n,
  });
  const withdrawn = await chainReader.getContractEvents({
    address: lending,
    abi: metaPoolAbi,
    eventName: "ProtectionWithdrawn",
    fromBlock: 0n,
  });
  expect(matured).toHaveLength(1);
  expect(withdrawn.at(-1)!.transactionHash).toBe(matured[0]!.transactionHash);
  const token = (await metaPoolView(lending)).pools[0]!.token;
  const left = await chainReader.readContract({
    address: token,
    abi: coverTokenAbi,
    functionName: "balanceOf",
    args: [me],
  });
  expect(left).toBe(matured[0]!.args.tokens! - withdrawn.at(-1)!.args.tokens!);
  await expect(page.getByTestId("cover-due-0")).toBeHidden({ timeout: 20_000 });
});
