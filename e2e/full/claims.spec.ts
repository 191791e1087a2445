import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { erc20Abi, parseEventLogs, type Address } from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { unpackSyncedPool } from "../../lib/protocol/syncedPools";
import { chainReader, chainWriter, e2eChain, metaPoolView, send, travel } from "../fixtures/chain";
import { expect, test, type TestWallet } from "../fixtures/journey";
import { metaPoolAddress, openAs, openMetaPool, ROLE, snap } from "./helpers";

const LENDING = "Blue-chip lending"; // uncapped payout (K + F), dUSD, seeker #8 holds cover

/** Files a claim through the Claims tab on the first pool the seeker holds cover in; returns its pool id and claim id. */
async function fileClaim(page: Page, wallet: TestWallet, metaPool: string) {
  // The bond comes from the seeker's wallet.
  const seeker = (await chainWriter.getAddresses())[ROLE.seeker]!;
  const asset = (await metaPoolView(await metaPoolAddress(metaPool))).config.asset;
  await send({
    account: seeker,
    chain: e2eChain,
    address: asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [10n ** 9n],
  });
  const address = await openMetaPool(page, wallet, ROLE.seeker, metaPool, "claims");
  const form = page.getByTestId("file-claim-form");
  const pool = form.getByLabel("Coverage pool");
  const poolId = Number(await pool.inputValue());
  await form.getByRole("button", { name: "Now" }).click();
  await form
    .getByTestId("claim-evidence")
    .fill("https://example.org/post-mortem — oracle manipulation drained the market");
  const [, nextBefore] = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "claimQueue",
  });
  await form.getByTestId("claim-submit").click();
  // The form gives way to the pending claim once it lands: wait on the chain.
  await expect
    .poll(
      async () =>
        (await chainReader.readContract({ address, abi: metaPoolExtensionAbi, functionName: "claimQueue" }))[1],
      {
        timeout: 20_000,
      },
    )
    .toBe(nextBefore + 1n);
  return { address, poolId, claimId: nextBefore };
}

/** The arbiter rules on `claimId` from the dashboard, through the confirmation dialog. */
async function rule(page: Page, wallet: TestWallet, claimId: bigint, valid: boolean) {
  await openAs(page, wallet, ROLE.lendingArbiter, "/arbiter");
  await page.getByTestId(`${valid ? "approve" : "reject"}-claim-${claimId}`).click();
  const dialog = page.getByTestId("ruling-dialog");
  await expect(dialog).toBeVisible();
  await snap(page, `ruling dialog: ${valid ? "approve" : "reject"}`);
  await dialog.getByTestId("ruling-confirm").click();
  await expect(dialog.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });
}

