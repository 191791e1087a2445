import { getAddress } from "viem";
import { afterEach, describe, expect, it, vi } from "vitest";

import { IndexerError } from "./http";
import { fetchPositionHistories, parsePositionHistories } from "./positions";

afterEach(() => vi.unstubAllGlobals());

const M = "0x00000000000000000000000000000000000000a1";
const T = "0x00000000000000000000000000000000000000c3";
const ACCOUNT = "0x00000000000000000000000000000000000000B2";

const entry = {
  metaPool: M.toUpperCase().replace("0X", "0x"),
  deposited: "1000000000000000000000000001",
  withdrawn: "5",
  requestIds: ["3"],
  purchases: [{ id: "7", boughtMaturesAt: "1700000000" }],
  restarts: [{ fromId: "7", toId: "9", maturesAt: "1700000100", claimId: "2", order: "12000003" }],
  coverTokens: [{ poolId: 1, epoch: 0, token: T }],
};

describe("parsePositionHistories", () => {
  it("reads every amount exactly, beyond 2^53, keyed by lower-case MetaPool", () => {
    const { indexedBlock, metaPools, histories } = parsePositionHistories({ indexedBlock: 42, metaPools: [entry] });
    expect(indexedBlock).toBe(42n);
    expect(metaPools).toEqual([entry.metaPool]);
    expect(histories[M]).toEqual({
      deposited: 1_000_000_000_000_000_000_000_000_001n,
      withdrawn: 5n,
      requestIds: [3n],
      purchases: [{ id: 7n, boughtMaturesAt: 1_700_000_000n }],
      restarts: [{ fromId: 7n, toId: 9n, maturesAt: 1_700_000_100n, claimId: 2n, order: 12_000_003n }],
      coverTokens: [{ poolId: 1, epoch: 0, token: getAddress(T) }],
    });
  });

  it.each([
    ["a missing block", { metaPools: [entry] }],
    ["an amount as a float", { indexedBlock: 1, metaPools: [{ ...entry, deposited: "1.5" }] }],
    [
      "a bad token",
      { indexedBlock: 1, metaPools: [{ ...entry, coverTokens: [{ poolId: 0, epoch: 0, token: "0x1" }] }] },
    ],
    ["no list", { indexedBlock: 1, metaPools: null }],
  ])("refuses %s with an IndexerError (the caller reads the events instead)", (_, json) => {
    expect(() => parsePositionHistories(json)).toThrow(IndexerError);
  });
});

describe("the MetaPools answered for", () => {
  it("keep the indexer's order (the factory's), which the Portfolio lists them in", () => {
    const other = { ...entry, metaPool: "0x00000000000000000000000000000000000000a0" };
    expect(parsePositionHistories({ indexedBlock: 1, metaPools: [entry, other] }).metaPools).toEqual([
      entry.metaPool,
      other.metaPool,
    ]);
  });
});

describe("fetchPositionHistories", () => {
  it("asks for the account in lower case, and for one MetaPool when given", async () => {
    const urls: string[] = [];
    vi.stubGlobal("fetch", (url: string) => {
      urls.push(url);
      return Promise.resolve(Response.json({ indexedBlock: 1, metaPools: [] }));
    });
    await fetchPositionHistories("http://i", ACCOUNT);
    await fetchPositionHistories("http://i", ACCOUNT, M.toUpperCase().replace("0X", "0x") as `0x${string}`);
    expect(urls).toEqual([
      `http://i/canopy/account/${ACCOUNT.toLowerCase()}/positions`,
      `http://i/canopy/account/${ACCOUNT.toLowerCase()}/positions?metaPool=${M}`,
    ]);
  });
});
