// The indexer against a real chain: a fresh Anvil (127.0.0.1:8560, or 8561 with PostgreSQL), the protocol deployed,
// a random sequence of every user action (half before Ponder starts, so it backfills; half while it follows the
// chain live), scripted steps for the rarer events, then every table compared with the contracts' views and every
// event with the row it wrote, and each endpoint the app reads with what the chain answers (suites/); finally a reorg
// that the tables must undo.
//   npm run test:indexer                          PGlite (embedded)
//   DATABASE_URL=postgres://… npm run test:indexer:pg   PostgreSQL
// INDEXER_TEST_SEED replays a run; INDEXER_TEST_STEPS sets the number of random actions (default 160);
// INDEXER_TEST_DEBUG=1 prints every action the chain refused (and that was therefore skipped).
import { eq } from "@ponder/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import * as schema from "../ponder.schema";
import { startChain, type Chain, type Deployment } from "./harness/chain";
import { compareWithChain } from "./harness/compare";
import { cloneAbi, openMarket, type Market } from "./harness/market";
import { PLANS } from "./harness/plans";
import { startPonder, type Indexer } from "./harness/ponder";
import { rng } from "./harness/rng";
import type { IndexerRun } from "./harness/run";
import { actions } from "./harness/scenario";
import { accountAndPoolEndpointTests } from "./suites/accountAndPoolEndpoints";
import { arbiterEndpointTests } from "./suites/arbiterEndpoints";

const postgres = process.env.DATABASE_URL;
const port = Number(process.env.INDEXER_TEST_PORT ?? (postgres ? 8561 : 8560));
const seed = Number(process.env.INDEXER_TEST_SEED ?? Date.now() % 1_000_000);
const steps = Number(process.env.INDEXER_TEST_STEPS ?? 160);

/** Every event the contracts emit that the indexer keeps (ERC-4626's Deposit repeats Deposited; Approval and
 * Initialized carry nothing the app shows). */
const INDEXED_EVENTS = [
  "MetaPoolCreated",
  "Synced",
  "Deposited",
  "Transfer",
  "ShareEpochClosed",
  "ShareEpochConverted",
  "WithdrawalRequested",
  "WithdrawalCompleted",
  "WithdrawalCancelled",
  "Exited",
  "ProtectionBought",
  "PurchaseMatured",
  "PurchaseRefunded",
  "PurchasesVoided",
  "PurchasesRestarted",
  "ProtectionWithdrawn",
  "CoverEpochOpened",
  "CoverEpochClosed",
  "PayoutRedeemed",
  "ClaimFiled",
  "ClaimResolved",
  "ClaimVoided",
  "FeesClaimed",
  "MetaPoolShutDown",
  "CoverToken:Transfer",
];

const run = {} as IndexerRun;
let chain: Chain;
let deployment: Deployment;
let market: Market;
let indexer: Indexer;
let act: ReturnType<typeof actions>;
let syncedAt: bigint;
const done: Record<string, number> = {};

