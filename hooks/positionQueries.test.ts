import { QueryClient } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { describe, expect, test, vi } from "vitest";

import { readAccountPosition } from "@/lib/reads/positions";
import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

import { accountFiguresQuery, accountPositionsQuery, figuresReadAlongside } from "./positionQueries";

// Each viem action calls the fake client's method of its name (simulateBlocks too, which lib/reads' list lacks).
vi.mock("viem/actions", async () => {
  const { delegatedActions } = await import("@/lib/reads/fakeActions");
  const simulateBlocks = (client: { simulateBlocks: (p: unknown) => unknown }, p: unknown) => client.simulateBlocks(p);
  return { ...delegatedActions, simulateBlocks };
});

const POOL: Address = "0x9876543210987654321098765432109876543210";
const OTHER: Address = "0x1111111111111111111111111111111111111111";
const USER: Address = "0x1234567890123456789012345678901234567890";
const TOKEN = "0x2222222222222222222222222222222222222222";
const client = {} as PublicClient;
const clock = () => 1n;
const viewWith = (epoch: bigint, token: string, metaPool: Address = POOL) =>
  ({ metaPool, pools: [{ epoch, token }] }) as unknown as MetaPoolView;
const shown = [{ metaPool: POOL }] as unknown as AccountPosition[];

type Placeholder = (previous: AccountPosition[] | undefined, query?: { queryKey: readonly unknown[] }) => unknown;
const placeholder = (options: { placeholderData?: unknown }) => options.placeholderData as Placeholder;

describe("accountPositionsQuery", () => {
  test("a transaction that opens an epoch (its first maturity creates the token) reads the positions again", () => {
    const before = accountPositionsQuery(
      client,
      USER,
      [viewWith(0n, "0x0000000000000000000000000000000000000000")],
      clock,
    );
    const after = accountPositionsQuery(client, USER, [viewWith(0n, TOKEN)], clock);
    expect(after.queryKey).not.toEqual(before.queryKey);
    // Under the account's key either way, so the account's writes invalidate it.
    expect(after.queryKey.slice(0, before.queryKey.length - 1)).toEqual(before.queryKey.slice(0, -1));
  });

  test("keeps the same account's positions in the same MetaPools on screen while they are read again", () => {
    const before = accountPositionsQuery(client, USER, [viewWith(0n, TOKEN)], clock);
    const after = accountPositionsQuery(client, USER, [viewWith(1n, TOKEN)], clock);
    expect(placeholder(after)(shown, { queryKey: before.queryKey })).toBe(shown);
  });

  test("never shows another account's or another list's positions meanwhile", () => {
    const mine = accountPositionsQuery(client, USER, [viewWith(0n, TOKEN)], clock);
    const theirs = accountPositionsQuery(client, OTHER, [viewWith(0n, TOKEN)], clock);
    const otherList = accountPositionsQuery(client, USER, [viewWith(0n, TOKEN, OTHER)], clock);
    expect(placeholder(theirs)(shown, { queryKey: mine.queryKey })).toBeUndefined();
    expect(placeholder(otherList)(shown, { queryKey: mine.queryKey })).toBeUndefined();
    expect(placeholder(mine)(shown, undefined)).toBeUndefined();
  });
});

describe("the Portfolio's first read, alongside the views", () => {
  const known = {
    indexedBlock: 100n,
    metaPools: [POOL],
    histories: {
      [POOL.toLowerCase()]: {
        deposited: 5n,
        withdrawn: 0n,
        requestIds: [],
        purchases: [{ id: 1n, boughtMaturesAt: 10n }],
        restarts: [],
        coverTokens: [{ poolId: 0, epoch: 0, token: TOKEN as Address }],
      },
    },
  };
  const view = {
    metaPool: POOL,
    pools: [{ epoch: 0, token: TOKEN, active: 0n, debt: 0n, coverSupply: 0n }],
    pendingClaims: 0n,
    config: { purchaseDelay: 0 },
  } as unknown as MetaPoolView;
  /** A chain at block `head` that counts its reads. */
  function chain(head: bigint) {
    const reads: string[] = [];
    const answers: Record<string, unknown> = {
      balanceOf: 3n,
      feesOwed: 0n,
      convertToAssets: 4n,
      coverUnderlying: 2n,
      purchaseQueue: [0n, 0n, 0n],
      purchase: { status: 1, amount: 9n, accepted: 0n, maturesAt: 10, restRefunded: false, receiver: USER },
    };
    const figuresClient = {
      readContract: ({ functionName }: { functionName: string }) => {
        reads.push(functionName);
        return Promise.resolve(answers[functionName]);
      },
      getBlockNumber: () => Promise.resolve(head),
      simulateBlocks: () => {
        reads.push("simulate");
        return Promise.resolve([{ calls: [{ status: "success", logs: [] }] }]);
      },
    } as unknown as PublicClient;
    return { client: figuresClient, reads };
  }

  test("takes the figures read with the list, with no read of its own, as the usual read would find them", async () => {
    const queries = new QueryClient();
    const { client: c, reads } = chain(100n);
    await queries.prefetchQuery(accountFiguresQuery(c, USER, known, () => 50n));
    const before = reads.length;
    const positions = await figuresReadAlongside(queries, c, USER, [view], known, () => 50n);
    expect(reads.length).toBe(before);
    expect(reads).toContain("simulate"); // purchase #1 was due at 50
    const usual = await readAccountPosition(c, view, USER, known.histories[POOL.toLowerCase()]!, 50n);
    expect(positions).toEqual([usual]);
  });

  test("not when the head had passed the indexer's answer, after a write, for another list, or never started", async () => {
    const queries = new QueryClient();
    const behind = chain(101n).client;
    await queries.prefetchQuery(accountFiguresQuery(behind, USER, known, () => 50n));
    expect(await figuresReadAlongside(queries, behind, USER, [view], known, () => 50n)).toBeUndefined();

    const fresh = new QueryClient();
    const { client: c } = chain(100n);
    expect(await figuresReadAlongside(fresh, c, USER, [view], known, () => 50n)).toBeUndefined();
    await fresh.prefetchQuery(accountFiguresQuery(c, USER, known, () => 50n));
    const other = { ...view, metaPool: OTHER } as MetaPoolView;
    expect(await figuresReadAlongside(fresh, c, USER, [other], known, () => 50n)).toBeUndefined();
    await fresh.invalidateQueries({ queryKey: ["canopy", "account", USER.toLowerCase()], refetchType: "none" });
    expect(await figuresReadAlongside(fresh, c, USER, [view], known, () => 50n)).toBeUndefined();
  });
});
