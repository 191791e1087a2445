import type { Locator, Page } from "@playwright/test";
import { erc20Abi, type Address } from "viem";
import { mainnet } from "viem/chains";

import { coverTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import { formatDuration } from "../../lib/format/duration";
import {
  chainNow,
  chainReader,
  chainWriter,
  e2eChain,
  factoryAddress,
  metaPoolView,
  send,
  travel,
} from "../fixtures/chain";
import { e2eEnv } from "../fixtures/env";
import { expect, test, type TestWallet } from "../fixtures/journey";
import { fund, metaPoolAddress, openAs, openMetaPool, ROLE, snap } from "./helpers";

const LENDING = "Blue-chip lending"; // arbiter #4 arbitrates only this MetaPool; the seed ruled one claim invalid
const DAY = 86_400;
const HOUR = 3_600;

/** The seeker files a claim straight on the chain (setup: the claim form has its own journeys) on a pool it holds. */
async function fileClaimOnChain(metaPool: Address): Promise<bigint> {
  const seeker = (await chainWriter.getAddresses())[ROLE.seeker]!;
  const view = await metaPoolView(metaPool);
  let poolId = -1;
  for (const [i, pool] of view.pools.entries()) {
    if (pool.active === 0n || pool.pendingClaimId !== 0n) continue;
    const held = await chainReader.readContract({
      address: pool.token,
      abi: coverTokenAbi,
      functionName: "balanceOf",
      args: [seeker],
    });
    if (held > 0n) {
      poolId = i;
      break;
    }
  }
  expect(poolId, "a pool where the seeker holds cover").toBeGreaterThanOrEqual(0);
  await fund(ROLE.seeker, metaPool, view.config.claimBond);
  const asset = view.config.asset;
  await send({
    account: seeker,
    chain: e2eChain,
    address: asset,
    abi: erc20Abi,
    functionName: "approve",
    args: [metaPool, view.config.claimBond],
  });
  const [, next] = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "claimQueue",
  });
  await send({
    account: seeker,
    chain: e2eChain,
    address: metaPool,
    abi: metaPoolAbi,
    functionName: "fileClaim",
    args: [BigInt(poolId), await chainNow(), "https://example.org/incident: the oracle was manipulated"],
  });
  return next;
}

/** What the chain says about the MetaPool's rulings: counts and the median from filing to ruling (mean of the middle two). */
async function rulingsOnChain(metaPool: Address) {
  const from = { address: metaPool, abi: metaPoolAbi, fromBlock: 0n, strict: true } as const;
  const [filed, resolved] = await Promise.all([
    chainReader.getContractEvents({ ...from, eventName: "ClaimFiled" }),
    chainReader.getContractEvents({ ...from, eventName: "ClaimResolved" }),
  ]);
  const time = async (blockNumber: bigint) => (await chainReader.getBlock({ blockNumber })).timestamp;
  const delays: bigint[] = [];
  for (const r of resolved) {
    const f = filed.find((l) => l.args.claimId === r.args.claimId)!;
    delays.push((await time(r.blockNumber)) - (await time(f.blockNumber)));
  }
  delays.sort((a, b) => (a < b ? -1 : 1));
  const mid = delays.length >> 1;
  const median = delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2n;
  const valid = resolved.filter((r) => r.args.valid).length;
  return { ruled: resolved.length, valid, invalid: resolved.length - valid, median };
}

async function expectRecord(scope: Locator, expected: Awaited<ReturnType<typeof rulingsOnChain>>) {
  const record = scope.getByTestId("arbiter-record");
  // From the indexer the record follows the next indexed block; give it a couple of refreshes.
  await expect(record).toContainText(
    `ruled ${expected.ruled} claims: ${expected.valid} valid, ${expected.invalid} invalid`,
    { timeout: 40_000 },
  );
  await expect(record).toContainText(`median ${formatDuration(expected.median)} from filing to ruling`);
  await expect(record).toContainText("0 shutdowns");
  await expect(record).toContainText("across 1 MetaPool");
}

async function rule(page: Page, wallet: TestWallet, claimId: bigint) {
  await openAs(page, wallet, ROLE.lendingArbiter, "/arbiter");
  await page.getByTestId(`approve-claim-${claimId}`).click();
  const dialog = page.getByTestId("ruling-dialog");
  await dialog.getByTestId("ruling-confirm").click();
  await expect(dialog.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });
  await dialog
    .getByRole("button", { name: /close|done/i })
    .first()
    .click()
    .catch(() => {});
}