test("J4 a seeker files a claim, deposits and withdrawals are refused with the reason, the arbiter approves, the seeker redeems exactly the SPEC §7 amount", async ({
  page,
  wallet,
}) => {
  const { address, poolId, claimId } = await fileClaim(page, wallet, LENDING);
  const seeker = wallet.address;
  const before = await metaPoolView(address);
  expect(before.pools[poolId]!.pendingClaimId).toBe(claimId);

  // While the claim is pending the underwriter's deposit and withdrawals are held, and the page says why.
  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  await expect(page.getByTestId("deposit-refused")).toContainText(`#${claimId}`);
  await expect(page.getByText(/claim .*pending/i).first()).toBeVisible();
  await snap(page, "deposits held by the claim");

  await rule(page, wallet, claimId, true);

  // SPEC §7, computed independently from the ruling's own sync: holders redeem K + P − debt, P = K + F uncapped.
  const receipt = await latestReceiptOf(address, "ClaimResolved");
  const logs = parseEventLogs({ abi: [...metaPoolAbi, ...metaPoolExtensionAbi], logs: receipt.logs });
  const synced = logs.find((l) => l.eventName === "Synced")!.args as { capital: bigint; pools: readonly bigint[] };
  const syncedPools = synced.pools.map(unpackSyncedPool);
  const resolved = logs.find((l) => l.eventName === "ClaimResolved")!.args as {
    payout: bigint;
    redeemable: bigint;
    valid: boolean;
  };
  const closed = logs.find((l) => l.eventName === "CoverEpochClosed")!.args as { supply: bigint; epoch: number };
  const K = syncedPools[poolId]!.active;
  const F = synced.capital - syncedPools.reduce((sum, p) => sum + p.active, 0n);
  expect(resolved.valid).toBe(true);
  expect(resolved.payout).toBe(K + F);
  expect(resolved.redeemable).toBe(K + (K + F) - syncedPools[poolId]!.debt);

  const after = await metaPoolView(address);
  expect(after.pools[poolId]!.epoch).toBe(before.pools[poolId]!.epoch + 1);
  expect(after.pools[poolId]!.active).toBe(0n);
  // The other pools stay fully backed.
  expect(after.capital >= after.totalActive).toBe(true);

  // The seeker redeems their share of the closed epoch: tokens × redeemable / supply, rounded down.
  const token = (await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "coverToken",
    args: [BigInt(poolId), BigInt(closed.epoch)],
  })) as Address;
  const tokens = await chainReader.readContract({
    address: token,
    abi: coverTokenAbi,
    functionName: "balanceOf",
    args: [seeker],
  });
  const expected = (tokens * resolved.redeemable) / closed.supply;
  const asset = after.config.asset;
  const balance = () =>
    chainReader.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [seeker] });
  const balanceBefore = await balance();

  await openMetaPool(page, wallet, ROLE.seeker, LENDING, "claims");
  const redeem = page.getByTestId(`redeem-${poolId}-${closed.epoch}`);
  await redeem.getByRole("button").click();
  // The row leaves once redeemed, progress and all: wait on the chain.
  await expect.poll(async () => (await balance()) - balanceBefore, { timeout: 20_000 }).toBe(expected);
  await snap(page, "payout redeemed");

  // The pool sells again in its new epoch.
  await page.getByTestId("tab-protect").click();
  await expect(page.getByTestId(`protect-pool-${poolId}`)).toBeEnabled();
});

test("J5 the arbiter rejects a claim: the bond goes to capital, the cover and the epoch stay", async ({
  page,
  wallet,
}) => {
  const { address, poolId, claimId } = await fileClaim(page, wallet, LENDING);
  const seeker = wallet.address;
  const before = await metaPoolView(address);
  const token = before.pools[poolId]!.token;
  const tokensBefore = await chainReader.readContract({
    address: token,
    abi: coverTokenAbi,
    functionName: "balanceOf",
    args: [seeker],
  });

  await rule(page, wallet, claimId, false);

  const claim = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "claim",
    args: [claimId],
  });
  expect(claim.status).toBe(3); // Invalid
  const after = await metaPoolView(address);
  expect(after.pools[poolId]!.epoch).toBe(before.pools[poolId]!.epoch);
  expect(after.pendingClaims).toBe(0n);
  const tokensAfter = await chainReader.readContract({
    address: token,
    abi: coverTokenAbi,
    functionName: "balanceOf",
    args: [seeker],
  });
  expect(tokensAfter).toBe(tokensBefore);
  // The bond went to the underwriters: capital rose by at least the bond.
  expect(after.capital - before.capital >= before.config.claimBond).toBe(true);
});

