import { connectTestWallet } from "../fixtures/connect";
import { expect, test } from "../fixtures/test";

test.describe("wrong network", () => {
  test.beforeEach(async ({ page, wallet }) => {
    await page.goto("/");
    await connectTestWallet(page, wallet.address);
    await expect(page.getByRole("alert").filter({ hasText: "Switch to" })).toHaveCount(0);
  });

  test("a wallet on another chain gets a banner that switches it back", async ({ page, wallet }) => {
    await wallet.reportChain(1);
    const banner = page.getByRole("alert").filter({ hasText: "Canopy runs on Anvil" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("chain 1");

    await banner.getByRole("button", { name: "Switch to Anvil" }).click();

    await expect(banner).toBeHidden();
    expect(wallet.currentChainId).toBe(31337);
  });

  test("a rejected switch keeps the banner and says why", async ({ page, wallet }) => {
    await wallet.reportChain(1);
    const banner = page.getByRole("alert").filter({ hasText: "Canopy runs on Anvil" });
    await expect(banner).toBeVisible();

    wallet.rejectNext();
    await banner.getByRole("button", { name: "Switch to Anvil" }).click();

    await expect(banner).toContainText("You rejected the request to switch to Anvil in your wallet.");
    expect(wallet.currentChainId).toBe(1);

    await banner.getByRole("button", { name: "Switch to Anvil" }).click();
    await expect(banner).toBeHidden();
  });
});
