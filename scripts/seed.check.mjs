#!/usr/bin/env node
// The demo market, checked end to end on a fresh chain: starts a native Anvil on 127.0.0.1:8549
// (SEED_CHECK_PORT), deploys, seeds, seeds again (a no-op), reads the market back from the chain and
// asserts what scripts/lib/demo-market.mjs promises (`SEEDED`). Stops its Anvil at the end.
//   node --test --test-reporter=spec scripts/seed.check.mjs
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { createPublicClient, http } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { chainIdAt, startAnvil, waitForRpc } from "./lib/anvil.mjs";
import { metaPoolCloneAbi } from "./lib/artifacts.mjs";
import { ANVIL_MNEMONIC, METAPOOLS, SEEDED } from "./lib/demo-market.mjs";
import { claimsByStatus, readMarket } from "./lib/market-state.mjs";
import { repoDir } from "./lib/paths.mjs";

const port = Number(process.env.SEED_CHECK_PORT ?? 8549);
const rpcUrl = `http://127.0.0.1:${port}`;
const deploymentFile = join(repoDir, "lib", "deployments", "31337.json");

let anvil;
let committedDeployment;
let deployedDeployment;
let firstSeed;
let market;

const runScript = (script) => {
  const started = Date.now();
  const run = spawnSync(process.execPath, [script, "--rpc", rpcUrl], { cwd: repoDir, encoding: "utf8" });
  return { ...run, seconds: (Date.now() - started) / 1000 };
};
const client = () => createPublicClient({ transport: http(rpcUrl) });
const byName = (name) => market.metaPools.find((m) => m.name === name);

