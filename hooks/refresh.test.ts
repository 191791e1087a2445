import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, test, vi } from "vitest";

import { queryKeys } from "@/lib/queryKeys";

import { followingBlocks, followingIndexedBlocks, onIndexedBlock, onNewBlock, refresh } from "./refresh";

const clients: QueryClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.clear()));

/** A client with the latest-block read at `head`, a live read and a timer-less read, both observed (active). */
async function page(head: { number: bigint }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(client);
  const block = { ...head };
  const readBlock = () => Promise.resolve({ number: block.number, timestamp: 0n });
  const live = vi.fn(async () => block.number);
  const fixed = vi.fn(async () => "fixed");
  const observers = [
    new QueryObserver(client, { queryKey: queryKeys.chainTime(), queryFn: readBlock }),
    new QueryObserver(client, { queryKey: ["canopy", "live"], ...onNewBlock, queryFn: followingBlocks(live) }),
    new QueryObserver(client, { queryKey: ["canopy", "fixed"], queryFn: fixed, staleTime: Infinity }),
  ];
  const unsubscribe = observers.map((o) => o.subscribe(() => {}));
  await vi.waitFor(() => expect(client.getQueryData(["canopy", "live"])).toBeDefined());
  await vi.waitFor(() => expect(client.getQueryData(queryKeys.chainTime())).toBeDefined());
  const mine = async (n: bigint) => {
    block.number = n;
    await client.refetchQueries({ queryKey: queryKeys.chainTime() });
    await new Promise((resolve) => setTimeout(resolve, 10));
  };
  return { client, live, fixed, mine, stop: () => unsubscribe.forEach((u) => u()) };
}

describe("onNewBlock", () => {
  test("has no timer of its own; the block read has one", () => {
    expect(onNewBlock.refetchInterval).toBe(false);
    expect(refresh.block).toBeGreaterThan(0);
  });

  test("re-reads a live read once per new block, never while the block stays the same", async () => {
    const { live, fixed, mine, stop } = await page({ number: 7n });
    expect(live).toHaveBeenCalledTimes(1);
    await mine(7n); // the block read came back with the same block: an idle chain
    await mine(7n);
    expect(live).toHaveBeenCalledTimes(1);
    await mine(8n);
    expect(live).toHaveBeenCalledTimes(2);
    await mine(8n);
    await mine(10n);
    expect(live).toHaveBeenCalledTimes(3);
    expect(fixed).toHaveBeenCalledTimes(1);
    stop();
  });

  test("leaves a read nobody shows alone (inactive queries wait for their page)", async () => {
    const { live, mine, stop } = await page({ number: 1n });
    stop();
    await mine(2n);
    expect(live).toHaveBeenCalledTimes(1);
  });
});

describe("onIndexedBlock", () => {
  /** A client with the indexer's status at `indexed`, an indexer read and a timer-less read, all observed. */
  async function indexerPage(indexed: number) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    clients.push(client);
    const status = { indexedBlock: indexed };
    const statusKey = ["canopy", "indexer", "status", "http://indexer"];
    const list = vi.fn(async () => status.indexedBlock);
    const observers = [
      new QueryObserver(client, { queryKey: statusKey, queryFn: async () => ({ ...status }) }),
      new QueryObserver(client, {
        queryKey: ["canopy", "list"],
        ...onIndexedBlock,
        queryFn: followingIndexedBlocks(list),
      }),
    ];
    const unsubscribe = observers.map((o) => o.subscribe(() => {}));
    await vi.waitFor(() => expect(client.getQueryData(["canopy", "list"])).toBeDefined());
    await vi.waitFor(() => expect(client.getQueryData(statusKey)).toBeDefined());
    const poll = async (block: number) => {
      status.indexedBlock = block;
      await client.refetchQueries({ queryKey: statusKey });
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    return { list, poll, stop: () => unsubscribe.forEach((u) => u()) };
  }

  test("has no timer of its own", () => {
    expect(onIndexedBlock.refetchInterval).toBe(false);
  });

  test("re-reads an indexer answer once per newly indexed block, never while the indexer stays on one block", async () => {
    const { list, poll, stop } = await indexerPage(40);
    expect(list).toHaveBeenCalledTimes(1);
    await poll(40);
    await poll(40);
    expect(list).toHaveBeenCalledTimes(1);
    await poll(41);
    expect(list).toHaveBeenCalledTimes(2);
    await poll(45);
    expect(list).toHaveBeenCalledTimes(3);
    stop();
  });
});
