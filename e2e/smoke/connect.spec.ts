import { connectTestWallet, shortAddress } from "../fixtures/connect";
import { expect, test } from "../fixtures/test";

test("connecting through the wallet modal shows the account in the header", async ({ page, wallet }) => {
  await page.goto("/");
  const header = page.getByRole("banner");
  await header.getByRole("button", { name: "Connect Wallet" }).click();

  const modal = page.getByRole("dialog");
  await expect(modal).toBeVisible();
  await modal.getByRole("button", { name: "Canopy Test Wallet" }).click();

  await expect(modal).toBeHidden();
  await expect(header.getByRole("button", { name: shortAddress(wallet.address) })).toBeVisible();
  await expect(header.getByRole("button", { name: "Connect Wallet" })).toHaveCount(0);
});

test("disconnecting from the account modal offers Connect Wallet again", async ({ page, wallet }) => {
  await page.goto("/");
  await connectTestWallet(page, wallet.address);

  const header = page.getByRole("banner");
  await header.getByRole("button", { name: shortAddress(wallet.address) }).click();
  const accountModal = page.getByRole("dialog");
  await accountModal.getByRole("button", { name: "Disconnect" }).click();

  await expect(header.getByRole("button", { name: "Connect Wallet" })).toBeVisible();
  await expect(header.getByText(shortAddress(wallet.address))).toHaveCount(0);
  // Staying disconnected across a reload shows the app forgot the session, not just the button.
  await page.reload();
  await expect(header.getByRole("button", { name: "Connect Wallet" })).toBeVisible();
});
