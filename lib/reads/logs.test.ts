import { describe, expect, it, vi } from "vitest";

import { isRangeRefusal, parseLogBlockRange } from "./logRange";
import { planScan, readLogsInRanges, scanLogs, type BlockRange, type LogScan, type ScanCache } from "./logs";

// The read calls viem's standalone actions; each one here asks the fake client's method of the same name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;

/** A chain of `head` blocks with one log per block, a provider refusing ranges over `maxRange`, counting requests. */
function fakeChain(options: { head: bigint; maxRange?: bigint; fork?: number }) {
  const chain = { ...options, getLogs: [] as BlockRange[], getBlock: 0 };
  const hashOf = (n: bigint) => hash(Number(n) + (chain.fork ?? 0) * 1_000_000);
  const client = {
    getBlock: async (args: { blockTag?: "latest"; blockNumber?: bigint }) => {
      chain.getBlock += 1;
      const number = args.blockNumber ?? chain.head;
      if (number > chain.head) throw new Error(`block ${number} not found`);
      return { number, hash: hashOf(number) };
    },
  } as never;
  const read = async (range: BlockRange) => {
    chain.getLogs.push(range);
    if (chain.maxRange !== undefined && range.toBlock - range.fromBlock + 1n > chain.maxRange) {
      throw Object.assign(new Error("RPC Request failed."), {
        cause: {
          code: -32600,
          message: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
        },
      });
    }
    const logs = [];
    for (let b = range.fromBlock; b <= range.toBlock; b++) logs.push({ blockNumber: b, fork: chain.fork ?? 0 });
    return logs;
  };
  return { chain, client, read };
}

describe("readLogsInRanges", () => {
  it("reads in ranges of the configured size, in chain order", async () => {
    const { chain, read } = fakeChain({ head: 0n });
    const logs = await readLogsInRanges(read, 10n, 34n, { size: 10n });
    expect(chain.getLogs).toEqual([
      { fromBlock: 10n, toBlock: 19n },
      { fromBlock: 20n, toBlock: 29n },
      { fromBlock: 30n, toBlock: 34n },
    ]);
    expect(logs.map((l) => l.blockNumber)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(10 + i)));
  });

  it("halves a range the provider refuses, and keeps the smaller size for the ranges after it", async () => {
    const { chain, read } = fakeChain({ head: 0n, maxRange: 300n });
    const budget = { size: 1_000n };
    const logs = await readLogsInRanges(read, 1n, 2_000n, budget);
    expect(logs.map((l) => l.blockNumber)).toEqual(Array.from({ length: 2_000 }, (_, i) => BigInt(1 + i)));
    expect(budget.size).toBeLessThanOrEqual(300n);
    // Once the size fits, no range is refused again.
    const after = chain.getLogs.length;
    await readLogsInRanges(read, 1n, 2_000n, budget);
    expect(chain.getLogs.length - after).toBe(Math.ceil(2_000 / Number(budget.size)));
  });

  it("throws what is not a range refusal (a node down) instead of splitting it", async () => {
    let calls = 0;
    const down = async () => {
      calls += 1;
      throw new Error("HTTP request failed. fetch failed");
    };
    await expect(readLogsInRanges(down, 1n, 100n, { size: 100n })).rejects.toThrow(/fetch failed/);
    expect(calls).toBe(1);
  });
});

describe("isRangeRefusal", () => {
  it("knows the providers' range and result-count refusals", () => {
    expect(isRangeRefusal({ code: -32005, message: "limit exceeded" })).toBe(true);
    expect(isRangeRefusal(new Error("query returned more than 10000 results"))).toBe(true);
    expect(isRangeRefusal({ details: "eth_getLogs is limited to a 10,000 range" })).toBe(true);
    expect(isRangeRefusal({ cause: { message: "exceed maximum block range: 50000" } })).toBe(true);
  });

  it("does not take a down node or a rate limit for a range refusal", () => {
    expect(isRangeRefusal(new Error("HTTP request failed. fetch failed"))).toBe(false);
    expect(isRangeRefusal(new Error("HTTP request failed. Status: 429 rate limit"))).toBe(false);
  });
});

