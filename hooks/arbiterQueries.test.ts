import type { Address, Client } from "viem";
import { anvil, mainnet } from "viem/chains";
import { describe, expect, test, vi } from "vitest";

import { arbiterRecordQuery, ensNameQuery } from "./queries";
import { onIndexedBlock } from "./refresh";

// ensNameQuery calls viem's standalone getEnsName; here it asks the fake client's method of that name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const ARBITER: Address = "0x1234567890123456789012345678901234567890";

describe("ensNameQuery", () => {
  test("asks nothing on a chain other than Ethereum mainnet", () => {
    const getEnsName = vi.fn();
    const client = { chain: anvil, getEnsName } as unknown as Client;
    expect(typeof ensNameQuery(client, ARBITER).queryFn).toBe("symbol"); // skipToken
    expect(getEnsName).not.toHaveBeenCalled();
  });

  test("asks viem's getEnsName on mainnet", async () => {
    const getEnsName = vi.fn().mockResolvedValue("arbiter.eth");
    const client = { chain: mainnet, getEnsName } as unknown as Client;
    const options = ensNameQuery(client, ARBITER);
    const run = options.queryFn as unknown as () => Promise<string | null>;
    await expect(run()).resolves.toBe("arbiter.eth");
    expect(getEnsName).toHaveBeenCalledWith({ address: ARBITER });
  });
});

describe("arbiterRecordQuery", () => {
  test("from the chain: read once, no timer; under the MetaPools list so any MetaPool write reads it again", () => {
    const options = arbiterRecordQuery({} as Client, ARBITER, null);
    expect(options.refetchInterval).toBe(false);
    expect(options.staleTime).toBeGreaterThanOrEqual(60_000);
    expect(options.queryKey.slice(0, 2)).toEqual(["canopy", "metaPools"]);
    expect(options.queryKey).toContain(ARBITER.toLowerCase());
  });

  test("from the indexer: read again at each block it indexes, no timer; a different key from the chain's answer", () => {
    const fromIndexer = arbiterRecordQuery({} as Client, ARBITER, "http://indexer");
    expect(fromIndexer.refetchInterval).toBe(false);
    expect(fromIndexer.meta).toEqual(onIndexedBlock.meta);
    expect(fromIndexer.queryKey).not.toEqual(arbiterRecordQuery({} as Client, ARBITER, null).queryKey);
  });

  test("no arbiter, no read", () => {
    expect(typeof arbiterRecordQuery({} as Client, undefined, null).queryFn).toBe("symbol");
  });
});
