import type { Address } from "viem";
import { describe, expect, test, vi } from "vitest";

import { historyToJson } from "@/lib/arbiter";

import { readArbiterHistory, type ArbiterClient } from "./arbiterRecord";

// The read calls viem's standalone actions; each one here asks the fake client's method of the same name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const ARBITER: Address = "0x00000000000000000000000000000000000000aA";
const FACTORY: Address = "0x00000000000000000000000000000000000000F0";
const POOL: Address = "0x000000000000000000000000000000000000000A";

/** A chain with one MetaPool, a claim filed in block 10 and ruled invalid in block 12 (no times on the logs). */
function fakeChain() {
  const logs: Record<string, unknown[]> = {
    MetaPoolCreated: [{ args: { metaPool: POOL, params: { name: "Lending", protectionStatement: "Pays." } } }],
    ClaimFiled: [{ address: POOL, blockNumber: 10n, args: { claimId: 0n } }],
    ClaimResolved: [{ address: POOL, blockNumber: 12n, args: { claimId: 0n, valid: false } }],
    ClaimVoided: [],
    MetaPoolShutDown: [],
  };
  const getContractEvents = vi.fn(async ({ eventName }: { eventName: string }) => logs[eventName]);
  const getBlock = vi.fn(async ({ blockNumber }: { blockNumber: bigint }) => ({
    number: blockNumber,
    timestamp: blockNumber * 100n,
  }));
  return { client: { getContractEvents, getBlock } as unknown as ArbiterClient, getContractEvents, getBlock };
}

describe("readArbiterHistory", () => {
  test("without an indexer, from the chain: the factory's MetaPools, their claims, times from the blocks", async () => {
    const { client, getContractEvents, getBlock } = fakeChain();
    const { history, source } = await readArbiterHistory(
      { indexerUrl: null, chain: { client, factory: FACTORY, fromBlock: 5n } },
      ARBITER,
    );
    expect(source).toBe("chain");
    expect(history.claims).toEqual([
      { metaPool: POOL, claimId: 0n, filedAt: 1_000n, status: "invalid", resolvedAt: 1_200n },
    ]);
    expect(getContractEvents.mock.calls[0]![0]).toMatchObject({ address: FACTORY, args: { arbiter: ARBITER } });
    expect(getBlock).toHaveBeenCalledTimes(2);
  });

  test("with an indexer, one request and no chain scan", async () => {
    const { client, getContractEvents } = fakeChain();
    const answer = historyToJson({ arbiter: ARBITER, metaPools: [], claims: [] });
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(answer)));
    const { source } = await readArbiterHistory(
      { indexerUrl: "http://indexer", chain: { client, factory: FACTORY, fromBlock: 5n } },
      ARBITER,
      fetchImpl as typeof fetch,
    );
    expect(source).toBe("indexer");
    expect(fetchImpl).toHaveBeenCalledWith(`http://indexer/canopy/arbiter/${ARBITER}`);
    expect(getContractEvents).not.toHaveBeenCalled();
  });

  test("an indexer that does not answer falls back to the chain", async () => {
    const { client } = fakeChain();
    const fetchImpl = vi.fn(async () => new Response("down", { status: 503 }));
    const { source, history } = await readArbiterHistory(
      { indexerUrl: "http://indexer", chain: { client, factory: FACTORY, fromBlock: 5n } },
      ARBITER,
      fetchImpl as typeof fetch,
    );
    expect(source).toBe("chain");
    expect(history.metaPools.map((m) => m.name)).toEqual(["Lending"]);
  });
});
