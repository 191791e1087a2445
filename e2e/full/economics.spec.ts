import { erc20Abi, parseUnits, type Address } from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi } from "../../abis";
import { stateFromView } from "../../lib/protect/viewState";
import { BPS, DAY, poolView, sync, unwrap, WAD, YEAR } from "../../lib/protocol";
import { chainNow, chainReader, chainWriter, e2eChain, metaPoolView, send } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { fund, metaPoolAddress, openAs, openMetaPool, ROLE, snap, stat, units } from "./helpers";

/**
 * Issue #13's economics on the seeded market: the underwriters' APY, the true price of cover, the payout cap in
 * Explore and one payout figure per pool. Every expected figure is computed here from the chain with the protocol
 * mirror (lib/protocol), not read back from the app's own code.
 */

const LENDING = "Blue-chip lending"; // uncapped payout (K + F), dUSD (6 decimals), seeker #8 holds cover
const DECIMALS = 6;

/** "7.02 % APY" or "41.2 %" as hundredths of a percent (7.02 % → 702n). */
function percentHundredths(text: string): bigint {
  const m = /(-?[\d,]+)(?:\.(\d+))?\s*%/.exec(text);
  if (!m) throw new Error(`no percentage in "${text}"`);
  const whole = BigInt(m[1]!.replace(/,/g, ""));
  const fraction = BigInt((m[2] ?? "").padEnd(2, "0").slice(0, 2) || "0");
  return whole * 100n + (whole < 0n ? -fraction : fraction);
}

/** A WAD fraction as hundredths of a percent, rounded to nearest. */
function wadToHundredths(wad: bigint): bigint {
  return (wad * 10_000n + WAD / 2n) / WAD;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/**
 * The mirror's APY, from what it actually adds to C: sync the chain's state one day on and annualise the gain
 * (premium net of fees over C, simple). Independent of lib/economics' formula.
 */
async function mirrorApy(metaPool: Address): Promise<bigint> {
  const state = stateFromView(await metaPoolView(metaPool));
  const later = unwrap(sync(state, state.lastSyncAt + DAY)).state;
  return ((later.capital - state.capital) * WAD * (YEAR / DAY)) / state.capital;
}

test("the APY shown on Overview, Underwrite and Explore is the mirror's: premium net of fees over capital", async ({
  page,
  wallet,
}) => {
  // The underwriter's wallet gets the demo tokens first, so the deposit preview below reads a balance.
  await fund(ROLE.underwriter, await metaPoolAddress(LENDING), parseUnits("10000", DECIMALS));
  const metaPool = await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "overview");
  const apyNow = page.getByTestId("apy-now").first();
  await expect(apyNow).toContainText("% APY");
  const expected = wadToHundredths(await mirrorApy(metaPool));
  expect(expected).toBeGreaterThan(0n);
  const shown = percentHundredths((await apyNow.textContent())!);
  // The display has two decimals; a premium wei rounded up per pool moves the mirror's last digit at most.
  expect(
    abs(shown - expected),
    `Overview shows ${shown / 100n}.${shown % 100n} %, the mirror ${expected} hundredths`,
  ).toBeLessThanOrEqual(1n);
  // Realised figures come from the share price history (the seeded market is days old).
  await expect(page.getByTestId("apy-7d").first()).toContainText(/% APY|—/);
  await snap(page, "overview: APY now and realised");

  await page.getByTestId("tab-underwrite").click();
  const underwriteApy = page.getByTestId("underwrite-yield").getByTestId("apy-now");
  await expect(underwriteApy).toHaveText(/% APY/);
  expect(abs(percentHundredths((await underwriteApy.textContent())!) - expected)).toBeLessThanOrEqual(1n);
  // The deposit preview: what a deposit would earn in a year at today's rates, re-fixed with the deposit in C.
  await page.getByLabel(/Amount \(dUSD\)/).fill("1000");
  const earnings = stat(page, "You would earn");
  await expect(earnings).toContainText(/≈ [\d,.]+ dUSD a year/);
  const earned = units((await earnings.textContent())!, DECIMALS);
  const view = await metaPoolView(metaPool);
  const state = stateFromView(view);
  state.capital += parseUnits("1000", DECIMALS);
  const speeds = state.pools.map((_, i) => poolView(state, i).premiumSpeed).reduce((a, b) => a + b, 0n);
  const fees = BigInt(view.config.arbiterFeeBps + view.config.creatorFeeBps);
  // Its share (1000 of C + 1000) of the net premium a year, to the display's cent.
  const expectedEarned = (speeds * (BPS - fees) * parseUnits("1000", DECIMALS)) / (BPS * WAD * state.capital);
  expect(abs(earned - expectedEarned), `earn ${earned}, mirror ${expectedEarned}`).toBeLessThanOrEqual(
    parseUnits("0.01", DECIMALS),
  );
  await snap(page, "underwrite: APY and deposit earnings");

  await page.goto("/");
  const row = page.getByTestId("metapool-row").filter({ hasText: LENDING });
  await expect(row.getByTestId("row-apy")).toContainText("% APY");
  expect(abs(percentHundredths((await row.getByTestId("row-apy").textContent())!) - expected)).toBeLessThanOrEqual(1n);
});