test("after a ruling, the arbiter desk and the MetaPool page show the arbiter's record with the chain's counts and median", async ({
  page,
  wallet,
}) => {
  const address = await metaPoolAddress(LENDING);
  const claimId = await fileClaimOnChain(address);
  await travel(DAY + 3 * HOUR);
  await rule(page, wallet, claimId);
  const expected = await rulingsOnChain(address);
  expect(expected).toMatchObject({ ruled: 2, valid: 1, invalid: 1 });

  await page.reload();
  const desk = page.locator('section[aria-labelledby="arbiter-record-heading"]');
  await expect(desk.getByTestId("arbiter-identity")).toContainText(/0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}/);
  await expectRecord(desk, expected);
  await snap(page, "arbiter desk: the record after the ruling");

  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "overview");
  const arbiterRow = page.locator("dd", { has: page.getByTestId("arbiter-identity") });
  await expectRecord(arbiterRow, expected);
  await expect(arbiterRow.getByRole("button", { name: "Copy arbiter address" })).toBeVisible();
  await snap(page, "MetaPool overview: the arbiter's record");

  // The Claims tab says who rules these claims and how it has ruled, at 375 px and by keyboard.
  const arbiter = (await metaPoolView(address)).config.arbiter;
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByTestId("tab-claims").click();
  const ruler = page.getByTestId("claims-arbiter");
  await expect(ruler.getByRole("heading", { name: "Who rules these claims" })).toBeVisible();
  await expect(ruler.getByTestId("arbiter-identity")).toContainText(`${arbiter.slice(0, 6)}…${arbiter.slice(-4)}`);
  await expectRecord(ruler, expected);
  const copy = ruler.getByRole("button", { name: "Copy arbiter address" });
  await copy.focus();
  await expect(copy).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "375 px: claims tab, who rules and the record");
});

async function statementOnChain(metaPool: Address): Promise<string> {
  const [created] = await chainReader.getContractEvents({
    address: factoryAddress,
    abi: metaPoolFactoryAbi,
    eventName: "MetaPoolCreated",
    args: { metaPool },
    fromBlock: 0n,
    strict: true,
  });
  return created!.args.params.protectionStatement;
}

test("Explore: a row opens to the protection statement and the arbiter's record, by keyboard, at 1280 and 375 px", async ({
  page,
}) => {
  const address = await metaPoolAddress(LENDING);
  const statement = await statementOnChain(address);
  const arbiter = (await metaPoolView(address)).config.arbiter;
  // Every JSON-RPC call the page makes, to see that naming arbiters asks nothing off the demo chain (no ENS).
  const rpcCalls: { url: string; to?: string }[] = [];
  page.on("request", (request) => {
    const body = request.method() === "POST" ? request.postData() : null;
    if (!body?.includes('"jsonrpc"')) return;
    const calls = [JSON.parse(body)].flat() as { method?: string; params?: [{ to?: string }] }[];
    for (const call of calls)
      rpcCalls.push({ url: request.url(), to: call.method === "eth_call" ? call.params?.[0]?.to : undefined });
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const row = page.getByTestId("metapool-row").filter({ hasText: LENDING });
  // The arbiter column: no ENS on this chain and no arbiter sentence in the seeded texts, so the short address,
  // copyable.
  const cell = row.getByTestId("row-arbiter");
  await expect(cell).toHaveAttribute("data-kind", "address");
  await expect(cell).toContainText(`${arbiter.slice(0, 6)}…${arbiter.slice(-4)}`);
  await expect(cell.getByRole("button", { name: "Copy arbiter address" })).toBeVisible();
  const toggle = row.getByTestId("row-details-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const details = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  await expect(details.getByTestId("row-statement")).toHaveText(statement);
  await expect(details.getByTestId("arbiter-record")).toContainText("ruled 1 claim: 0 valid, 1 invalid");
  await snap(page, "explore 1280: a row opened");

  await page.setViewportSize({ width: 375, height: 812 });
  const card = page.getByTestId("metapool-card").filter({ hasText: LENDING });
  const cardToggle = card.getByTestId("row-details-toggle");
  await cardToggle.focus();
  await page.keyboard.press("Enter");
  await expect(cardToggle).toHaveAttribute("aria-expanded", "true");
  await expect(card.getByTestId("row-statement")).toHaveText(statement);
  await expect(card.getByTestId("arbiter-record")).toContainText("across 1 MetaPool");
  // Nothing in the opened card runs past the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await snap(page, "explore 375: a card opened");
  await page.keyboard.press("Enter");
  await expect(cardToggle).toHaveAttribute("aria-expanded", "false");
  await expect(card.getByTestId("row-arbiter")).toHaveAttribute("data-kind", "address");

  // All of it asked only the demo chain's node, and never ENS's resolver.
  expect(rpcCalls.length).toBeGreaterThan(0);
  expect(rpcCalls.filter((c) => !c.url.startsWith(e2eEnv.rpcUrl))).toEqual([]);
  const resolver = mainnet.contracts.ensUniversalResolver.address.toLowerCase();
  expect(rpcCalls.filter((c) => c.to?.toLowerCase() === resolver)).toEqual([]);
});
