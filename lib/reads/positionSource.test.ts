import type { PublicClient } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { MetaPoolView } from "../types/metaPool";
import type { PositionHistory } from "../types/positions";
import { readPositionHistories } from "./positionSource";

vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const fromLogs = vi.hoisted(() => vi.fn());
vi.mock("./positionHistory", () => ({ readPositionHistoriesFromLogs: fromLogs }));

afterEach(() => {
  vi.unstubAllGlobals();
  fromLogs.mockReset();
});

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";
const ACCOUNT = "0x00000000000000000000000000000000000000ee";
const views = [{ metaPool: A }, { metaPool: B }] as unknown as MetaPoolView[];
const client = (head: bigint) => ({ getBlockNumber: () => Promise.resolve(head) }) as unknown as PublicClient;
const json = (indexedBlock: number) => ({
  indexedBlock,
  metaPools: [
    { metaPool: B, deposited: "9", withdrawn: "0", requestIds: [], purchases: [], restarts: [], coverTokens: [] },
  ],
});
const logsHistory = { deposited: 1n } as PositionHistory;

/** Answers the i-th indexer request with `answers[i]` (the last one repeats). */
function indexerAnswers(...answers: (number | "down")[]) {
  let asked = 0;
  vi.stubGlobal("fetch", () => {
    const a = answers[Math.min(asked++, answers.length - 1)]!;
    return a === "down" ? Promise.reject(new TypeError("fetch failed")) : Promise.resolve(Response.json(json(a)));
  });
  return () => asked;
}

const source = { indexer: "http://i", fromBlock: 0n, waitMs: 200, pollMs: 10 };

describe("readPositionHistories", () => {
  it("takes every MetaPool's history from one indexer answer, empty where it lists none", async () => {
    const asked = indexerAnswers(100);
    const { from, histories } = await readPositionHistories(client(100n), views, ACCOUNT, source);
    expect(from).toBe("indexer");
    expect(histories.map((h) => h.deposited)).toEqual([0n, 9n]);
    expect(asked()).toBe(1);
    expect(fromLogs).not.toHaveBeenCalled();
  });

  it("asks again while the indexer is behind the chain's head, so the account's last transaction is in", async () => {
    const asked = indexerAnswers(98, 99, 100);
    const { from } = await readPositionHistories(client(100n), views, ACCOUNT, source);
    expect(from).toBe("indexer");
    expect(asked()).toBe(3);
  });

  it("takes an answer at hand when it reached the head, and asks again when it did not", async () => {
    const known = {
      indexedBlock: 100n,
      metaPools: [B as `0x${string}`],
      histories: { [B]: { ...logsHistory, deposited: 5n } },
    };
    let asked = indexerAnswers(100);
    const atHead = await readPositionHistories(client(100n), views, ACCOUNT, { ...source, known });
    expect(atHead.histories.map((h) => h.deposited)).toEqual([0n, 5n]);
    expect(asked()).toBe(0);
    asked = indexerAnswers(101);
    const behind = await readPositionHistories(client(101n), views, ACCOUNT, { ...source, known });
    expect(behind.histories.map((h) => h.deposited)).toEqual([0n, 9n]);
    expect(asked()).toBe(1);
  });

  it("reads the events when the indexer stays behind, or does not answer", async () => {
    fromLogs.mockResolvedValue([logsHistory, logsHistory]);
    indexerAnswers(99);
    expect(await readPositionHistories(client(100n), views, ACCOUNT, source)).toEqual({
      from: "events",
      histories: [logsHistory, logsHistory],
    });
    indexerAnswers("down");
    expect((await readPositionHistories(client(100n), views, ACCOUNT, source)).from).toBe("events");
    // One read of every MetaPool's events each time.
    expect(fromLogs).toHaveBeenCalledTimes(2);
    expect(fromLogs).toHaveBeenCalledWith(expect.anything(), views, ACCOUNT, 0n);
  });

  it("reads the events without an indexer", async () => {
    fromLogs.mockResolvedValue([logsHistory, logsHistory]);
    const fetchSpy = vi.fn();
    vi.stubGlobal("fetch", fetchSpy);
    const { from } = await readPositionHistories(client(1n), views, ACCOUNT, { ...source, indexer: null });
    expect(from).toBe("events");
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
