import { erc20Abi, type Address } from "viem";

import { metaPoolAbi, metaPoolExtensionAbi } from "../../abis";
import { chainReader, chainWriter, metaPoolView, travel } from "../fixtures/chain";
import { expect, test } from "../fixtures/journey";
import { metaPoolAddress, openAs, openMetaPool, ROLE, snap } from "./helpers";

const LENDING = "Blue-chip lending"; // arbiter fee 5 %, creator fee 5 %

/** Fees a MetaPool has credited `account` (role fees from every sync's split) less what it already collected. */
async function feesFromEvents(metaPool: Address, role: "arbiterFees" | "creatorFees", account: Address) {
  const synced = await chainReader.getContractEvents({
    address: metaPool,
    abi: metaPoolAbi,
    eventName: "Synced",
    fromBlock: 0n,
  });
  const claimed = await chainReader.getContractEvents({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    eventName: "FeesClaimed",
    args: { account },
    fromBlock: 0n,
  });
  const view = await metaPoolView(metaPool);
  const bps = BigInt(role === "arbiterFees" ? view.config.arbiterFeeBps : view.config.creatorFeeBps);
  // A sync accrues in segments: one up to each purchase it matures, then one up to now.
  const matured = await chainReader.getContractEvents({
    address: metaPool,
    abi: metaPoolAbi,
    eventName: "PurchaseMatured",
    fromBlock: 0n,
  });
  const segments = (tx: string) => BigInt(1 + matured.filter((e) => e.transactionHash === tx).length);
  let accrued = 0n;
  for (const { args, transactionHash } of synced) {
    // SPEC §6: each pool's premium of each segment splits into capital and the two fees, each fee rounded
    // down, so a sync's fee is the split of its total less at most one base unit per pool and segment.
    const total = args.premiumToCapital! + args.arbiterFees! + args.creatorFees!;
    const split = (total * bps) / 10_000n;
    const slack = BigInt(view.pools.length) * segments(transactionHash);
    expect(args[role]!, `fee of the sync in ${transactionHash}`).toBeLessThanOrEqual(split);
    expect(args[role]!, `fee of the sync in ${transactionHash}`).toBeGreaterThanOrEqual(split - slack);
    accrued += args[role]!;
  }
  // Premium debt charged outside a sync (rulings, voids, cover withdrawn during a claim) splits the same way.
  const abi = [...metaPoolAbi, ...metaPoolExtensionAbi];
  const debts = await Promise.all(
    (["ClaimResolved", "ClaimVoided", "ProtectionWithdrawn"] as const).map((eventName) =>
      chainReader.getContractEvents({ address: metaPool, abi, eventName, fromBlock: 0n }),
    ),
  );
  for (const { args } of debts.flat()) accrued += ((args as { debtCharged: bigint }).debtCharged * bps) / 10_000n;
  return accrued - claimed.reduce((sum, e) => sum + e.args.amount!, 0n);
}

test("J7 the creator and the arbiter collect their fees: exactly the fee split of the premiums streamed", async ({
  page,
  wallet,
}) => {
  const metaPool = await metaPoolAddress(LENDING);
  await travel(3 * 86_400); // more premium streams
  const [creator, arbiter] = [
    (await chainWriter.getAddresses())[ROLE.lendingCreator]!,
    (await chainWriter.getAddresses())[ROLE.lendingArbiter]!,
  ];
  const asset = (await metaPoolView(metaPool)).config.asset;
  const balance = (who: Address) =>
    chainReader.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [who] });

  for (const [index, who, role, path] of [
    [ROLE.lendingCreator, creator, "creatorFees", "/portfolio"],
    [ROLE.lendingArbiter, arbiter, "arbiterFees", "/arbiter"],
  ] as const) {
    const before = await balance(who);
    await openAs(page, wallet, index, path);
    const collect = page.getByTestId("collect-fees").first();
    await expect(collect).toBeEnabled();
    await collect.click();
    await expect(page.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 20_000 });
    await snap(page, `${role} collected`);
    const received = (await balance(who)) - before;
    expect(received).toBeGreaterThan(0n);
    // Everything credited by the syncs (including the collecting transaction's own) was paid, nothing more.
    expect(await feesFromEvents(metaPool, role, who)).toBe(0n);
    const paid = await chainReader.getContractEvents({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      eventName: "FeesClaimed",
      args: { account: who },
      fromBlock: 0n,
    });
    expect(paid.at(-1)!.args.amount).toBe(received);
    expect(
      await chainReader.readContract({
        address: metaPool,
        abi: metaPoolExtensionAbi,
        functionName: "feesOwed",
        args: [who],
      }),
    ).toBe(0n);
  }
});