test("the quote leads with cost a year as a share of the deposit, equal to daily cost × 365 / deposit, and the payout multiple", async ({
  page,
  wallet,
}) => {
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  await fund(ROLE.fresh, metaPool, parseUnits("5000", DECIMALS));
  await page.reload();
  await page.getByTestId("tab-protect").click();
  // Uncapped: said before buying, with numbers.
  await expect(page.getByTestId("uncapped-note")).toContainText(/payout is uncapped/);
  await expect(page.getByTestId("uncapped-note")).toContainText(/free capital, [\d,.]+ dUSD now/);

  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill("1000");
  const quote = page.getByTestId("protect-quote");
  await expect(quote.getByTestId("quote-cost-year")).toContainText("% of your deposit");
  const deposit = parseUnits("1000", DECIMALS);
  const perDay = units((await quote.getByTestId("quote-cost-day").textContent())!, DECIMALS);
  const costShown = percentHundredths((await quote.getByTestId("quote-cost-year").textContent())!);
  expect(perDay).toBeGreaterThan(0n);
  // daily cost × 365 / deposit, from the figures on screen: the daily cost is shown to the cent, so the yearly
  // share is known to 0.01 × 365 / 1000 = 0.37 hundredths of a percent, plus the display's own rounding (≤ 5).
  const fromScreen = (perDay * 365n * 10_000n) / deposit;
  expect(
    abs(costShown - fromScreen),
    `shown ${costShown}, daily × 365 / deposit ${fromScreen} (hundredths of %)`,
  ).toBeLessThanOrEqual(6n);
  // And the same from the chain: the pool's premium speed after the purchase, this deposit's share of it.
  const view = await metaPoolView(metaPool);
  const state = stateFromView(view);
  const pool = state.pools[0]!;
  pool.active += deposit;
  pool.supply += pool.supply === 0n ? deposit : (deposit * pool.supply) / (pool.active - deposit);
  const after = poolView(state, 0);
  const mirrorCost = wadToHundredths(after.premiumSpeed / after.active);
  expect(abs(costShown - mirrorCost), `shown ${costShown}, mirror ${mirrorCost}`).toBeLessThanOrEqual(5n);
  // Payout per unit deposited: P / K after the purchase.
  const multiple = (after.payout * 10n) / after.active;
  const multipleText = (await quote.getByTestId("quote-multiple").textContent())!;
  expect(multipleText).toMatch(/≈ [\d,.]+× your deposit/);
  const shownMultiple = Number(/([\d,.]+)×/.exec(multipleText)![1]!.replace(/,/g, ""));
  expect(Math.abs(shownMultiple - Number(multiple) / 10)).toBeLessThanOrEqual(Number(multiple) >= 100 ? 1 : 0.1);
  // The curve's rate stays, second, with its definition.
  await expect(quote).toContainText(/charged on the pool payout \(not on your deposit\)/);
  await snap(page, "quote: cost a year, payout multiple");
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(quote.getByTestId("quote-cost-year")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "375 px: quote economics");

  // A capped MetaPool does not carry the uncapped warning.
  await openMetaPool(page, wallet, ROLE.fresh, "DEX core", "protect");
  await expect(page.getByTestId("protect-panel")).toBeVisible();
  await expect(page.getByTestId("uncapped-note")).toHaveCount(0);
});