before(
  async () => {
    if ((await chainIdAt(rpcUrl)) !== null) throw new Error(`${rpcUrl} is taken; set SEED_CHECK_PORT`);
    anvil = startAnvil({ port });
    await waitForRpc(rpcUrl);
    committedDeployment = readFileSync(deploymentFile, "utf8");
    const deploy = runScript("scripts/deploy.mjs");
    deployedDeployment = readFileSync(deploymentFile, "utf8");
    // Addresses on a fresh Anvil are deterministic; never leave the committed file changed by this check.
    if (deployedDeployment !== committedDeployment) writeFileSync(deploymentFile, committedDeployment);
    assert.equal(deploy.status, 0, `deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    firstSeed = runScript("scripts/seed.mjs");
    const { metaPoolFactory } = JSON.parse(committedDeployment);
    market = await readMarket(client(), metaPoolFactory);
  },
  { timeout: 600_000 },
); // the deploy compiles the contracts first when they changed

after(async () => {
  if (!anvil || anvil.exitCode !== null) return;
  const exited = new Promise((resolve) => anvil.once("exit", resolve));
  anvil.kill("SIGTERM");
  await exited;
});

test("a fresh deployment lands at the committed addresses", () => {
  assert.equal(deployedDeployment, committedDeployment);
});

test("the seed succeeds, printing each step and a summary, in under 30 s", (t) => {
  assert.equal(firstSeed.status, 0, firstSeed.stderr);
  t.diagnostic(`seeded in ${firstSeed.seconds.toFixed(1)} s`);
  assert.match(firstSeed.stdout, /creates "Blue-chip lending"/);
  assert.match(firstSeed.stdout, /Seeded in [\d.]+ s/);
  assert.ok(firstSeed.seconds < 30, `took ${firstSeed.seconds} s`);
});

test("a second seed sees the market and sends nothing", async () => {
  const blockBefore = await client().getBlockNumber();
  const again = runScript("scripts/seed.mjs");
  assert.equal(again.status, 0, again.stderr);
  assert.equal(await client().getBlockNumber(), blockBefore);
  assert.match(again.stdout, /already seeded \(4 MetaPools/);
});

test("four MetaPools from four creators, each with its own arbiter", () => {
  assert.equal(market.metaPools.length, SEEDED.metaPools);
  assert.deepEqual(
    market.metaPools.map((m) => m.name),
    SEEDED.names,
  );
  assert.equal(new Set(market.metaPools.map((m) => m.creator)).size, SEEDED.metaPools);
  assert.equal(new Set(market.metaPools.map((m) => m.arbiter)).size, SEEDED.metaPools);
  assert.equal(new Set(market.metaPools.map((m) => m.payoutMultiple)).size, SEEDED.metaPools, "payout multiples");
});

test("exactly one MetaPool is shut down; the others stay live", () => {
  assert.deepEqual(
    market.metaPools.filter((m) => m.shutDown).map((m) => m.name),
    SEEDED.shutDown,
  );
  const shut = byName(SEEDED.shutDown[0]);
  assert.ok(shut.refundable > 0n, "the purchase pending at shutdown is refundable");
});

test("claims by status: one pending, one valid, one invalid", () => {
  assert.deepEqual(claimsByStatus(market), SEEDED.claims);
  for (const [expected, status] of [
    [SEEDED.pendingClaim, "pending"],
    [SEEDED.validClaim, "valid"],
    [SEEDED.invalidClaim, "invalid"],
  ]) {
    const claims = byName(expected.metaPool).claims.filter((c) => c.status === status);
    assert.deepEqual(
      claims.map((c) => c.pool),
      [expected.pool],
      `${status} claim in ${expected.metaPool}`,
    );
  }
  const dex = byName(SEEDED.pendingClaim.metaPool);
  assert.equal(dex.pendingClaims, 1);
  assert.equal(dex.pools.find((p) => p.name === SEEDED.pendingClaim.pool).pendingClaimId, 1n);
});

test("after the valid claim the payout is redeemable and the pool sells cover again", () => {
  const bridges = byName(SEEDED.validClaim.metaPool);
  assert.ok(bridges.redeemable > 0n, "the closed epoch has a payout to redeem");
  const pool = bridges.pools.find((p) => p.name === SEEDED.validClaim.pool);
  assert.equal(pool.epoch, 1);
  assert.ok(pool.active > 0n, "a purchase made after the ruling is cover now");
});

test("purchases still inside their delay, one in each live MetaPool", () => {
  const live = market.metaPools.filter((m) => !m.shutDown);
  assert.equal(
    market.metaPools.reduce((n, m) => n + m.pendingPurchases, 0),
    SEEDED.pendingPurchases,
  );
  for (const m of live) {
    assert.equal(m.pendingPurchases, 1, m.name);
    assert.ok(m.totalPending > 0n, m.name);
    assert.ok(m.totalActive > 0n, `${m.name} has cover in force, premiums streaming`);
  }
});

test("withdrawal requests: one still locked, one open inside its window", () => {
  const states = market.metaPools.flatMap((m) => m.requests.map((r) => r.state));
  assert.equal(states.filter((s) => s === "waiting").length, SEEDED.withdrawalRequests.waiting);
  assert.equal(states.filter((s) => s === "matured").length, SEEDED.withdrawalRequests.matured);
  assert.equal(states.length, SEEDED.withdrawalRequests.waiting + SEEDED.withdrawalRequests.matured);
});

test("the purchase frozen by the rejected claim restarted its delay and matured a full delay after the ruling", async () => {
  const { metaPool, pool, buyer } = SEEDED.restartedPurchase;
  const lending = byName(metaPool);
  const address = lending.address;
  const abi = metaPoolCloneAbi();
  const events = (eventName) => client().getContractEvents({ address, abi, eventName, fromBlock: 0n, strict: true });
  const [restarts, bought, resolved] = await Promise.all([
    events("PurchasesRestarted"),
    events("ProtectionBought"),
    events("ClaimResolved"),
  ]);
  const poolId = lending.pools.findIndex((p) => p.name === pool);
  const buyerAddress = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: buyer }).address;
  const purchases = bought.filter((e) => e.args.poolId === poolId && e.args.buyer === buyerAddress);
  assert.equal(purchases.length, 1, `one purchase in ${pool} by account #${buyer}`);
  const [purchase] = purchases;
  const id = purchase.args.purchaseId;
  // One freeze ended with queued purchases: the invalid ruling, in the same transaction.
  assert.equal(restarts.length, 1);
  const [restart] = restarts;
  assert.ok(
    restart.args.fromId <= id && id < restart.args.toId,
    `purchase #${id} in [${restart.args.fromId}, ${restart.args.toId})`,
  );
  const ruling = resolved.find((e) => e.transactionHash === restart.transactionHash);
  assert.ok(ruling && ruling.args.valid === false, "the freeze ended with the invalid ruling");
  const claim = await client().readContract({ address, abi, functionName: "claim", args: [ruling.args.claimId] });
  const delay = METAPOOLS.lending.purchaseDelay;
  assert.equal(restart.args.maturesAt, claim.resolvedAt + delay);
  // Matured (status 2) in full at the restarted time, stored as its maturesAt: later than it was bought to.
  const record = await client().readContract({ address, abi, functionName: "purchase", args: [id] });
  assert.equal(record.status, 2);
  assert.equal(record.accepted, record.amount);
  assert.equal(record.maturesAt, claim.resolvedAt + delay);
  assert.ok(record.maturesAt > purchase.args.maturesAt, "matured later than it was bought to");
  const [matured] = await client().getContractEvents({
    address,
    abi,
    eventName: "PurchaseMatured",
    args: { purchaseId: id },
    fromBlock: 0n,
    strict: true,
  });
  assert.equal(matured.args.maturedAt, claim.resolvedAt + delay);
});
