import type { Page } from "@playwright/test";
import { erc20Abi, parseUnits, type Address } from "viem";

import { demoTokenAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import local from "../../lib/deployments/31337.json";
import { chainReader, chainWriter, e2eChain, factoryAddress, metaPoolView, send } from "../fixtures/chain";
import { expect, test, type TestWallet } from "../fixtures/journey";
import { expectConfirmed, openAs, openMetaPool, ROLE, snap } from "./helpers";

const LENDING = "Blue-chip lending"; // dUSD: EIP-2612 permits, 6 decimals

async function account(index: number): Promise<Address> {
  return (await chainWriter.getAddresses())[index]!;
}

async function faucet(who: Address, token: Address, amount: bigint) {
  await send({
    account: who,
    chain: e2eChain,
    address: token,
    abi: demoTokenAbi,
    functionName: "faucet",
    args: [amount],
  });
}

const shares = (metaPool: Address, who: Address) =>
  chainReader.readContract({ address: metaPool, abi: metaPoolExtensionAbi, functionName: "balanceOf", args: [who] });
const allowance = (token: Address, who: Address, spender: Address) =>
  chainReader.readContract({ address: token, abi: erc20Abi, functionName: "allowance", args: [who, spender] });
const nonce = (who: Address) => chainReader.getTransactionCount({ address: who });

async function deposit(page: Page, amount: string, symbol: string) {
  const form = page.locator("section", { has: page.getByTestId("deposit-submit") });
  await form.getByLabel(`Amount (${symbol})`).fill(amount);
  await form.getByTestId("deposit-submit").click();
  return form;
}

async function buy(page: Page, amount: string) {
  await page.getByTestId("tab-protect").click();
  await page.getByTestId("protect-pool-0").check();
  await page.getByLabel("Deposit", { exact: true }).fill(amount);
  const form = page.locator("form", { has: page.getByTestId("protect-submit") });
  await page.getByTestId("protect-submit").click();
  return form;
}

test("permit: with dUSD (EIP-2612) a deposit and a purchase each take a signature and one transaction, no approve", async ({
  page,
  wallet,
}) => {
  const me = await account(ROLE.fresh);
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "underwrite");
  const asset = (await metaPoolView(metaPool)).config.asset;
  await faucet(me, asset, parseUnits("1000", 6));
  const noncesBefore = await nonce(me);

  const form = await deposit(page, "100", "dUSD");
  await expect(form.getByText(/Sign a permit: allow 100\.00 dUSD/)).toBeVisible();
  await expect(form.getByText(/How: approval by signature/)).toBeVisible();
  await expectConfirmed(page, form);
  await snap(page, "permit deposit confirmed");
  expect(await nonce(me)).toBe(noncesBefore + 1); // one transaction: multicall(selfPermit, deposit)
  expect(await shares(metaPool, me)).toBeGreaterThan(0n);
  expect(await allowance(asset, me, metaPool)).toBe(0n);

  const protect = await buy(page, "50");
  await expect(protect.getByText(/Sign a permit: allow 50\.00 dUSD/)).toBeVisible();
  await expectConfirmed(page, protect);
  expect(await nonce(me)).toBe(noncesBefore + 2);
  expect((await metaPoolView(metaPool)).pools[0]!.pending).toBeGreaterThanOrEqual(parseUnits("50", 6));
});

test("batched: a wallet that batches atomically (EIP-5792) approves and acts in one confirmation", async ({
  page,
  wallet,
}) => {
  wallet.setAtomicBatching(true);
  const me = await account(ROLE.fresh);
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "underwrite");
  const asset = (await metaPoolView(metaPool)).config.asset;
  await faucet(me, asset, parseUnits("1000", 6));

  const form = await deposit(page, "100", "dUSD");
  await expect(form.getByText(/Approve 100\.00 dUSD and deposit 100\.00 dUSD, in one confirmation/)).toBeVisible();
  await expect(form.getByText(/How: one confirmation/)).toBeVisible();
  await expectConfirmed(page, form);
  await snap(page, "batched deposit confirmed");
  expect(await shares(metaPool, me)).toBeGreaterThan(0n);
  expect(await allowance(asset, me, metaPool)).toBe(0n);

  const pendingBefore = (await metaPoolView(metaPool)).pools[0]!.pending;
  const protect = await buy(page, "50");
  await expect(protect.getByText(/in one confirmation/)).toBeVisible();
  await expectConfirmed(page, protect);
  expect((await metaPoolView(metaPool)).pools[0]!.pending - pendingBefore).toBe(parseUnits("50", 6));
});

