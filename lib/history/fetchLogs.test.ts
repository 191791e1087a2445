import type { Address } from "viem";
import { describe, expect, it, vi } from "vitest";

import { blockRanges, createLogCache, fetchMetaPoolLogs, type HistoryClient } from "./fetchLogs";

// The read calls viem's standalone actions; each one here asks the fake client's method of the same name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const POOL: Address = "0x00000000000000000000000000000000000000aa";

interface RawLog {
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: string;
  blockTimestamp?: string;
}

/** A chain of raw decoded logs; records every range and block header asked for. */
function fakeClient(logs: RawLog[], blockTime: (block: bigint) => bigint = (b) => 1_000n + b * 12n) {
  const ranges: [bigint, bigint][] = [];
  const blocks: bigint[] = [];
  const chain = { id: 1, head: 1_000_000n };
  let inFlight = 0;
  let maxInFlight = 0;
  const client = {
    async getLogs({ fromBlock, toBlock, address }: { fromBlock: bigint; toBlock: bigint; address: Address }) {
      expect(address).toBe(POOL);
      ranges.push([fromBlock, toBlock]);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      // Newest first, so the result has to be sorted.
      return logs.filter((l) => l.blockNumber >= fromBlock && l.blockNumber <= toBlock).reverse();
    },
    async getBlock({ blockNumber }: { blockNumber: bigint }) {
      blocks.push(blockNumber);
      if (blockNumber > chain.head) throw new Error(`block ${blockNumber} not found`);
      return { timestamp: blockTime(blockNumber), hash: `0x${chain.id}${blockNumber}` };
    },
  };
  return { client: client as unknown as HistoryClient, ranges, blocks, chain, maxInFlight: () => maxInFlight };
}

function deposited(block: bigint, logIndex = 0): RawLog {
  return {
    eventName: "Deposited",
    args: { caller: POOL, receiver: POOL, assets: 1n, shares: 1n, capital: block, shareSupply: 1n },
    blockNumber: block,
    logIndex,
    transactionHash: `0x${block.toString(16).padStart(64, "0")}`,
  };
}

describe("blockRanges", () => {
  it("splits an inclusive range into chunks, the last one short", () => {
    expect(blockRanges(0n, 12_000n, 5_000n)).toEqual([
      { fromBlock: 0n, toBlock: 4_999n },
      { fromBlock: 5_000n, toBlock: 9_999n },
      { fromBlock: 10_000n, toBlock: 12_000n },
    ]);
  });

  it("gives one range for a single block and none for an empty range", () => {
    expect(blockRanges(7n, 7n, 5_000n)).toEqual([{ fromBlock: 7n, toBlock: 7n }]);
    expect(blockRanges(8n, 7n, 5_000n)).toEqual([]);
  });

  it("refuses a chunk of zero blocks", () => {
    expect(() => blockRanges(0n, 1n, 0n)).toThrow(/at least one block/);
  });
});

