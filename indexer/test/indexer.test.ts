// The indexer against a real chain: a fresh Anvil (127.0.0.1:8560, or 8561 with PostgreSQL), the protocol deployed,
// a random sequence of every user action (half before Ponder starts, so it backfills; half while it follows the
// chain live), scripted steps for the rarer events, then every table compared with the contracts' views and every
// event with the row it wrote; finally a reorg that the tables must undo.
//   npm run test:indexer                          PGlite (embedded)
//   DATABASE_URL=postgres://… npm run test:indexer:pg   PostgreSQL
// INDEXER_TEST_SEED replays a run; INDEXER_TEST_STEPS sets the number of random actions (default 160);
// INDEXER_TEST_DEBUG=1 prints every action the chain refused (and that was therefore skipped).
import { eq } from "@ponder/client";
import { zeroAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { countHolders } from "../../lib/arbiter/holders";
import { historyFromJson } from "../../lib/arbiter/json";
import { trackRecord } from "../../lib/arbiter/trackRecord";
import type { ArbiterHistory } from "../../lib/arbiter/types";
import { parseCoverHolders } from "../../lib/indexer/holders";
import { nameKey } from "../../lib/indexer/names";
import { emptyHistory, parsePositionHistories } from "../../lib/indexer/positions";
import { readArbiterDesk } from "../../lib/reads/arbiterDesk";
import { readArbiterHistoryFromChain } from "../../lib/reads/arbiterRecord";
import { readPositionHistoryFromLogs } from "../../lib/reads/positionHistory";
import { hasPosition, readAccountPosition } from "../../lib/reads/positions";
import { coverTokenAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../abis";
import * as schema from "../ponder.schema";
import { startChain, type Chain, type Deployment } from "./harness/chain";
import { compareWithChain } from "./harness/compare";
import { cloneAbi, openMarket, type Market } from "./harness/market";
import { startPonder, type Indexer } from "./harness/ponder";
import { actions, PLANS, rng } from "./harness/scenario";

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

  test("each arbiter's history and track record equal the chain's events", async () => {
    await indexer.waitForBlock(Number(await chain.client.getBlockNumber()));
    const sorted = (h: ArbiterHistory) => ({
      ...h,
      arbiter: h.arbiter.toLowerCase(),
      metaPools: h.metaPools.map((m) => ({ ...m, address: m.address.toLowerCase() })),
      claims: h.claims
        .map((c) => ({ ...c, metaPool: c.metaPool.toLowerCase() }))
        .sort((a, b) => a.metaPool.localeCompare(b.metaPool) || Number(a.claimId - b.claimId)),
    });
    const arbiters = [...new Set(market.metaPools.map((m) => m.arbiter))];
    const totals = { ruled: 0, shutdowns: 0, metaPools: 0 };
    for (const arbiter of arbiters) {
      const res = await fetch(`${indexer.url}/canopy/arbiter/${arbiter}`);
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { record: Record<string, unknown> };
      const history = historyFromJson(answer);
      const onChain = await readArbiterHistoryFromChain(chain.client, arbiter, {
        factory: deployment.factory,
        fromBlock: BigInt(deployment.startBlock),
      });
      expect(sorted(history), arbiter).toEqual(sorted(onChain));
      const record = trackRecord(onChain);
      expect(answer.record).toEqual({ ...record, medianTimeToRuling: record.medianTimeToRuling?.toString() ?? null });
      totals.ruled += record.ruled;
      totals.shutdowns += record.shutdowns;
      totals.metaPools += record.metaPools;
    }
    // The scenario ruled claims and shut a MetaPool down, so the comparison covered both.
    expect(totals.ruled).toBeGreaterThan(0);
    expect(totals.shutdowns).toBeGreaterThan(0);
    expect(totals.metaPools).toBe(market.metaPools.length);
    const nobody = await fetch(`${indexer.url}/canopy/arbiter/0x000000000000000000000000000000000000dEaD`);
    expect(((await nobody.json()) as { record: unknown }).record).toMatchObject({ metaPools: 0, claimsFiled: 0 });
    expect((await fetch(`${indexer.url}/canopy/arbiter/not-an-address`)).status).toBe(400);
  });

  test("each arbiter's MetaPools (the desk's list) equal the factory's, in its order", async () => {
    const onChain = await chainViews();
    const arbiters = [...new Set(onChain.map((v) => v.arbiter))];
    expect(arbiters.length).toBeGreaterThan(1);
    for (const arbiter of [...arbiters, "0x000000000000000000000000000000000000dEaD"]) {
      // Any letter case: the address is one account.
      const res = await fetch(`${indexer.url}/canopy/arbiter/${arbiter.toUpperCase().replace("0X", "0x")}/metapools`);
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { metaPools: string[] };
      const expected = onChain.filter((v) => v.arbiter === arbiter.toLowerCase()).map((v) => v.address);
      expect(answer.metaPools, arbiter).toEqual(expected);
    }
    expect((await fetch(`${indexer.url}/canopy/arbiter/0x12/metapools`)).status).toBe(400);
  });

  test("the MetaPools already called a name, whatever its case and surrounding spaces, equal the factory's", async () => {
    // A second MetaPool called "DEX" but for its case and spaces, as a careless creator would name it.
    const twin = await market.create({ ...PLANS.dex, name: "  dex " });
    await indexer.waitForBlock(Number(await chain.client.getBlockNumber()));
    const onChain = await chainViews();
    const named = async (name: string) => {
      const res = await fetch(`${indexer.url}/canopy/metapools/named?name=${encodeURIComponent(name)}`);
      expect(res.status, name).toBe(200);
      return ((await res.json()) as { metaPools: { address: string; name: string }[] }).metaPools;
    };
    for (const name of new Set(onChain.map((v) => v.name))) {
      const expected = onChain
        .filter((v) => nameKey(v.name) === nameKey(name))
        .map(({ address, name }) => ({
          address,
          name,
        }));
      expect(await named(` ${name.toUpperCase()}  `), name).toEqual(expected);
    }
    expect((await named("Dex")).map((m) => m.address)).toContain(twin.address.toLowerCase());
    expect((await named("Dex")).length).toBe(2);
    expect(await named("No MetaPool is called this")).toEqual([]);
    expect((await fetch(`${indexer.url}/canopy/metapools/named?name=%20`)).status).toBe(400);
  });

  test("every account's position read through the indexer's history equals the one read through the events", async () => {
    const head = await chain.client.getBlock({ blockTag: "latest" });
    await indexer.waitForBlock(Number(head.number));
    const seen = { positions: 0, requests: 0, purchases: 0, restarts: 0, openCover: 0, closedCover: 0 };
    for (const account of chain.accounts.map((a) => a.address)) {
      const res = await fetch(`${indexer.url}/canopy/account/${account}/positions`);
      expect(res.status).toBe(200);
      const { indexedBlock, histories } = parsePositionHistories(await res.json());
      expect(indexedBlock).toBeGreaterThanOrEqual(head.number);
      for (const m of market.metaPools) {
        const view = await chain.client.readContract({
          address: m.address,
          abi: metaPoolExtensionAbi,
          functionName: "metaPoolView",
        });
        const fromEvents = await readPositionHistoryFromLogs(
          chain.client,
          view,
          account,
          BigInt(deployment.startBlock),
        );
        const expected = await readAccountPosition(chain.client, view, account, fromEvents, head.timestamp);
        const indexed = histories[m.address.toLowerCase()] ?? emptyHistory;
        const actual = await readAccountPosition(chain.client, view, account, indexed, head.timestamp);
        expect(actual, `${account} in ${m.address}`).toEqual(expected);
        if (!hasPosition(expected)) continue;
        seen.positions++;
        seen.requests += expected.requests.length;
        seen.purchases += expected.purchases.length;
        seen.restarts += expected.purchases.filter((p) => p.restart).length;
        seen.openCover += expected.cover.filter((c) => !c.closed).length;
        seen.closedCover += expected.cover.filter((c) => c.closed).length;
      }
    }
    console.log(`positions compared: ${JSON.stringify(seen)}`);
    // The scenario made every kind of position, so the comparison covered each.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
    // One MetaPool only, and bad input.
    const one = market.metaPools[0]!.address;
    const single = await fetch(`${indexer.url}/canopy/account/${chain.accounts[0]!.address}/positions?metaPool=${one}`);
    expect(Object.keys(parsePositionHistories(await single.json()).histories)).toEqual([one.toLowerCase()]);
    expect((await fetch(`${indexer.url}/canopy/account/0x12/positions`)).status).toBe(400);
    expect((await fetch(`${indexer.url}/canopy/account/${one}/positions?metaPool=x`)).status).toBe(400);
  });

  test("each pool's holders and the arbiter desk's evidence through the indexer equal the chain's logs", async () => {
    // A pending claim to put on the desk, outside the MetaPool the reorg test deposits into.
    let filedIn: (typeof market.metaPools)[number] | undefined;
    for (const m of market.metaPools.slice(1)) {
      const view = await chain.client.readContract({
        address: m.address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      if (view.shutDown || view.pendingClaims > 0n) {
        if (view.pendingClaims > 0n) filedIn = m;
        if (filedIn) break;
        continue;
      }
      const poolId = view.pools.findIndex((p) => p.coverSupply > 0n);
      for (let from = 0; poolId >= 0 && from < 10 && !filedIn; from++) {
        if (await act.fileClaim(m, from, poolId, `desk evidence ${from}: “exploit” in pool ${poolId}`)) filedIn = m;
      }
      if (filedIn) break;
    }
    expect(filedIn, "a MetaPool with a pending claim").toBeDefined();
    await indexer.waitForBlock(Number(await chain.client.getBlockNumber()));
    let pools = 0;
    for (const m of market.metaPools) {
      const view = await chain.client.readContract({
        address: m.address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      const res = await fetch(`${indexer.url}/canopy/metapool/${m.address}/holders`);
      expect(res.status).toBe(200);
      const counted = parseCoverHolders(await res.json());
      for (const [poolId, pool] of view.pools.entries()) {
        if (pool.token === zeroAddress) continue;
        const transfers = await chain.client.getContractEvents({
          address: pool.token,
          abi: coverTokenAbi,
          eventName: "Transfer",
          fromBlock: 0n,
          strict: true,
        });
        expect(counted.get(poolId), `${m.address} pool ${poolId}`).toEqual({
          token: pool.token.toLowerCase(),
          holders: countHolders(transfers.map((t) => t.args)),
        });
        pools++;
      }
      const viaLogs = await readArbiterDesk(chain.client, view, m.arbiter, BigInt(deployment.startBlock));
      const viaIndexer = await readArbiterDesk(
        chain.client,
        view,
        m.arbiter,
        BigInt(deployment.startBlock),
        indexer.url,
      );
      expect(viaIndexer, m.address).toEqual(viaLogs);
      if (m === filedIn) {
        expect(viaIndexer.claims.length).toBeGreaterThan(0);
        expect(viaIndexer.claims.every((c) => c.evidenceVerified && c.filedTx && c.holders !== undefined)).toBe(true);
      }
    }
    expect(pools).toBeGreaterThan(0);
    expect((await fetch(`${indexer.url}/canopy/metapool/0x12/holders`)).status).toBe(400);
  });

  test("each MetaPool's creation block is the block of the factory's MetaPoolCreated for it", async () => {
    const created = await chain.client.getContractEvents({
      address: deployment.factory,
      abi: metaPoolFactoryAbi,
      eventName: "MetaPoolCreated",
      fromBlock: BigInt(deployment.startBlock),
      strict: true,
    });
    expect(created.length).toBe(market.metaPools.length);
    for (const log of created) {
      const res = await fetch(`${indexer.url}/canopy/metapool/${log.args.metaPool}/creation`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        metaPool: log.args.metaPool.toLowerCase(),
        factory: deployment.factory.toLowerCase(),
        createdBlock: log.blockNumber.toString(),
        createdTx: log.transactionHash,
      });
    }
    expect((await fetch(`${indexer.url}/canopy/metapool/${deployment.factory}/creation`)).status).toBe(404);
    expect((await fetch(`${indexer.url}/canopy/metapool/0x12/creation`)).status).toBe(400);
  });

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

/** Every MetaPool of the factory in its order, with its arbiter and name as the contracts answer them. */
async function chainViews(): Promise<{ address: Address; arbiter: string; name: string }[]> {
  const factory = { address: deployment.factory, abi: metaPoolFactoryAbi } as const;
  const count = await chain.client.readContract({ ...factory, functionName: "metaPoolCount" });
  const addresses = await chain.client.readContract({ ...factory, functionName: "metaPools", args: [0n, count] });
  return Promise.all(
    addresses.map(async (address) => {
      const view = await chain.client.readContract({
        address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      return {
        address: address.toLowerCase() as Address,
        arbiter: view.config.arbiter.toLowerCase(),
        name: view.config.name,
      };
    }),
  );
}