/** A MetaPool over the USDT-style demo token (no return values, approve only through 0, no permit). */
async function tetherMetaPool(): Promise<Address> {
  const creator = await account(ROLE.deployer);
  const arbiter = await account(ROLE.lendingArbiter);
  const params = {
    asset: local.demoUsdt as Address,
    arbiter,
    name: "Tether-backed lending",
    protectionStatement: "Pays when a listed lending market loses suppliers' funds to an exploit.",
    pools: [{ name: "Aave v3", description: "Aave v3 core market." }],
    arbiterFeeBps: 500,
    creatorFeeBps: 500,
    curve: {
      baseRate: parseUnits("0.02", 18),
      slope1: parseUnits("0.08", 18),
      kink: parseUnits("0.8", 18),
      slope2: parseUnits("1", 18),
    },
    payoutMultiple: 3,
    withdrawalPeriod: 3 * 86_400,
    purchaseDelay: 86_400,
    claimBond: parseUnits("10", 6),
    minPurchase: parseUnits("1", 6),
  } as const;
  const { result } = await chainReader.simulateContract({
    account: creator,
    address: factoryAddress,
    abi: metaPoolFactoryAbi,
    functionName: "createMetaPool",
    args: [params],
  });
  await send({
    account: creator,
    chain: e2eChain,
    address: factoryAddress,
    abi: metaPoolFactoryAbi,
    functionName: "createMetaPool",
    args: [params],
  });
  return result;
}

test("two-step with a USDT-style asset: approve then act, and a leftover allowance is reset to 0 first", async ({
  page,
  wallet,
}: {
  page: Page;
  wallet: TestWallet;
}) => {
  const me = await account(ROLE.fresh);
  const usdt = local.demoUsdt as Address;
  const metaPool = await tetherMetaPool();
  await faucet(me, usdt, parseUnits("1000", 6));
  await openAs(page, wallet, ROLE.fresh, `/metapool/${metaPool}#underwrite`);
  await page.getByTestId("tab-underwrite").click();

  const form = await deposit(page, "300", "dUSDT");
  await expect(form.getByText(/How: two transactions/)).toBeVisible();
  await expect(form.getByText(/^Approve 300\.00 dUSDT$/)).toBeVisible();
  await expectConfirmed(page, form);
  const first = await shares(metaPool, me);
  expect(first).toBe(parseUnits("300", 6));

  // A leftover allowance: USDT refuses to change it straight to another non-zero value.
  await send({
    account: me,
    chain: e2eChain,
    address: usdt,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, 1n],
  });
  const again = await deposit(page, "200", "dUSDT");
  await expect(again.getByText(/Reset the dUSDT allowance to 0/)).toBeVisible();
  await expectConfirmed(page, again);
  await snap(page, "usdt deposit after reset confirmed");
  expect(await shares(metaPool, me)).toBeGreaterThan(first);
  expect(await allowance(usdt, me, metaPool)).toBe(0n);

  const protect = await buy(page, "20");
  await expect(protect.getByText(/How: two transactions/)).toBeVisible();
  await expectConfirmed(page, protect);
  expect((await metaPoolView(metaPool)).pools[0]!.pending).toBe(parseUnits("20", 6));
});

test("a transaction cancelled in the wallet is reported as cancelled, not confirmed", async ({ page, wallet }) => {
  const me = await account(ROLE.fresh);
  const metaPool = await openMetaPool(page, wallet, ROLE.fresh, LENDING, "underwrite");
  await faucet(me, (await metaPoolView(metaPool)).config.asset, parseUnits("1000", 6));
  const before = await shares(metaPool, me);

  wallet.cancelNextTransaction();
  const form = await deposit(page, "100", "dUSD");
  await expect(form.getByText(/You cancelled this transaction in your wallet/)).toBeVisible({ timeout: 30_000 });
  await snap(page, "cancelled deposit");
  await expect(form.locator('[data-phase="confirmed"]').last()).not.toHaveText(/Deposit/);
  expect(await shares(metaPool, me)).toBe(before);
});