test("Explore shows each MetaPool's payout cap, filters by it, and prices cover as a share of the deposit", async ({
  page,
}) => {
  await page.goto("/");
  const rows = page.getByTestId("metapool-row");
  await expect(rows).toHaveCount(4);
  const cap = (name: string) => rows.filter({ hasText: name }).getByTestId("row-payout-cap");
  await expect(cap(LENDING)).toHaveText("uncapped");
  await expect(cap("DEX core")).toHaveText("5× cap");
  await expect(cap("Bridges & restaking")).toHaveText("3× cap");
  await expect(cap("Legacy yield vaults")).toHaveText("10× cap");
  await expect(rows.filter({ hasText: LENDING }).getByTestId("row-cost")).toContainText(/% a year/);
  await page.getByTestId("explore-payout-filter").selectOption("uncapped");
  await expect(page).toHaveURL(/payout=uncapped/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(LENDING);
  await page.getByTestId("explore-payout-filter").selectOption("capped");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: LENDING })).toHaveCount(0);
  await snap(page, "explore: payout caps, capped filter");
  // The cards at 375 px carry the same cap.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByTestId("metapool-card").first().getByTestId("card-payout-cap")).toHaveText(/× cap/);
});

test("one payout figure for a pool: Overview, the pool picker, the quote and Your protection agree and share one label", async ({
  page,
  wallet,
}) => {
  const metaPool = await metaPoolAddress(LENDING);
  const seeker = (await chainWriter.getAddresses())[ROLE.seeker]!;
  const view = await metaPoolView(metaPool);
  // The pool where the seeded seeker holds cover of the current epoch.
  let poolId = -1;
  let tokens = 0n;
  for (const [i, p] of view.pools.entries()) {
    if (p.coverSupply === 0n) continue;
    const balance = await chainReader.readContract({
      address: p.token,
      abi: coverTokenAbi,
      functionName: "balanceOf",
      args: [seeker],
    });
    if (balance > 0n) {
      poolId = i;
      tokens = balance;
      break;
    }
  }
  expect(poolId, "the seeded seeker holds cover in Blue-chip lending").toBeGreaterThanOrEqual(0);
  const pool = view.pools[poolId]!;

  await openMetaPool(page, wallet, ROLE.seeker, LENDING, "overview");
  const overview = page.getByTestId(`pool-row-${poolId}`).getByTestId(`payout-pool-${poolId}`);
  await expect(overview).toContainText("dUSD");
  const payoutText = (await overview.textContent())!;
  // The view's P, in full (never abbreviated), within the premium accrued between two reads.
  expect(abs(units(payoutText, DECIMALS) - pool.payout)).toBeLessThanOrEqual(parseUnits("1", DECIMALS));
  await expect(page.getByTestId(`pool-row-${poolId}`)).toContainText("Pool payout now");

  await page.getByTestId("tab-protect").click();
  const picker = page.locator("fieldset").getByTestId(`payout-pool-${poolId}`);
  await expect(picker).toHaveText(payoutText);
  await expect(page.locator("fieldset")).toContainText("Pool payout now");
  await page.getByTestId(`protect-pool-${poolId}`).check();
  await page.getByLabel("Deposit", { exact: true }).fill("100");
  const quote = page.getByTestId("protect-quote");
  await expect(quote.getByTestId(`payout-pool-${poolId}`)).toHaveText(payoutText);
  await expect(quote).toContainText("Pool payout now");
  await expect(quote).toContainText("Your share of the payout after this purchase");

  const mine = page.getByTestId(`cover-${poolId}`).getByTestId(`payout-mine-${poolId}`);
  await expect(mine).toContainText("dUSD");
  await expect(page.getByTestId(`cover-${poolId}`)).toContainText("Your share of the payout now");
  // My share is tokens / supply of the same P.
  const myExpected = (units(payoutText, DECIMALS) * tokens) / pool.coverSupply;
  expect(abs(units((await mine.textContent())!, DECIMALS) - myExpected)).toBeLessThanOrEqual(parseUnits("1", DECIMALS));
  await snap(page, "one payout figure: picker, quote, your protection");
});

