// A MetaPool's past through the indexer against the chain: after a seeded random sequence of user actions (half
// backfilled, half followed live) and the scripted rarer ones (a rejected claim, a share-epoch wipe with a cancel
// that burns shares, a claim voided by shutdown), each MetaPool's /claims, its /history's share prices and its
// /repricing answers are compared with what the app derives from the MetaPool's whole log (lib/history deriveClaims,
// lib/economics sharePriceHistory, coverStartedAt and repricingReasons), the page's fallback without the indexer.
//   METAPOOL_PAST_TEST_SEED replays a run; METAPOOL_PAST_TEST_STEPS sets the random actions (default 100);
//   METAPOOL_PAST_TEST_PORT the Anvil port (default 8562, 8563 with DATABASE_URL).
import { parseEventLogs, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { coverStartedAt, repricingReasons } from "../../lib/economics/repricingEvents";
import { sharePriceHistory } from "../../lib/economics/sharePrice";
import { deriveClaims } from "../../lib/history/claims";
import { metaPoolEventsAbi, type MetaPoolLog } from "../../lib/history/events";
import { parseClaims } from "../../lib/indexer/claims";
import { parseHistory, sharePricesFromSnapshots } from "../../lib/indexer/history";
import { parseRepricing } from "../../lib/indexer/repricing";
import { startChain, type Chain, type Deployment } from "./harness/chain";
import { cloneAbi, DAY, openMarket, type Market, type MarketMetaPool } from "./harness/market";
import { ACTORS, PLANS } from "./harness/plans";
import { startPonder, type Indexer } from "./harness/ponder";
import { rng } from "./harness/rng";
import { actions } from "./harness/scenario";

const postgres = process.env.DATABASE_URL;
const port = Number(process.env.METAPOOL_PAST_TEST_PORT ?? (postgres ? 8563 : 8562));
const seed = Number(process.env.METAPOOL_PAST_TEST_SEED ?? Date.now() % 1_000_000);
const steps = Number(process.env.METAPOOL_PAST_TEST_STEPS ?? 100);

let chain: Chain;
let deployment: Deployment;
let market: Market;
let indexer: Indexer;

/** The MetaPool's whole log, decoded, each event with its block's time: what the app reads without the indexer. */
async function chainLogs(m: MarketMetaPool, toBlock: bigint): Promise<MetaPoolLog[]> {
  const raw = await chain.client.getLogs({ address: m.address, fromBlock: BigInt(deployment.startBlock), toBlock });
  const decoded = parseEventLogs({ abi: metaPoolEventsAbi, logs: raw });
  const times = new Map<bigint, bigint>();
  for (const block of new Set(decoded.map((l) => l.blockNumber))) {
    times.set(block, (await chain.client.getBlock({ blockNumber: block })).timestamp);
  }
  return decoded.map((l) => ({ ...l, timestamp: times.get(l.blockNumber)! }) as unknown as MetaPoolLog);
}

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${indexer.url}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

describe(`a MetaPool's past from the indexer on ${postgres ? "PostgreSQL" : "PGlite"} (seed ${seed})`, () => {
  const logsOf = new Map<Address, MetaPoolLog[]>();

  beforeAll(async () => {
    console.log(`MetaPool past test: seed ${seed}, ${steps} random actions, Anvil on ${port}`);
    chain = await startChain(port);
    deployment = await chain.deploy();
    market = await openMarket(chain, deployment);
    const act = actions(market);
    await market.create(PLANS.lending);
    await market.create(PLANS.dex);
    const r = rng(seed);
    const randomSteps = async (n: number) => {
      for (let i = 0; i < n; i++) await act.randomAction(r);
    };
    await randomSteps(Math.floor(steps / 2));
    indexer = await startPonder({
      rpcUrl: chain.rpcUrl,
      factory: deployment.factory,
      startBlock: deployment.startBlock,
      databaseUrl: postgres,
    });
    await indexer.waitForBlock(undefined, 180_000);
    await randomSteps(steps - Math.floor(steps / 2));
    const lending = market.metaPools[0]!;
    await act.restartedFreeze(lending);
    // A request cancelled after premium raised the share price burns the shares it would gain.
    const [underwriter] = [chain.accounts[1]!];
    const shares = await act.shares(lending, underwriter.address);
    const requested = await market.send(underwriter, lending.address, cloneAbi, "requestWithdrawal", [shares / 4n]);
    if (!requested) throw new Error("request refused");
    await market.warp(DAY);
    await act.poke(lending);
    const requestId = await act.read<bigint>(lending, "requestCount");
    if (!(await market.send(underwriter, lending.address, cloneAbi, "cancelWithdrawal", [requestId])))
      throw new Error("cancel refused");
    // A claim left pending: its cover holder from the freeze above files it.
    if (!(await act.fileClaim(lending, 8, 0, "still waiting for the arbiter"))) throw new Error("claim refused");
    await act.wipe(await market.create(PLANS.wipe));
    await act.sunset(await market.create(PLANS.sunset));
    const head = await act.syncAllInOneBlock();
    await indexer.waitForBlock(Number(head));
    for (const m of market.metaPools) logsOf.set(m.address, await chainLogs(m, head));
  }, 900_000);

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
  });

  test("each MetaPool's claims equal those its events tell, rulings and voids included", async () => {
    const statuses = new Set<string>();
    for (const m of market.metaPools) {
      const indexed = parseClaims(await get(`/canopy/metapool/${m.address}/claims`));
      const onChain = deriveClaims(logsOf.get(m.address)!);
      expect(indexed, m.plan.name).toEqual(onChain);
      for (const c of onChain) statuses.add(c.status);
    }
    expect([...statuses].sort()).toEqual(["invalid", "pending", "valid", "voided"]);
    expect((await fetch(`${indexer.url}/canopy/metapool/0x12/claims`)).status).toBe(400);
  });

  test("each MetaPool's share price history equals the replay of its events, wipes and burning cancels included", async () => {
    let epochsClosed = 0;
    let burns = 0;
    for (const m of market.metaPools) {
      const points = parseHistory(await get(`/canopy/metapool/${m.address}/history`));
      const logs = logsOf.get(m.address)!;
      expect(sharePricesFromSnapshots(points), m.plan.name).toEqual(sharePriceHistory(logs));
      epochsClosed += logs.filter((l) => l.eventName === "ShareEpochClosed").length;
      burns += logs.filter((l) => l.eventName === "WithdrawalCancelled" && l.args.sharesBurned > 0n).length;
    }
    expect(epochsClosed).toBeGreaterThan(0);
    expect(burns).toBeGreaterThan(0);
  });

  test("each holding's cover start and the reasons its price moved equal lib/economics on the events", async () => {
    let started = 0;
    let reasons = 0;
    for (const m of market.metaPools) {
      const logs = logsOf.get(m.address)!;
      const times = [...new Set(logs.map((l) => Number(l.timestamp)))].sort((a, b) => a - b);
      const epochs = Math.max(0, ...logs.flatMap((l) => (l.eventName === "CoverEpochOpened" ? [l.args.epoch] : [])));
      for (let poolId = 0; poolId < m.plan.pools.length; poolId++) {
        for (let i = 0; i < ACTORS; i++) {
          const account = chain.accounts[i]!.address;
          for (let epoch = 0; epoch <= epochs; epoch++) {
            const path = `/canopy/metapool/${m.address}/repricing?pool=${poolId}&account=${account}&epoch=${epoch}`;
            const answer = parseRepricing(await get(path));
            const since = coverStartedAt(logs, account, poolId, epoch);
            expect(answer.since, path).toBe(since);
            expect(answer.reasons, path).toEqual(since === undefined ? [] : repricingReasons(logs, since, poolId));
            if (since !== undefined) started++;
          }
        }
        // Since a few times: before everything, each quarter of the past, the last second.
        for (const at of [0, ...[0.25, 0.5, 0.75].map((f) => times[Math.floor(f * times.length)]!), times.at(-1)!]) {
          const path = `/canopy/metapool/${m.address}/repricing?pool=${poolId}&since=${at}`;
          const answer = parseRepricing(await get(path));
          expect(answer, path).toEqual({ since: at, reasons: repricingReasons(logs, at, poolId) });
          reasons += answer.reasons.length;
        }
      }
    }
    expect(started).toBeGreaterThan(0);
    expect(reasons).toBeGreaterThan(0);
    const bad = await fetch(`${indexer.url}/canopy/metapool/${market.metaPools[0]!.address}/repricing?pool=0`);
    expect(bad.status).toBe(400);
  });
});
