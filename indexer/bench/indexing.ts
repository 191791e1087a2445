// How fast the indexer catches up, in numbers for the README (a measurement, not a test with a time limit):
//   1. the seeded demo market (scripts/seed.mjs): backfill time;
//   2. a larger generated market (BENCH_METAPOOLS MetaPools of 8 coverage pools, BENCH_ROUNDS rounds of deposits,
//      purchases, share and cover transfers, maturing): backfill time and events per second;
//   3. live: the delay from a transaction's receipt to its block being indexed.
// PGlite unless DATABASE_URL is set. Anvil on 127.0.0.1:8565 and 8566.
//   npm --prefix indexer run bench
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { parseUnits, type Address, type Hash } from "viem";
import { expect, test } from "vitest";

import { coverTokenAbi } from "../abis";
import { startChain } from "../test/harness/chain";
import { cloneAbi, HOUR, openMarket } from "../test/harness/market";
import { indexerDir } from "../test/harness/ponder";
import { timeBackfill, type BenchRow } from "./backfill";

const repoDir = join(indexerDir, "..");
const databaseUrl = process.env.DATABASE_URL;
const metaPoolCount = Number(process.env.BENCH_METAPOOLS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const results: BenchRow[] = [];

test("the seeded demo market", async () => {
  const chain = await startChain(8565);
  try {
    const deployment = await chain.deploy();
    const committed = JSON.parse(readFileSync(join(repoDir, "lib", "deployments", "31337.json"), "utf8"));
    // scripts/seed.mjs reads the committed addresses, which a fresh Anvil reproduces when deployed in the same order.
    expect(deployment.factory.toLowerCase()).toBe(committed.metaPoolFactory.toLowerCase());
    const seed = spawnSync(process.execPath, ["scripts/seed.mjs", "--rpc", chain.rpcUrl], {
      cwd: repoDir,
      encoding: "utf8",
    });
    expect(seed.status, seed.stderr).toBe(0);
    const { indexer, row } = await timeBackfill("seeded demo", chain, deployment.factory, deployment.startBlock, {
      databaseUrl,
    });
    results.push(row);

    // Live: one deposit at a time, from its receipt to its block indexed.
    const delays: number[] = [];
    const metaPool = (await indexer.db.select().from((await import("../ponder.schema")).metaPool))[0]!;
    const account = chain.accounts[7]!;
    for (let i = 0; i < 30; i++) {
      const hash = await chain.wallet.writeContract({
        account,
        chain: chain.chain,
        address: metaPool.address,
        abi: cloneAbi,
        functionName: "deposit",
        args: [parseUnits("10", metaPool.assetDecimals), account.address],
        gas: 3_000_000n,
      });
      const receipt = await chain.receipt(hash, "deposit");
      const t0 = performance.now();
      await indexer.waitForBlock(Number(receipt.blockNumber));
      delays.push(performance.now() - t0);
    }
    delays.sort((a, b) => a - b);
    results.push({
      market: "live (30 deposits)",
      "median ms": Math.round(delays[15]!),
      "p95 ms": Math.round(delays[28]!),
    });
    await indexer.stop();
  } finally {
    await chain.stop();
  }
}, 1_800_000);

test("a larger generated market", async () => {
  const chain = await startChain(8566, ["--gas-limit", "300000000"]);
  try {
    const deployment = await chain.deploy();
    const market = await openMarket(chain, deployment);
    for (let i = 0; i < metaPoolCount; i++) {
      await market.create({
        asset: i % 2 ? "dai" : "usd",
        creator: i % 10,
        arbiter: (i + 3) % 10,
        name: `Generated ${i}`,
        pools: Array.from({ length: 8 }, (_, p) => `Pool ${p}`),
        arbiterFeeBps: 300,
        creatorFeeBps: 200,
        curve: [2, 8, 80, 100],
        payoutMultiple: i % 3 === 0 ? 0 : 4,
        withdrawalPeriod: HOUR,
        purchaseDelay: HOUR,
        claimBond: 10,
        minPurchaseCents: 100,
      });
    }
    const { client, wallet, testClient, accounts } = chain;
    const send = (
      from: number,
      address: Address,
      abi: typeof cloneAbi | typeof coverTokenAbi,
      functionName: string,
      args: unknown[],
    ) =>
      wallet.writeContract({
        account: accounts[from]!,
        chain: chain.chain,
        address,
        abi: abi as typeof cloneAbi,
        functionName: functionName as "deposit",
        args: args as [bigint, Address],
        gas: 2_000_000n,
      });
    // Rounds of one block each: every MetaPool is poked (maturing the last round's purchases), takes two deposits and
    // three purchases, and its holders move shares and cover.
    await testClient.setAutomine(false);
    for (let round = 0; round < rounds; round++) {
      await testClient.increaseTime({ seconds: HOUR + 1 });
      const hashes: Hash[] = [];
      for (const [i, m] of market.metaPools.entries()) {
        const whole = (x: number) => parseUnits(String(x), m.decimals);
        const who = (k: number) => (round + i + k) % 10;
        hashes.push(await send(who(0), m.address, cloneAbi, "poke", [16n]));
        hashes.push(
          await send(who(1), m.address, cloneAbi, "deposit", [whole(2_000 + round), accounts[who(1)]!.address]),
        );
        hashes.push(await send(who(2), m.address, cloneAbi, "deposit", [whole(1_000), accounts[who(2)]!.address]));
        for (let k = 0; k < 3; k++) {
          hashes.push(
            await send(who(3 + k), m.address, cloneAbi, "buyProtection", [
              BigInt((round + k) % 8),
              whole(20 + k),
              accounts[who(3 + k)]!.address,
            ]),
          );
        }
        if (round > 0)
          hashes.push(await send(who(1), m.address, cloneAbi, "transfer", [accounts[who(2)]!.address, whole(1)]));
        if (round > 1) {
          const { token } = (await client.readContract({
            address: m.address,
            abi: cloneAbi,
            functionName: "pool",
            args: [BigInt((round + 1) % 8)],
          })) as { token: Address };
          const holder = (round - 1 + i + 4) % 10;
          if (token !== "0x0000000000000000000000000000000000000000")
            hashes.push(
              await send(holder, token, coverTokenAbi, "transfer", [accounts[(holder + 1) % 10]!.address, 1n]),
            );
        }
      }
      await testClient.mine({ blocks: 1 });
      for (const hash of hashes) await chain.receipt(hash, "round");
    }
    await testClient.setAutomine(true);
    const { indexer, row } = await timeBackfill(
      `${metaPoolCount} MetaPools × 8 pools, ${rounds} rounds`,
      chain,
      deployment.factory,
      deployment.startBlock,
      { databaseUrl },
    );
    results.push(row);
    await indexer.stop();
  } finally {
    await chain.stop();
  }
  console.table(results);
}, 3_600_000);
