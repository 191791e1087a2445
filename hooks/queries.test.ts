import type { Address, PublicClient } from "viem";
import { describe, expect, test } from "vitest";

import type { MetaPoolView } from "@/lib/types/metaPool";

import { accountPositionsQuery } from "./positionQueries";
import {
  arbiterDeskQuery,
  liveQuoteQuery,
  metaPoolHistoryQuery,
  metaPoolQuery,
  metaPoolsQuery,
  onNewBlock,
  pendingClaimsQuery,
  refresh,
  tokenBalanceQuery,
  tokenMetasQuery,
} from "./queries";

const POOL: Address = "0x9876543210987654321098765432109876543210";
const USER: Address = "0x1234567890123456789012345678901234567890";
const client = {} as PublicClient;
const view = { metaPool: POOL, pools: [] } as unknown as MetaPoolView;

describe("every read states its refresh policy", () => {
  const factories = {
    metaPools: metaPoolsQuery(client),
    metaPool: metaPoolQuery(client, POOL),
    history: metaPoolHistoryQuery(client, POOL, 0n),
    pendingClaims: pendingClaimsQuery(client, POOL),
    positions: accountPositionsQuery(client, USER, [view], () => 1n),
    arbiterDesk: arbiterDeskQuery(client, view, USER),
    tokenMetas: tokenMetasQuery(client, [POOL]),
    balance: tokenBalanceQuery(client, POOL, USER),
    quote: liveQuoteQuery(client, POOL, ["previewBuy"], async () => 1n),
  };

  test.each(Object.entries(factories))("%s: re-read at each new block, or fixed for the session", (_, options) => {
    const policy = options.meta?.refresh ?? (options.staleTime === Infinity ? "fixed" : undefined);
    expect(policy).toBeDefined();
  });

  test("no chain read runs on a timer of its own: each follows the one latest-block read", () => {
    for (const options of Object.values(factories)) expect(options.refetchInterval ?? false).toBe(false);
    expect(factories.history.meta).toEqual(onNewBlock.meta);
    expect(factories.pendingClaims.meta).toEqual(onNewBlock.meta);
    expect(refresh.block).toBeLessThanOrEqual(30_000);
  });

  test("every read of a MetaPool sits under its key, so a write to it refreshes them", () => {
    const prefix = ["canopy", "metaPool", POOL.toLowerCase()];
    for (const options of [
      factories.metaPool,
      factories.history,
      factories.pendingClaims,
      factories.arbiterDesk,
      factories.quote,
    ]) {
      expect(options.queryKey.slice(0, 3)).toEqual(prefix);
    }
  });

  test("without a client nothing is fetched (skipToken), and the key stays stable", () => {
    const idle = metaPoolQuery(undefined, POOL);
    expect(typeof idle.queryFn).not.toBe("function");
    expect(idle.queryKey).toEqual(factories.metaPool.queryKey);
  });
});
