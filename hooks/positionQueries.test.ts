import type { Address, PublicClient } from "viem";
import { describe, expect, test } from "vitest";

import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

import { accountPositionsQuery } from "./positionQueries";

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
