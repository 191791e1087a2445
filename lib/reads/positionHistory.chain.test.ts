/**
 * The chain-only Portfolio scans each event once over many MetaPools (lib/reads/positionHistory): on the seeded demo
 * market (its own Anvil), every account's history read in shared scans, cut into chunks of 1 to 4 MetaPools, must
 * equal its history read MetaPool by MetaPool, and the deposits and purchases it lists per MetaPool must be the ones
 * each MetaPool's own events name (read here with viem alone). A log missed, or put with another MetaPool of its scan,
 * fails one or the other.
 */
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { metaPoolExtensionAbi } from "@/abis";
import local from "@/lib/deployments/31337.json";
import { accounts, publicClient } from "@/lib/testing/chain/client";
import { startSeededAnvil } from "@/lib/testing/chain/seededAnvil";
import type { MetaPoolView } from "@/lib/types/metaPool";

import { appScanCache } from "./logs";
import { readMetaPoolPage } from "./metaPools";
import { readPositionHistoriesFromLogs, readPositionHistoryFromLogs } from "./positionHistory";
import { rpcTransportOptions } from "./transport";

const UNDERWRITER = accounts[7]!; // the seeded market's big underwriter of every MetaPool (scripts/lib/demo-market.mjs)
const SEEKER = accounts[8]!;

describe("position histories of many MetaPools from shared log scans", () => {
  const rpcUrl = `http://127.0.0.1:${Number(process.env.CHAIN_TEST_PORT ?? 8550) + 2}`;
  const client = publicClient(rpcUrl, rpcTransportOptions);
  const fromBlock = BigInt(local.startBlock);
  let chain: { stop: () => void } | undefined;
  let views: MetaPoolView[] = [];

  beforeAll(async () => {
    chain = await startSeededAnvil(rpcUrl);
    views = (await readMetaPoolPage(client, local.metaPoolFactory as Address, 0n, 50n)).metaPools;
    expect(views).toHaveLength(4);
  });

  afterAll(() => {
    chain?.stop();
  });

  /** Each MetaPool's own events of `eventName` naming `account`, read with viem alone. */
  const ownEvents = (view: MetaPoolView, eventName: "Deposited" | "ProtectionBought", args: Record<string, Address>) =>
    client.getContractEvents({
      address: view.metaPool,
      abi: metaPoolExtensionAbi,
      eventName,
      args,
      fromBlock,
      strict: true,
    } as never) as unknown as Promise<{ args: Record<string, bigint> }[]>;

  it("gives every account, in every MetaPool, the history of that MetaPool's own events", async () => {
    const withPurchases = new Set<string>();
    for (const account of accounts.slice(0, 10)) {
      appScanCache.clear();
      const oneByOne = [];
      for (const view of views) oneByOne.push(await readPositionHistoryFromLogs(client, view, account, fromBlock));
      for (const perQuery of [1, 2, 3, 4]) {
        appScanCache.clear();
        const shared = await readPositionHistoriesFromLogs(client, views, account, fromBlock, { perQuery });
        expect(shared, `${account}, ${perQuery} MetaPools per scan`).toEqual(oneByOne);
      }
      for (const [i, view] of views.entries()) {
        const deposits = await ownEvents(view, "Deposited", { receiver: account });
        const bought = await ownEvents(view, "ProtectionBought", { buyer: account });
        const history = oneByOne[i]!;
        expect(history.deposited).toBe(deposits.reduce((sum, e) => sum + e.args.assets!, 0n));
        expect(history.purchases.map((p) => p.id)).toEqual([...new Set(bought.map((e) => e.args.purchaseId!))]);
        if (history.purchases.length > 0) withPurchases.add(view.metaPool);
      }
    }
    // The market gives the comparison something to miss or misplace: the underwriter is in every MetaPool with
    // different sums, and purchases sit in more than one MetaPool.
    const underwriter = await readPositionHistoriesFromLogs(client, views, UNDERWRITER, fromBlock);
    expect(new Set(underwriter.map((h) => h.deposited)).size).toBe(views.length);
    expect(underwriter.every((h) => h.deposited > 0n)).toBe(true);
    expect(withPurchases.size).toBeGreaterThan(1);
    const seeker = await readPositionHistoriesFromLogs(client, views, SEEKER, fromBlock);
    expect(seeker.some((h) => h.purchases.length > 0)).toBe(true);
  });
});