describe("parseLogBlockRange", () => {
  it("defaults to 5 000 blocks and refuses a range of no blocks", () => {
    expect(parseLogBlockRange(undefined)).toBe(5_000n);
    expect(parseLogBlockRange("2000")).toBe(2_000n);
    expect(() => parseLogBlockRange("0")).toThrow(/NEXT_PUBLIC_LOG_BLOCK_RANGE/);
    expect(() => parseLogBlockRange("2k")).toThrow(/NEXT_PUBLIC_LOG_BLOCK_RANGE/);
  });
});

describe("planScan", () => {
  const scan: LogScan<unknown> = { fromBlock: 5n, toBlock: 100n, toBlockHash: hash(100), logs: [] };

  it("reads everything the first time, or for an earlier start", () => {
    expect(planScan(undefined, 5n, { number: 100n, hash: hash(100) })).toEqual({
      kind: "full",
      fromBlock: 5n,
      toBlock: 100n,
    });
    expect(planScan(scan, 4n, { number: 100n, hash: hash(100) }).kind).toBe("full");
  });

  it("reads nothing while the head is the block last read", () => {
    expect(planScan(scan, 5n, { number: 100n, hash: hash(100) })).toEqual({ kind: "current" });
    expect(planScan(scan, 50n, { number: 100n, hash: hash(100) })).toEqual({ kind: "current" });
  });

  it("reads only the new blocks, checking the last one read", () => {
    expect(planScan(scan, 5n, { number: 130n, hash: hash(130) })).toEqual({
      kind: "extend",
      fromBlock: 101n,
      toBlock: 130n,
      checkBlock: 100n,
      checkHash: hash(100),
    });
  });

  it("reads everything again when the chain moved back or the head block changed", () => {
    expect(planScan(scan, 5n, { number: 90n, hash: hash(90) }).kind).toBe("full");
    expect(planScan(scan, 5n, { number: 100n, hash: hash(7) }).kind).toBe("full");
  });
});

describe("scanLogs", () => {
  it("costs no eth_getLogs on an idle chain and only the new blocks after that", async () => {
    const { chain, client, read } = fakeChain({ head: 12_000n });
    const cache: ScanCache = new Map();
    const budget = { size: 5_000n };
    const first = await scanLogs(client, "q", 1n, read, { cache, budget });
    expect(first).toHaveLength(12_000);
    expect(chain.getLogs).toHaveLength(3);

    await new Promise((r) => setTimeout(r, 250)); // past the shared head (200 ms)
    expect(await scanLogs(client, "q", 1n, read, { cache, budget })).toHaveLength(12_000);
    expect(chain.getLogs).toHaveLength(3);

    chain.head = 12_010n;
    await new Promise((r) => setTimeout(r, 250));
    const grown = await scanLogs(client, "q", 1n, read, { cache, budget });
    expect(chain.getLogs.slice(3)).toEqual([{ fromBlock: 12_001n, toBlock: 12_010n }]);
    expect(grown.map((l) => l.blockNumber)).toEqual(Array.from({ length: 12_010 }, (_, i) => BigInt(1 + i)));
  });

  it("reads everything again when the last block read was replaced (a reorg, a restarted chain)", async () => {
    const { chain, client, read } = fakeChain({ head: 100n });
    const cache: ScanCache = new Map();
    await scanLogs(client, "q", 1n, read, { cache, budget: { size: 1_000n } });
    chain.fork = 1;
    chain.head = 105n;
    await new Promise((r) => setTimeout(r, 250));
    const logs = await scanLogs(client, "q", 1n, read, { cache, budget: { size: 1_000n } });
    expect(logs).toHaveLength(105);
    expect(logs.every((l) => l.fork === 1)).toBe(true);
  });
});