test("after a valid claim elsewhere, the seeker's cover is flagged as repriced on Portfolio and Protect, with the reason", async ({
  page,
  wallet,
}) => {
  const metaPool = await metaPoolAddress(LENDING);
  const accounts = await chainWriter.getAddresses();
  const arbiter = accounts[ROLE.lendingArbiter]!;
  const view = await metaPoolView(metaPool);
  const aave = view.pools.findIndex((p) => p.name === "Aave v3");
  const compound = view.pools.findIndex((p) => p.name === "Compound v3"); // the seeker's cover
  // Whoever holds the seeded Aave v3 cover files a claim on it.
  let claimant: Address | undefined;
  for (const account of accounts) {
    const balance = await chainReader.readContract({
      address: view.pools[aave]!.token,
      abi: coverTokenAbi,
      functionName: "balanceOf",
      args: [account],
    });
    if (balance > 0n && account !== accounts[ROLE.seeker]) {
      claimant = account;
      break;
    }
  }
  expect(claimant, "someone other than the seeker holds Aave v3 cover").toBeDefined();
  // A valid claim on Aave v3 takes its cover plus all free capital: Compound v3 goes to 100 % utilisation.
  await send({
    account: claimant!,
    chain: e2eChain,
    address: view.config.asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [view.config.claimBond],
  });
  await send({
    account: claimant!,
    chain: e2eChain,
    address: view.config.asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, view.config.claimBond],
  });
  const claim = {
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "fileClaim",
    args: [BigInt(aave), (await chainNow()) - 60n, "Exploit of the Aave v3 Pool (e2e)"],
  } as const;
  // Simulated first, so a refusal names its custom error.
  await chainReader.simulateContract({ ...claim, account: claimant! });
  await send({ ...claim, account: claimant!, chain: e2eChain });
  const claimId = (await metaPoolView(metaPool)).pools[aave]!.pendingClaimId;
  const ruling = { address: metaPool, abi: metaPoolAbi, functionName: "resolveClaim", args: [claimId, true] } as const;
  await chainReader.simulateContract({ ...ruling, account: arbiter });
  await send({ ...ruling, account: arbiter, chain: e2eChain });

  await openAs(page, wallet, ROLE.seeker, "/portfolio");
  const alert = page.getByTestId(`repricing-${compound}`).first();
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/now costs [\d,.]+× what it did/);
  await expect(alert).toContainText(/a valid claim on Aave v3 took [\d,.]+ dUSD of capital/);
  await snap(page, "portfolio: repricing alert");

  await openMetaPool(page, wallet, ROLE.seeker, LENDING, "protect");
  const onProtect = page.getByTestId(`cover-${compound}`).getByTestId(`repricing-${compound}`);
  await expect(onProtect).toContainText(/a valid claim on Aave v3/);
  await onProtect.getByRole("button", { name: "Withdraw this cover" }).click();
  await expect(page.getByTestId(`withdraw-cover-submit-${compound}`)).toBeVisible();
});
