import { getAddress } from "viem";

import { metaPoolsByName, metaPoolView } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { openAs, ROLE, snap } from "./helpers";

const WAD_PERCENT = 10n ** 16n;

test("J1 a creator creates a MetaPool through the wizard; Explore lists it with exactly the parameters entered", async ({
  page,
  wallet,
}) => {
  await openAs(page, wallet, ROLE.fresh, "/create");
  const arbiter = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906"); // someone else: the creator does not rule on its own claims
  const next = page.getByTestId("create-next");

  // 1 Asset: Demo USD.
  await page.getByTestId("create-asset-dUSD").click();
  await next.click();
  // 2 Describe. A name over 64 bytes is refused next to the field before anything is sent.
  await page.getByLabel("MetaPool name").fill("é".repeat(33));
  await page.getByLabel("MetaPool name").blur();
  await expect(page.getByText(/64 bytes/).first()).toBeVisible();
  await expect(next).toBeDisabled();
  await page.getByLabel("MetaPool name").fill("Perps venues");
  await page
    .getByLabel("Protection statement")
    .fill("Pays when a listed perpetuals venue loses traders' margin through a contract bug.");
  await next.click();
  // 3 Two coverage pools.
  await page.getByLabel("Pool 1 name").fill("GMX v2");
  await page.getByTestId("create-add-pool").click();
  await page.getByLabel("Pool 2 name").fill("Hyperliquid bridge");
  await next.click();
  // 4 Arbiter and fees: fees summing over 50 % are refused.
  await page.getByTestId("create-arbiter").fill(arbiter);
  await page.getByLabel("Arbiter fee").fill("30");
  await page.getByLabel("Creator fee (yours)").fill("25");
  await page.getByLabel("Creator fee (yours)").blur();
  await expect(page.getByText(/50 %/).first()).toBeVisible();
  await expect(next).toBeDisabled();
  await page.getByLabel("Arbiter fee").fill("3");
  await page.getByLabel("Creator fee (yours)").fill("2");
  await next.click();
  // 5 Curve: the aggressive preset.
  await page.getByTestId("create-curve-aggressive").click();
  await next.click();
  // 6 Terms: defaults (7 d withdrawal period, 1 d purchase delay, 100 dUSD bond, 10 dUSD minimum).
  await next.click();
  // 7 Review: the immutability warning, then create.
  await expect(page.getByTestId("create-immutable-warning")).toBeVisible();
  await snap(page, "review step");
  await page.getByTestId("create-submit").click();
  await page.waitForURL(/\/metapool\/0x[0-9a-fA-F]{40}/, { timeout: 30_000 });
  await expect(page.getByTestId("metapool-name")).toHaveText("Perps venues");

  const address = (await metaPoolsByName())["Perps venues"]!;
  expect(page.url()).toContain(address);
  const view = await metaPoolView(address);
  expect(view.config.arbiter).toBe(arbiter);
  expect(view.config.creator).toBe(wallet.address);
  expect(view.config.arbiterFeeBps).toBe(300);
  expect(view.config.creatorFeeBps).toBe(200);
  expect(view.config.curve).toEqual({
    baseRate: 4n * WAD_PERCENT,
    slope1: 12n * WAD_PERCENT,
    kink: 60n * WAD_PERCENT,
    slope2: 200n * WAD_PERCENT,
  });
  expect(view.config.payoutMultiple).toBe(3); // the default: capped at 3×
  expect(view.config.withdrawalPeriod).toBe(7 * 86_400);
  expect(view.config.purchaseDelay).toBe(86_400);
  expect(view.config.claimBond).toBe(100_000_000n);
  expect(view.config.minPurchase).toBe(10_000_000n);
  expect(view.pools.map((p) => p.name)).toEqual(["GMX v2", "Hyperliquid bridge"]);

  // Explore lists it with those parameters.
  await page.goto(`/?q=${encodeURIComponent("Perps venues")}`);
  const row = page.getByTestId("metapool-row").filter({ hasText: "Perps venues" });
  await expect(row).toBeVisible();
  await snap(page, "listed in explore");
  await expect(row).toContainText("2 coverage pools");
  await expect(row).toContainText("dUSD");
  await expect(row).toContainText("1 d");
  await expect(row).toContainText("7 d");
  await expect(row).toContainText("3 % + 2 %");
  await expect(row).toContainText("4 % APR"); // no cover yet: every pool at the base rate
});

test("the wizard says what is wrong next to each field: a name in use, an all-zero curve, a minimum purchase no one could buy; steps are ticked only once visited", async ({
  page,
  wallet,
}) => {
  await openAs(page, wallet, ROLE.fresh, "/create");
  const next = page.getByTestId("create-next");
  await page.getByTestId("create-asset-dUSD").click();
  // Every later step is unvisited: none is ticked yet.
  for (const id of ["describe", "pools", "arbiter", "curve", "terms", "review"]) {
    await expect(page.getByTestId(`create-step-${id}`)).not.toContainText("✓");
  }
  await next.click();
  await expect(page.getByTestId("create-step-asset")).toContainText("✓");

  // A name another MetaPool already has: a warning naming it, not a refusal.
  await page.getByLabel("MetaPool name").fill("dex CORE");
  await expect(
    page.getByText(/Another MetaPool is already called “DEX core” \(0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}\)/),
  ).toBeVisible();
  await page.getByLabel("MetaPool name").fill("Perps venues");
  await page
    .getByLabel("Protection statement")
    .fill("Pays when a listed perpetuals venue loses traders' margin through a contract bug.");
  await next.click();
  await page.getByLabel("Pool 1 name").fill("GMX v2");
  await next.click();

  // Capped at 3× by default, with what uncapped would mean in numbers.
  await expect(page.getByTestId("create-payout-multiple")).toHaveValue("3");
  await expect(page.getByTestId("create-payout-example")).toContainText("so the same seekers pay 7× the premium");
  await page.getByTestId("create-arbiter").fill("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
  await next.click();

  // An all-zero curve: refused under the fields once Next is tried.
  for (const field of ["baseRate", "slope1", "slope2"]) await page.getByTestId(`create-curve-${field}`).fill("0");
  // Next is aria-disabled (announced as unavailable) but still pressable, as a mouse or keyboard user can:
  // pressing it shows every problem of the step next to its field. Playwright's click waits for
  // aria-disabled to clear, hence force.
  await expect(next).toBeDisabled();
  await next.click({ force: true });
  await expect(page.getByText(/are all 0 %: cover would cost nothing/).first()).toBeVisible();
  await expect(page.getByTestId("create-step-terms")).toBeDisabled();
  await page.getByTestId("create-curve-standard").click();
  await next.click();

  // A minimum purchase above every dUSD in existence: refused next to the field, with the figures.
  await page.getByLabel("Minimum purchase").fill("99999999999");
  await next.click({ force: true });
  const minError = page.getByText(
    /A minimum purchase of 99,999,999,999\.00 dUSD could never be bought.*only [\d,.]+ dUSD exist/,
  );
  await expect(minError.first()).toBeVisible();
  await expect(page.getByTestId("create-step-review")).not.toContainText("✓");
  await page.getByLabel("Minimum purchase").fill("10");
  await next.click();
  await expect(page.getByTestId("create-immutable-warning")).toBeVisible();
  await expect(page.getByTestId("create-step-terms")).toContainText("✓");
});
