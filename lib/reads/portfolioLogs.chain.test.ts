/**
 * What one idle Portfolio costs in log reads on the seeded demo market (scripts/seed.mjs on its own Anvil, next to
 * the chain suite's): a minute of its 12 s refreshes (the MetaPool list, the latest block, the account's position in
 * every MetaPool), counting eth_getLogs and the bytes sent and received. "Before" is the same reads with nothing
 * remembered between refreshes (every event query from the start block, as Portfolio read until the log scans).
 */
import type { Address, PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { metaPoolFactoryAbi } from "@/abis";
import local from "@/lib/deployments/31337.json";
import { anvilTestClient } from "@/lib/devChain";
import { accounts, publicClient, testChain } from "@/lib/testing/chain/client";
import { startSeededAnvil } from "@/lib/testing/chain/seededAnvil";

import { appScanCache } from "./logs";
import { readMetaPoolPage } from "./metaPools";
import { readPositionHistoryFromLogs } from "./positionHistory";
import { readAccountPosition } from "./positions";
import { rpcTransportOptions } from "./transport";

const REFRESHES_A_MINUTE = 5; // refresh.block = 12 s
const SEEKER = accounts[8]!; // the seeded market's active seeker (scripts/lib/demo-market.mjs ROLES)

interface Traffic {
  requests: number;
  calls: number;
  getLogs: number;
  bytes: number;
}

function countingClient(rpcUrl: string) {
  const traffic: Traffic = { requests: 0, calls: 0, getLogs: 0, bytes: 0 };
  const client = publicClient(rpcUrl, {
    ...rpcTransportOptions,
    onFetchRequest: async (request) => {
      const body = await request.clone().text();
      const calls = [JSON.parse(body)].flat() as { method: string }[];
      traffic.requests += 1;
      traffic.calls += calls.length;
      traffic.getLogs += calls.filter((c) => c.method === "eth_getLogs").length;
      traffic.bytes += body.length;
    },
    onFetchResponse: async (response) => {
      traffic.bytes += (await response.clone().text()).length;
    },
  });
  return { client, traffic };
}

/** One Portfolio refresh: the list, the latest block, the seeker's position in every MetaPool. */
async function refresh(client: PublicClient): Promise<number> {
  const factory = local.metaPoolFactory as Address;
  const { metaPools } = await readMetaPoolPage(client, factory, 0n, 50n);
  const { timestamp } = await client.getBlock({ blockTag: "latest" });
  const positions = await Promise.all(
    metaPools.map(async (view) => {
      const history = await readPositionHistoryFromLogs(client, view, SEEKER, BigInt(local.startBlock));
      return readAccountPosition(client, view, SEEKER, history, timestamp);
    }),
  );
  return positions.length;
}

async function aMinute(rpcUrl: string, { remember, newBlocks }: { remember: boolean; newBlocks: number }) {
  const { client, traffic } = countingClient(rpcUrl);
  const control = anvilTestClient(testChain(rpcUrl), rpcUrl);
  appScanCache.clear();
  await refresh(client); // the page's first load is not a refresh
  const start = { ...traffic };
  for (let i = 0; i < REFRESHES_A_MINUTE; i++) {
    if (!remember) appScanCache.clear();
    if (newBlocks > 0) await control.mine({ blocks: newBlocks });
    await new Promise((r) => setTimeout(r, 250)); // past the head shared by one refresh's scans
    await refresh(client);
  }
  return {
    getLogs: traffic.getLogs - start.getLogs,
    calls: traffic.calls - start.calls,
    kB: Math.round((traffic.bytes - start.bytes) / 1024),
  };
}

describe("an idle Portfolio on the seeded market, a minute of refreshes", () => {
  const rpcUrl = `http://127.0.0.1:${Number(process.env.CHAIN_TEST_PORT ?? 8550) + 1}`;
  let chain: { stop: () => void } | undefined;

  beforeAll(async () => {
    chain = await startSeededAnvil(rpcUrl);
    const count = await publicClient(rpcUrl).readContract({
      address: local.metaPoolFactory as Address,
      abi: metaPoolFactoryAbi,
      functionName: "metaPoolCount",
    });
    expect(count).toBe(4n);
  });

  afterAll(() => {
    chain?.stop();
  });

  it("reads no logs while no block is mined, and only the new blocks' logs when one is", async () => {
    const before = await aMinute(rpcUrl, { remember: false, newBlocks: 0 });
    const idle = await aMinute(rpcUrl, { remember: true, newBlocks: 0 });
    const moving = await aMinute(rpcUrl, { remember: true, newBlocks: 1 });
    console.log(
      [
        "idle Portfolio, one minute (5 refreshes), seeded market, seeker account:",
        `  before (every query from the start block): ${before.getLogs} eth_getLogs, ${before.calls} calls, ${before.kB} kB`,
        `  after, idle chain:                         ${idle.getLogs} eth_getLogs, ${idle.calls} calls, ${idle.kB} kB`,
        `  after, a block per refresh:                ${moving.getLogs} eth_getLogs, ${moving.calls} calls, ${moving.kB} kB`,
      ].join("\n"),
    );
    // Before: six or more event queries per MetaPool per refresh, each from the start block.
    expect(before.getLogs).toBeGreaterThanOrEqual(REFRESHES_A_MINUTE * 4 * 6);
    expect(idle.getLogs).toBe(0);
    // A new block: one small range per event query, never the history again.
    expect(moving.getLogs).toBeLessThanOrEqual(before.getLogs);
    expect(moving.kB).toBeLessThan(before.kB);
  });
});