describe(`indexer on ${postgres ? "PostgreSQL" : "PGlite"} (seed ${seed})`, () => {
  beforeAll(async () => {
    console.log(`indexer test: seed ${seed}, ${steps} random actions, Anvil on ${port}`);
    chain = await startChain(port);
    deployment = await chain.deploy();
    market = await openMarket(chain, deployment);
    act = actions(market);
    await market.create(PLANS.lending);
    await market.create(PLANS.dex);
    const r = rng(seed);
    const randomSteps = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const what = await act.randomAction(r);
        if (what) done[what] = (done[what] ?? 0) + 1;
      }
    };
    await randomSteps(Math.floor(steps / 2));
    // Ponder backfills what happened so far, then follows the chain live.
    indexer = await startPonder({
      rpcUrl: chain.rpcUrl,
      factory: deployment.factory,
      startBlock: deployment.startBlock,
      databaseUrl: postgres,
    });
    await indexer.waitForBlock(undefined, 180_000);
    await randomSteps(steps - Math.floor(steps / 2));
    await act.restartedFreeze(market.metaPools[0]!);
    await act.wipe(await market.create(PLANS.wipe));
    await act.lapse(await market.create(PLANS.lapse));
    await act.sunset(await market.create(PLANS.sunset));
    syncedAt = await act.syncAllInOneBlock();
    await indexer.waitForBlock(Number(syncedAt));
    Object.assign(run, { chain, deployment, market, indexer, act });
    console.log(`random actions done: ${JSON.stringify(done)}; ${market.sent.length} transactions`);
  }, 900_000);

  afterAll(async () => {
    await indexer?.stop();
    await chain?.stop();
  });

  test("every event type happened on the chain", async () => {
    const { events } = await compareWithChain(market, indexer, syncedAt);
    for (const name of INDEXED_EVENTS) expect(events[name] ?? 0, name).toBeGreaterThan(0);
  });

  test("every table equals the contracts, every event its row", async () => {
    const { mismatches, checked } = await compareWithChain(market, indexer, syncedAt);
    console.log(`${checked} values compared`);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(1_000);
  });

  test("the same rows through GraphQL", async () => {
    const data = await indexer.graphql<{ metaPools: { items: { address: string; name: string; capital: string }[] } }>(
      '{ metaPools(orderBy: "index") { items { address name capital } } }',
    );
    const rows = await indexer.db.select().from(schema.metaPool).orderBy(schema.metaPool.index);
    expect(data.metaPools.items.map((m) => [m.address, m.name, String(m.capital)])).toEqual(
      rows.map((m) => [m.address, m.name, m.capital.toString()]),
    );
    // A row's MetaPool through its relation, next to the address column.
    const claims = await indexer.graphql<{
      claims: { items: { metaPool: string; status: string; metaPoolInfo: { name: string } }[] };
    }>("{ claims(limit: 1000) { items { metaPool status metaPoolInfo { name } } } }");
    const names = new Map(rows.map((m) => [m.address, m.name]));
    expect(claims.claims.items.length).toBeGreaterThan(0);
    for (const c of claims.claims.items) expect(c.metaPoolInfo.name).toBe(names.get(c.metaPool as `0x${string}`));
  });

  test("the status endpoint says how far the index is", async () => {
    const head = await chain.client.getBlockNumber();
    const status = await indexer.waitForBlock(Number(head));
    expect(status).toMatchObject({
      chainId: 31337,
      ready: true,
      indexedBlock: Number(head),
      headBlock: Number(head),
      blocksBehind: 0,
    });
  });

  arbiterEndpointTests(run);
  accountAndPoolEndpointTests(run);

  // Last: it rewinds the chain under every table.
  test("a reorg is undone in every table", async () => {
    const lending = market.metaPools[0]!;
    const [fresh, other] = [chain.accounts[10]!.address, chain.accounts[11]!.address];
    const snapshot = await chain.testClient.snapshot();
    const forkPoint = await chain.client.getBlockNumber();

    // The branch that will vanish: a new underwriter, a purchase, a share transfer.
    const sentBefore = market.sent.length;
    expect(await act.deposit(lending, 10, 12_345n * 10n ** 6n)).toBe(true);
    expect(await act.buy(lending, 10, 0, 10n ** 6n * 25n)).toBe(true);
    await market.send(chain.accounts[10]!, lending.address, cloneAbi, "transfer", [other, 1_000n]);
    const orphaned = market.sent.slice(sentBefore);
    const orphanHead = await chain.client.getBlockNumber();
    await indexer.waitForBlock(Number(orphanHead));
    const holder = (account: string) =>
      indexer.db
        .select()
        .from(schema.shareHolder)
        .where(eq(schema.shareHolder.account, account as `0x${string}`));
    expect((await holder(fresh)).length).toBe(1);
    expect((await holder(other)).length).toBe(1);
    const orphanActivity = await indexer.db.select().from(schema.activity).where(eq(schema.activity.tx, orphaned[0]!));
    expect(orphanActivity.length).toBeGreaterThan(0);

    // The chain goes back and grows a longer branch with other transactions.
    await chain.testClient.revert({ id: snapshot });
    expect(await chain.client.getBlockNumber()).toBe(forkPoint);
    expect(await act.deposit(lending, 9, 777n * 10n ** 6n)).toBe(true);
    const syncedOnBranch = await act.syncAllInOneBlock();
    await chain.testClient.mine({ blocks: Number(orphanHead - forkPoint) + 2 });
    const head = await chain.client.getBlockNumber();
    expect(head).toBeGreaterThan(orphanHead);
    await indexer.waitForBlock(Number(head));

    expect(await holder(fresh)).toEqual([]);
    expect(await holder(other)).toEqual([]);
    for (const tx of orphaned) {
      expect(await indexer.db.select().from(schema.activity).where(eq(schema.activity.tx, tx))).toEqual([]);
    }
    const { mismatches } = await compareWithChain(market, indexer, syncedOnBranch);
    expect(mismatches).toEqual([]);
  });
});
