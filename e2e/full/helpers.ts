import { expect, test, type Page } from "@playwright/test";
import type { Address } from "viem";

import { demoTokenAbi } from "../../abis";
import { chainWriter, e2eChain, metaPoolsByName, metaPoolView, send } from "../fixtures/chain";
import { connectTestWallet, shortAddress } from "../fixtures/connect";
import type { TestWallet } from "../fixtures/test";

/** Seeded roles by Anvil account index (scripts/lib/demo-market.mjs ROLES). */
export const ROLE = {
  deployer: 0,
  lendingCreator: 1,
  lendingArbiter: 4,
  dexArbiter: 5,
  underwriter: 7,
  seeker: 8,
  fresh: 3,
} as const;

/** Opens `path` as Anvil account `index`, connected through the RainbowKit modal. */
export async function openAs(page: Page, wallet: TestWallet, index: number, path: string): Promise<void> {
  await wallet.useAccount(index);
  await page.goto(path);
  if (!wallet.connected) return connectTestWallet(page, wallet.address);
  // After the first connection wagmi reconnects by itself on every page load; RainbowKit's account button then comes
  // in its own chunk (components/wallet/HeaderWallet.tsx), which a loaded CI machine can take over 10 s to run.
  await expect(page.getByRole("banner").getByRole("button", { name: shortAddress(wallet.address) })).toBeVisible({
    timeout: 20_000,
  });
}

/** The address of the seeded MetaPool called `name`. */
export async function metaPoolAddress(name: string): Promise<Address> {
  const address = (await metaPoolsByName())[name];
  if (!address) throw new Error(`no MetaPool named ${name}`);
  return address;
}

/** Opens a MetaPool page on one of its tabs and waits for it to load. */
export async function openMetaPool(
  page: Page,
  wallet: TestWallet,
  index: number,
  name: string,
  tab: "overview" | "underwrite" | "protect" | "claims",
): Promise<Address> {
  const address = await metaPoolAddress(name);
  await openAs(page, wallet, index, `/metapool/${address}#${tab}`);
  await expect(page.getByTestId("metapool-name")).toHaveText(name);
  await page.getByTestId(`tab-${tab}`).click();
  return address;
}

/** Waits for the write in `scope` to be confirmed (the last step of its progress list). */
export async function expectConfirmed(page: Page, scope = page.locator("body")): Promise<void> {
  await expect(scope.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });
}

/** Parses "1,234.56 dUSD" into base units with `decimals` (exact, no floats). */
export function units(text: string, decimals: number): bigint {
  const m = /(-?[\d,]+)(?:\.(\d+))?/.exec(text.replace(/\s/g, ""));
  if (!m) throw new Error(`no amount in "${text}"`);
  const whole = BigInt(m[1]!.replace(/,/g, ""));
  const fraction = (m[2] ?? "").padEnd(decimals, "0").slice(0, decimals);
  return whole * 10n ** BigInt(decimals) + BigInt(fraction || "0");
}

/** The figure a `Stat` shows under `label` (its <dd> beside the <dt>), in `scope`. */
export function stat(scope: Page | ReturnType<Page["locator"]>, label: string | RegExp) {
  return scope.locator("dt", { hasText: label }).first().locator("xpath=following-sibling::dd[1]");
}

/** Gives Anvil account `index` some demo tokens (setup, not part of the journey under test). */
export async function fund(index: number, metaPool: Address, amount: bigint): Promise<void> {
  const account = (await chainWriter.getAddresses())[index]!;
  const asset = (await metaPoolView(metaPool)).config.asset;
  await send({ account, chain: e2eChain, address: asset, abi: demoTokenAbi, functionName: "faucet", args: [amount] });
}

/** Attaches a screenshot of a journey's key step to the test's results (kept with the HTML report). */
export async function snap(page: Page, step: string): Promise<void> {
  await test.info().attach(step, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}
