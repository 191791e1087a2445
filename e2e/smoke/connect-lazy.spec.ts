import { shortAddress } from "../fixtures/connect";
import { expect, test } from "../fixtures/test";
import { testWalletInfo } from "../wallet/info";

// RainbowKit is a chunk of its own (components/wallet/WalletUiProvider.tsx): a page without a wallet renders none of
// it, and a page's own "connect" button still opens its modal, once RainbowKit has loaded.

test("a page's connect button loads RainbowKit's modal and connects", async ({ page, wallet }) => {
  await page.goto("/portfolio");
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Connect Wallet" })).toBeVisible();
  // RainbowKit's provider marks its root with data-rk: nothing of it before a wallet is asked for.
  await expect(page.locator("[data-rk]")).toHaveCount(0);

  await page.getByRole("main").getByRole("button", { name: "Connect a wallet" }).click();
  const modal = page.getByRole("dialog");
  await modal.getByRole("button", { name: testWalletInfo.name }).click();

  await expect(modal).toBeHidden();
  await expect(header.getByRole("button", { name: shortAddress(wallet.address) })).toBeVisible();
  await expect(page.getByRole("main").getByRole("button", { name: "Connect a wallet" })).toHaveCount(0);
});

test("a wallet connected before is reconnected on load, and RainbowKit shows it", async ({ page, wallet }) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  await header.getByRole("button", { name: "Connect Wallet" }).click();
  await page.getByRole("dialog").getByRole("button", { name: testWalletInfo.name }).click();
  await expect(header.getByRole("button", { name: shortAddress(wallet.address) })).toBeVisible();

  await page.reload();
  // RainbowKit's account button (it opens the account modal), not the stand-in shown while its chunk loads.
  await header.getByRole("button", { name: shortAddress(wallet.address) }).click();
  await expect(page.getByRole("dialog").getByRole("button", { name: "Disconnect" })).toBeVisible();
});
