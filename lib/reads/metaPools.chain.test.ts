/**
 * The explore page's fetcher against a real chain: 50 MetaPools of 16 coverage pools each, some with capital,
 * cover in force and purchases pending, read as one page through the app's own transport options while counting
 * the HTTP requests it takes.
 */
import type { Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { abis, accounts, chainContext, chainDriver, publicClient, type ChainDriver } from "@/lib/testing/chain/client";
import { createMetaPool, fund } from "@/lib/testing/chain/metaPools";

import { readMetaPool, readMetaPoolPage } from "./metaPools";
import { rpcTransportOptions } from "./transport";

const METAPOOLS = 50;
const POOLS = 16;
const FUNDED_EVERY = 5; // every 5th MetaPool gets capital, cover and a pending purchase

const metaPoolName = (m: number) => `Chain test MetaPool ${m}`;
const poolName = (m: number, p: number) => `Pool ${m}.${p}`;
const description = (m: number, p: number) =>
  `Coverage pool ${p} of MetaPool ${m}: a description the pool stores only in the event.`;
const statement = (m: number) => `Protection statement of MetaPool ${m}. `.repeat(40);

type RpcCall = { method: string; params: [{ fromBlock: string; toBlock: string }] };

/** A client with the app's transport options that counts the HTTP requests it makes. */
function countingClient(rpcUrl: string, options: object = rpcTransportOptions) {
  const counter = { requests: 0, calls: 0, getLogs: [] as { fromBlock: string; toBlock: string }[] };
  const client = publicClient(rpcUrl, {
    ...options,
    onFetchRequest: async (request) => {
      counter.requests += 1;
      const body = JSON.parse(await request.clone().text()) as RpcCall | RpcCall[];
      const calls = Array.isArray(body) ? body : [body];
      counter.calls += calls.length;
      for (const call of calls)
        if (call.method === "eth_getLogs")
          counter.getLogs.push({ fromBlock: call.params[0].fromBlock, toBlock: call.params[0].toBlock });
    },
  });
  return { client, counter };
}

describe("readMetaPoolPage on a chain with 50 MetaPools × 16 coverage pools", () => {
  const { rpcUrl, deployment } = chainContext();
  let chain: ChainDriver;
  const created: Address[] = [];
  const firstIndex = { value: 0n };
  const [creator, arbiter, underwriter, seeker] = [accounts[1]!, accounts[2]!, accounts[3]!, accounts[4]!];
  const usd = deployment.demoUsd;
  const ONE = 10n ** 6n; // dUSD has 6 decimals (checked below)

  beforeAll(async () => {
    chain = chainDriver(rpcUrl);
    expect(await chain.client.readContract({ address: usd, abi: abis.token, functionName: "decimals" })).toBe(6);
    firstIndex.value = await chain.client.readContract({
      address: deployment.metaPoolFactory,
      abi: abis.factory,
      functionName: "metaPoolCount",
    });
    const started = Date.now();
    await fund(chain, usd, underwriter, 10n * 1_000_000n * ONE);
    await fund(chain, usd, seeker, 1_000_000n * ONE);
    for (let m = 0; m < METAPOOLS; m++) {
      const address = await createMetaPool(chain, deployment.metaPoolFactory, creator, {
        asset: usd,
        arbiter,
        name: metaPoolName(m),
        protectionStatement: statement(m),
        pools: Array.from({ length: POOLS }, (_, p) => ({ name: poolName(m, p), description: description(m, p) })),
        payoutMultiple: m % 3 === 0 ? 0 : 5,
        claimBond: 100n * ONE,
        minPurchase: ONE,
      });
      created.push(address);
      if (m % FUNDED_EVERY !== 0) continue;
      await chain.send(underwriter, usd, abis.token, "approve", [address, 2n ** 256n - 1n]);
      await chain.send(seeker, usd, abis.token, "approve", [address, 2n ** 256n - 1n]);
      await chain.send(underwriter, address, abis.metaPool, "deposit", [BigInt(100_000 + m) * ONE, underwriter]);
      for (const p of [0, 7, 15])
        await chain.send(seeker, address, abis.metaPool, "buyProtection", [
          BigInt(p),
          BigInt(1_000 * (p + 1)) * ONE,
          seeker,
        ]);
    }
    // Past the 1-hour purchase delay: the purchases above are cover now (views project them), premium streams.
    const now = (await chain.latestBlock()).timestamp;
    await chain.setNextTimestamp(now + 2n * 3_600n);
    await chain.mineAt(now + 2n * 3_600n);
    // A purchase still inside its delay in the funded MetaPools.
    for (let m = 0; m < METAPOOLS; m += FUNDED_EVERY) {
      await chain.send(seeker, created[m]!, abis.metaPool, "buyProtection", [3n, 500n * ONE, seeker]);
    }
    console.log(`created ${METAPOOLS} MetaPools × ${POOLS} pools in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("reads the whole page in at most 3 HTTP requests, every pool view with its name", async () => {
    const { client, counter } = countingClient(rpcUrl);
    const started = performance.now();
    const page = await readMetaPoolPage(client, deployment.metaPoolFactory, firstIndex.value, BigInt(METAPOOLS));
    const ms = performance.now() - started;
    console.log(
      `readMetaPoolPage(${METAPOOLS}): ${counter.requests} HTTP requests carrying ${counter.calls} JSON-RPC calls, ${ms.toFixed(0)} ms`,
    );

    expect(counter.requests).toBeLessThanOrEqual(3);
    expect(counter.calls).toBe(2 + METAPOOLS); // count, page, one view per MetaPool: nothing read twice
    expect(page.total).toBe(firstIndex.value + BigInt(METAPOOLS));
    expect(page.metaPools.map((v) => v.metaPool)).toEqual(created);
    page.metaPools.forEach((view, m) => {
      expect(view.config.name).toBe(metaPoolName(m));
      expect(view.pools.map((p) => p.name)).toEqual(Array.from({ length: POOLS }, (_, p) => poolName(m, p)));
    });
    expect(page.metaPools.flatMap((v) => v.pools)).toHaveLength(METAPOOLS * POOLS);
  });

  it("returns non-trivial views: capital, cover in force streaming premium, pending purchases", async () => {
    const { client } = countingClient(rpcUrl);
    const page = await readMetaPoolPage(client, deployment.metaPoolFactory, firstIndex.value, BigInt(METAPOOLS));
    page.metaPools.forEach((view, m) => {
      if (m % FUNDED_EVERY !== 0) {
        expect(view.capital).toBe(0n);
        // Empty pools: no cover, no premium; the rate shown is the curve's base rate (u = 0).
        expect(
          view.pools.every((p) => p.active === 0n && p.premiumSpeed === 0n && p.rate === view.config.curve.baseRate),
        ).toBe(true);
        return;
      }
      // Capital grew by premium (fees split off), cover shrank by it; exact sums are the differential suite's job.
      expect(view.capital).toBeGreaterThan(BigInt(100_000 + m) * ONE);
      for (const p of [0, 7, 15]) {
        const pool = view.pools[p]!;
        expect(pool.active).toBeGreaterThan(0n);
        expect(pool.active).toBeLessThan(BigInt(1_000 * (p + 1)) * ONE);
        expect(pool.coverSupply).toBe(BigInt(1_000 * (p + 1)) * ONE);
        expect(pool.rate).toBeGreaterThan(0n);
        // The speed the projecting sync fixed at its start (SPEC §6), not re-derived from the projected K.
        expect(pool.premiumSpeed).toBeGreaterThan(0n);
      }
      expect(view.pools[3]!.pending).toBe(500n * ONE);
      expect(view.totalPending).toBe(500n * ONE);
      expect(view.queueLength).toBe(1n);
      expect(view.freeCapital).toBe(view.capital - view.totalActive);
    });
  });

  it("pages: an offset inside the list, a limit past its end, an offset past its end", async () => {
    const { client, counter } = countingClient(rpcUrl);
    const tail = await readMetaPoolPage(client, deployment.metaPoolFactory, firstIndex.value + 45n, 20n);
    expect(tail.metaPools.map((v) => v.config.name)).toEqual([45, 46, 47, 48, 49].map(metaPoolName));
    const past = await readMetaPoolPage(client, deployment.metaPoolFactory, firstIndex.value + 60n, 10n);
    expect(past).toEqual({ total: firstIndex.value + 50n, metaPools: [] });
    expect(counter.requests).toBe(3); // the empty page needs no second batch
  });

  it("without batching the same page would take one request per call (what the batch saves)", async () => {
    const { client, counter } = countingClient(rpcUrl, {});
    await readMetaPoolPage(client, deployment.metaPoolFactory, firstIndex.value, BigInt(METAPOOLS));
    console.log(`without batch: ${counter.requests} HTTP requests`);
    expect(counter.requests).toBe(2 + METAPOOLS);
  });

  // Two round trips: the view and the head block in one batch, then the creation event read in block ranges up to
  // that head (a hosted RPC refuses a getLogs over too many blocks, so ranges need the head first).
  it("readMetaPool: the view and the full texts of the creation event, in two HTTP requests", async () => {
    const { client, counter } = countingClient(rpcUrl);
    const m = 35;
    const early: { view: unknown; requests: number }[] = [];
    const details = await readMetaPool(client, created[m]!, {
      factory: deployment.metaPoolFactory,
      fromBlock: BigInt(deployment.startBlock),
      onView: (view) => early.push({ view, requests: counter.requests }),
    });
    expect(counter.requests).toBe(2);
    expect(details.view.metaPool).toBe(created[m]);
    // The view is handed over after the first round trip, before the creation log's.
    expect(early).toEqual([{ view: details.view, requests: 1 }]);
    expect(details.params.name).toBe(metaPoolName(m));
    expect(details.params.protectionStatement).toBe(statement(m));
    expect(details.params.pools).toEqual(
      Array.from({ length: POOLS }, (_, p) => ({ name: poolName(m, p), description: description(m, p) })),
    );
    expect(details.params.arbiter).toBe(arbiter);
    expect(details.view.config.creator).toBe(creator);
    // Defaults from the deployment file of chain 31337 (the test chain's deployment is the committed one).
    const byDefault = await readMetaPool(client, created[m]!);
    expect(byDefault.params).toEqual(details.params);
  });

  // The indexer's creation block (GET /canopy/metapool/:address/creation) as a hint: one getLogs over that one block.
  it("readMetaPool with a creation block: one getLogs over that block; a wrong or failing hint still finds the texts", async () => {
    const options = { factory: deployment.metaPoolFactory, fromBlock: BigInt(deployment.startBlock) };
    const [log] = await chain.client.getContractEvents({
      address: deployment.metaPoolFactory,
      abi: abis.factory,
      eventName: "MetaPoolCreated",
      args: { metaPool: created[36]! },
      fromBlock: options.fromBlock,
      strict: true,
    });
    const block = log!.blockNumber;
    const hinted = countingClient(rpcUrl);
    const details = await readMetaPool(hinted.client, created[36]!, { ...options, creationBlock: async () => block });
    expect(details.params.name).toBe(metaPoolName(36));
    expect(details.params.protectionStatement).toBe(statement(36));
    expect(hinted.counter.getLogs).toEqual([
      { fromBlock: `0x${block.toString(16)}`, toBlock: `0x${block.toString(16)}` },
    ]);

    // The block before (another MetaPool's creation), a hint that fails, one before the start block: the scan answers.
    const cases: [number, () => Promise<bigint | null>][] = [
      [37, async () => block],
      [38, () => Promise.reject(new Error("indexer down"))],
      [39, async () => options.fromBlock - 1n],
      [40, async () => null],
    ];
    for (const [m, creationBlock] of cases) {
      const { client, counter } = countingClient(rpcUrl);
      const found = await readMetaPool(client, created[m]!, { ...options, creationBlock });
      expect(found.params.name).toBe(metaPoolName(m));
      expect(counter.getLogs.map((r) => r.fromBlock)).toContain(`0x${options.fromBlock.toString(16)}`);
    }
  });
});
