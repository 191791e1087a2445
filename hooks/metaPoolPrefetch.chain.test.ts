/**
 * The server's read for the MetaPool page against a real chain: what it hands the page is exactly what the browser's
 * reads return, and whenever it cannot answer (not an address, not a MetaPool, an RPC that does not answer in time,
 * an indexer that is down) it answers nothing, so the page reads in the browser as before.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { createPublicClient, http, zeroAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readMetaPool } from "@/lib/reads/metaPools";
import { readTokenMetas } from "@/lib/reads/tokenMetas";
import { accounts, chainContext, chainDriver, publicClient, testChain } from "@/lib/testing/chain/client";
import { createMetaPool } from "@/lib/testing/chain/metaPools";

import { prefetchMetaPool, serverReadClient } from "./metaPoolPrefetch";

describe("prefetchMetaPool (the MetaPool page's server read)", () => {
  const { rpcUrl, deployment } = chainContext();
  let metaPool: Address;
  /** A second MetaPool, read first by the silent-indexer test: the first one's creation log is cached by then. */
  let unread: Address;
  let silent: Server;
  let silentUrl: string;

  beforeAll(async () => {
    const chain = chainDriver(rpcUrl);
    const create = (name: string, protectionStatement: string) =>
      createMetaPool(chain, deployment.metaPoolFactory, accounts[1]!, {
        asset: deployment.demoUsd,
        arbiter: accounts[2]!,
        name,
        protectionStatement,
        pools: [{ name: "Only pool", description: "The one coverage pool." }],
        claimBond: 10n ** 6n,
        minPurchase: 10n ** 6n,
      });
    metaPool = await create("Prefetched MetaPool", "Covers what the server reads before the page's scripts run.");
    unread = await create("Read behind a silent indexer", "Covers a page whose indexer never answers.");
    // An RPC (and an indexer) that accepts requests and never answers them.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    silent.closeAllConnections();
    silent.close();
  });

  it("hands the page the MetaPool and its asset exactly as the browser's reads return them", async () => {
    const before = Date.now();
    // The server's own client: a bare one with the app's batching.
    const snapshot = await prefetchMetaPool(metaPool.toLowerCase(), {
      client: serverReadClient(rpcUrl),
      indexer: null,
    });
    const client = publicClient(rpcUrl);
    const details = await readMetaPool(client, metaPool);
    const metas = await readTokenMetas(client, [deployment.demoUsd]);
    expect(snapshot?.details).toEqual(details);
    expect(snapshot?.details.params.name).toBe("Prefetched MetaPool");
    expect(snapshot?.asset).toEqual(metas[deployment.demoUsd.toLowerCase()]);
    expect(snapshot?.asset).toMatchObject({ symbol: "dUSD", decimals: 6 });
    expect(snapshot?.readAt).toBeGreaterThanOrEqual(before);
  });

  it("reads the creation log from the chain, within its time, when the indexer's hint does not answer", async () => {
    // A busy indexer (Ponder backfilling answers late) costs the hint's share of the wait, not the whole read.
    const snapshot = await prefetchMetaPool(unread, { client: serverReadClient(rpcUrl), indexer: silentUrl });
    expect(snapshot?.details.params.name).toBe("Read behind a silent indexer");
  }, 20_000);

  it("answers nothing for what is not a MetaPool or not an address", async () => {
    const client = publicClient(rpcUrl);
    expect(await prefetchMetaPool(zeroAddress, { client, indexer: null })).toBeUndefined();
    expect(await prefetchMetaPool(deployment.demoUsd, { client, indexer: null })).toBeUndefined();
    expect(await prefetchMetaPool("0x1234", { client, indexer: null })).toBeUndefined();
  });

  it("gives up after its timeout when the RPC does not answer", async () => {
    const client = createPublicClient({ chain: testChain(silentUrl), transport: http(silentUrl, { timeout: 60_000 }) });
    // The transport would wait a minute: only the prefetch's own 300 ms lets this end within the test's 20 s.
    expect(await prefetchMetaPool(metaPool, { client, indexer: null, timeoutMs: 300 })).toBeUndefined();
  }, 20_000);
});