describe("fetchMetaPoolLogs", () => {
  it("reads bounded ranges concurrently and returns the logs in chain order", async () => {
    const fake = fakeClient([deposited(3n, 1), deposited(3n, 0), deposited(6_000n), deposited(12_000n)]);
    const logs = await fetchMetaPoolLogs(fake.client, POOL, 0n, 12_000n, { cache: createLogCache() });

    expect(fake.ranges).toEqual([
      [0n, 4_999n],
      [5_000n, 9_999n],
      [10_000n, 12_000n],
    ]);
    expect(fake.maxInFlight()).toBe(3);
    expect(logs.map((l) => [l.blockNumber, l.logIndex])).toEqual([
      [3n, 0],
      [3n, 1],
      [6_000n, 0],
      [12_000n, 0],
    ]);
    expect(logs[0]!.eventName).toBe("Deposited");
  });

  it("uses the default chunk of 5 000 blocks", async () => {
    const fake = fakeClient([]);
    await fetchMetaPoolLogs(fake.client, POOL, 100n, 10_099n, { cache: createLogCache() });
    expect(fake.ranges).toEqual([
      [100n, 5_099n],
      [5_100n, 10_099n],
    ]);
  });

  it("fetches each block header once, and none where the log or a shutdown carries the block time", async () => {
    const shutdown: RawLog = {
      eventName: "MetaPoolShutDown",
      args: { caller: POOL, timestamp: 5_555 },
      blockNumber: 20n,
      logIndex: 1,
      transactionHash: `0x${"1".padStart(64, "0")}`,
    };
    const stamped = { ...deposited(30n), blockTimestamp: "0x1e61" };
    const fake = fakeClient([deposited(10n, 0), deposited(10n, 1), deposited(20n, 0), shutdown, stamped]);
    const logs = await fetchMetaPoolLogs(fake.client, POOL, 0n, 100n, { chunk: 10n, cache: createLogCache() });

    // Block 100 is read once more for its hash, the anchor of the next refresh.
    expect(fake.blocks.sort()).toEqual([10n, 100n]);
    expect(logs.map((l) => l.timestamp)).toEqual([1_120n, 1_120n, 5_555n, 5_555n, 0x1e61n]);
  });

  it("only asks for new blocks on a refresh, and keeps MetaPools apart", async () => {
    const cache = createLogCache();
    const fake = fakeClient([deposited(5n), deposited(15n), deposited(25n)]);

    const first = await fetchMetaPoolLogs(fake.client, POOL, 0n, 19n, { chunk: 10n, cache });
    expect(first.map((l) => l.blockNumber)).toEqual([5n, 15n]);
    expect(fake.ranges).toEqual([
      [0n, 9n],
      [10n, 19n],
    ]);

    const second = await fetchMetaPoolLogs(fake.client, POOL, 0n, 29n, { chunk: 10n, cache });
    expect(second.map((l) => l.blockNumber)).toEqual([5n, 15n, 25n]);
    expect(fake.ranges.slice(2)).toEqual([[20n, 29n]]);
    // Headers: the logs' blocks once each, and the last block of every read (19 checked again on refresh).
    expect([...new Set(fake.blocks)].sort((a, b) => Number(a - b))).toEqual([5n, 15n, 19n, 25n, 29n]);

    // Up to date: nothing is read.
    const third = await fetchMetaPoolLogs(fake.client, POOL, 0n, 29n, { chunk: 10n, cache });
    expect(third).toEqual(second);
    expect(fake.ranges).toHaveLength(3);

    // The cache key is case-insensitive; another address starts from scratch.
    await fetchMetaPoolLogs(fake.client, POOL.toUpperCase().replace("0X", "0x") as Address, 0n, 29n, {
      chunk: 10n,
      cache,
    });
    expect(fake.ranges).toHaveLength(3);
    expect(cache.size).toBe(1);
  });

  it("reads everything again when the last block read has changed (a reorg or a restarted chain)", async () => {
    const cache = createLogCache();
    const fake = fakeClient([deposited(5n), deposited(15n)]);
    await fetchMetaPoolLogs(fake.client, POOL, 0n, 19n, { chunk: 10n, cache });

    fake.chain.id = 2; // same numbers, other hashes
    const logs = await fetchMetaPoolLogs(fake.client, POOL, 0n, 29n, { chunk: 10n, cache });
    expect(logs.map((l) => l.blockNumber)).toEqual([5n, 15n]);
    expect(fake.ranges.slice(2)).toEqual([
      [20n, 29n],
      [0n, 9n],
      [10n, 19n],
      [20n, 29n],
    ]);

    // A chain now shorter than what was read: the check fails instead of throwing.
    fake.chain.head = 12n;
    const shorter = await fetchMetaPoolLogs(fake.client, POOL, 0n, 12n, { chunk: 10n, cache });
    expect(shorter.map((l) => l.blockNumber)).toEqual([5n]);
    expect(cache.get(POOL)!.toBlock).toBe(12n);
  });

  it("reads everything again when asked for blocks before the cached start", async () => {
    const cache = createLogCache();
    const fake = fakeClient([deposited(5n), deposited(15n)]);
    await fetchMetaPoolLogs(fake.client, POOL, 10n, 19n, { chunk: 10n, cache });
    const logs = await fetchMetaPoolLogs(fake.client, POOL, 0n, 19n, { chunk: 10n, cache });
    expect(logs.map((l) => l.blockNumber)).toEqual([5n, 15n]);
    expect(fake.ranges).toEqual([
      [10n, 19n],
      [0n, 9n],
      [10n, 19n],
    ]);
  });
});