test("J5b a purchase frozen by a rejected claim restarts its delay: its buyer sees the new maturity, a countdown and the reason", async ({
  page,
  wallet,
}) => {
  // A buyer's purchase waits in its one-day delay when a claim freezes the MetaPool.
  const address = await metaPoolAddress(LENDING);
  const buyer = (await chainWriter.getAddresses())[ROLE.fresh]!;
  const asset = (await metaPoolView(address)).config.asset;
  const amount = 1_000n * 10n ** 6n;
  await send({
    account: buyer,
    chain: e2eChain,
    address: asset,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [amount],
  });
  await send({
    account: buyer,
    chain: e2eChain,
    address: asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [address, amount],
  });
  await send({
    account: buyer,
    chain: e2eChain,
    address,
    abi: metaPoolAbi,
    functionName: "buyProtection",
    args: [0n, amount, buyer],
  });
  const [, nextPurchaseId] = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "purchaseQueue",
  });
  const purchaseId = nextPurchaseId - 1n;
  const bought = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "purchase",
    args: [purchaseId],
  });

  const { claimId } = await fileClaim(page, wallet, LENDING);
  // The delay ends while the claim is pending: the purchase is frozen, not cover.
  await travel(86_400 + 3_600);
  await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  const row = page.getByTestId(`purchase-${purchaseId}`);
  await expect(row).toContainText("Frozen by a pending claim");
  await expect(row).toContainText(/If the claim is rejected its delay restarts: it becomes cover 1 d after the ruling/);

  // The arbiter's confirmation says what the rejection does to frozen purchases.
  await openAs(page, wallet, ROLE.lendingArbiter, "/arbiter");
  await page.getByTestId(`reject-claim-${claimId}`).click();
  const dialog = page.getByTestId("ruling-dialog");
  await expect(dialog).toContainText(/restart their delay: mature 1 d after the ruling/);
  await snap(page, "ruling dialog: frozen purchases restart");
  await dialog.getByTestId("ruling-confirm").click();
  await expect(dialog.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });

  // On chain: the purchase now matures a full delay after the ruling (SPEC §5, revision 4), later than it was bought to.
  const claim = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "claim",
    args: [claimId],
  });
  expect(claim.status).toBe(3); // Invalid
  const view = await metaPoolView(address);
  expect(view.freezeEndedAt).toBe(claim.resolvedAt);
  const restarted = await chainReader.readContract({
    address,
    abi: metaPoolExtensionAbi,
    functionName: "purchase",
    args: [purchaseId],
  });
  expect(restarted.maturesAt).toBe(claim.resolvedAt + 86_400);
  expect(restarted.maturesAt > bought.maturesAt).toBe(true);

  // The buyer sees the new maturity with a countdown, and why.
  await openMetaPool(page, wallet, ROLE.fresh, LENDING, "protect");
  await expect(row).toContainText("Delay restarted after a claim");
  const reason = page.getByTestId(`purchase-restart-${purchaseId}`);
  await expect(reason).toContainText(/New maturity .+ \(in (23 h 5\d min|1 d)\), was /);
  await expect(reason).toContainText(`when claim #${claimId} was ruled on`);
  await expect(reason).toContainText(/cannot\s+slip in between a rejected claim and the next one/);
  await expect(reason.locator("time").first()).toHaveAttribute(
    "datetime",
    new Date(restarted.maturesAt * 1000).toISOString(),
  );
  await snap(page, "purchase: restarted delay, new maturity and reason");
  // At 375 px: no sideways scrolling, the reason readable, its term link reachable by keyboard, no serious axe finding.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(reason).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const term = reason.getByRole("link", { name: "purchase delay" });
  await term.focus();
  await expect(term).toBeFocused();
  const scan = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] })
    .include(`[data-testid="purchase-${purchaseId}"]`)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await snap(page, "375 px: restarted purchase");
  await page.setViewportSize({ width: 1280, height: 720 });

  // A full delay after the ruling it comes due.
  await travel(86_400);
  await page.reload();
  await page.getByTestId("tab-protect").click();
  // Due: it is cover now (its tokens come with the next transaction), shown under Your protection.
  await expect(page.getByTestId("cover-due-0")).toBeVisible({ timeout: 20_000 });
  await expect(row).toBeHidden();
});

async function latestReceiptOf(address: Address, eventName: "ClaimResolved") {
  const logs = await chainReader.getContractEvents({ address, abi: metaPoolAbi, eventName, fromBlock: 0n });
  const last = logs.at(-1)!;
  return chainReader.getTransactionReceipt({ hash: last.transactionHash });
}