test("J8 the arbiter shuts the MetaPool down: deposits and purchases refused, underwriters exit at once, seekers take their escrow back", async ({
  page,
  wallet,
}) => {
  const metaPool = await metaPoolAddress(LENDING);
  await openAs(page, wallet, ROLE.lendingArbiter, "/arbiter");
  const submit = page.getByTestId("shutdown-submit").first();
  await page.getByTestId("shutdown-name").first().fill("blue-chip lending");
  await expect(submit).toBeDisabled(); // the name must match exactly
  await page.getByTestId("shutdown-name").first().fill(LENDING);
  await submit.click();
  await expect.poll(async () => (await metaPoolView(metaPool)).shutDown, { timeout: 20_000 }).toBe(true);
  await expect(page.getByText("Shut down").first()).toBeVisible();

  // Deposits and purchases are refused, with the reason, before anything is signed.
  await openMetaPool(page, wallet, ROLE.underwriter, LENDING, "underwrite");
  await expect(page.getByTestId("deposit-submit")).toHaveCount(0); // no deposit form: only the exit
  await expect(
    page
      .getByRole("tabpanel")
      .getByText(/shut down/i)
      .first(),
  ).toBeVisible();
  await snap(page, "shut down: exit only");
  await page.getByTestId("tab-protect").click();
  await expect(page.getByText(/shut down: it sells no more protection/).first()).toBeVisible();

  // The underwriter exits with every share at once.
  const underwriter = wallet.address;
  const asset = (await metaPoolView(metaPool)).config.asset;
  const balance = (who: Address) =>
    chainReader.readContract({ address: asset, abi: erc20Abi, functionName: "balanceOf", args: [who] });
  const shares = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "balanceOf",
    args: [underwriter],
  });
  const quoted = await chainReader.readContract({
    address: metaPool,
    abi: metaPoolExtensionAbi,
    functionName: "previewExit",
    args: [shares],
  });
  const before = await balance(underwriter);
  await page.getByTestId("tab-underwrite").click();
  await page.getByTestId("exit-submit").click();
  await expect.poll(async () => (await balance(underwriter)) - before, { timeout: 20_000 }).toBe(quoted);
  expect(
    await chainReader.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "balanceOf",
      args: [underwriter],
    }),
  ).toBe(0n);

  // A seeker whose purchase was still pending takes the whole deposit back.
  const bought = await chainReader.getContractEvents({
    address: metaPool,
    abi: metaPoolAbi,
    eventName: "ProtectionBought",
    fromBlock: 0n,
  });
  const records = await Promise.all(
    bought.map((e) =>
      chainReader.readContract({
        address: metaPool,
        abi: metaPoolExtensionAbi,
        functionName: "purchase",
        args: [e.args.purchaseId!],
      }),
    ),
  );
  const index = records.findIndex((r) => r.status === 1); // still pending: voided by the shutdown
  expect(index).toBeGreaterThanOrEqual(0);
  const { purchaseId, buyer } = bought[index]!.args as { purchaseId: bigint; buyer: Address };
  const buyerIndex = (await chainWriter.getAddresses()).findIndex((a) => a.toLowerCase() === buyer.toLowerCase());
  const buyerBefore = await balance(buyer);
  await openMetaPool(page, wallet, buyerIndex, LENDING, "protect");
  await page.getByTestId(`refund-purchase-${purchaseId}`).first().click();
  await expect.poll(async () => (await balance(buyer)) - buyerBefore, { timeout: 20_000 }).toBe(records[index]!.amount);
});
