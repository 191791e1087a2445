#!/usr/bin/env node
// `npm run seed`: fills a fresh local chain with a living demo market (scripts/lib/demo-market.mjs), the same
// every time: four MetaPools from four creators, underwriters, cover in force and pending, streamed premiums,
// a pending claim, a valid and an invalid ruling (whose frozen purchase restarts its delay), a shut-down MetaPool,
// and withdrawal requests locked and open.
//   node scripts/seed.mjs [--rpc http://127.0.0.1:8545]
// Needs the contracts deployed (scripts/deploy.mjs). Does nothing on a chain that already has MetaPools, or that
// is not a local chain (id 31337). Moves the chain's clock about four days forward.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { createPublicClient, createTestClient, createWalletClient, defineChain, http, parseUnits } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { demoTokenAbi, metaPoolCloneAbi, metaPoolFactoryAbi } from "./lib/artifacts.mjs";
import { ANVIL_MNEMONIC, METAPOOLS, ROLES } from "./lib/demo-market.mjs";
import { readMarket } from "./lib/market-state.mjs";
import { repoDir } from "./lib/paths.mjs";
import { formatAmount, heading, iso, printSummary, step } from "./lib/seed-log.mjs";

const rpcArg = process.argv.indexOf("--rpc");
const rpcUrl = rpcArg > 0 ? process.argv[rpcArg + 1] : (process.env.RPC_URL ?? "http://127.0.0.1:8545");

// Defined here rather than imported from viem/chains, which takes a second to load.
const localChain = defineChain({
  id: 31_337,
  name: "Anvil",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
const HOUR = 3_600;
const DAY = 24 * HOUR;

const client = createPublicClient({ chain: localChain, transport: http(rpcUrl), pollingInterval: 20 });
const wallet = createWalletClient({ chain: localChain, transport: http(rpcUrl) });
// Time travel through viem's test client, as the app, the journeys and the chain suites do.
const control = createTestClient({ mode: "anvil", chain: localChain, transport: http(rpcUrl) });
const abi = { metaPool: metaPoolCloneAbi(), factory: metaPoolFactoryAbi(), token: demoTokenAbi() };
const accounts = Array.from({ length: 10 }, (_, addressIndex) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }));
const who = (i) => `#${i} ${accounts[i].address.slice(0, 6)}…${accounts[i].address.slice(-4)}`;

/** Simulates, sends and waits for one transaction from Anvil account `from`; returns the function's result. */
async function send(from, address, contractAbi, functionName, args) {
  const { result, request } = await client.simulateContract({
    account: accounts[from],
    address,
    abi: contractAbi,
    functionName,
    args,
  });
  // A fixed limit, not an estimate: a sync's gas depends on the second the transaction lands in, so an estimate
  // made a second earlier can fall short. The heaviest seed transaction (poke) uses about 0.8 M.
  const hash = await wallet.writeContract({ ...request, gas: 3_000_000n });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted (${hash})`);
  return result;
}

const chainTime = async () => (await client.getBlock()).timestamp;

async function warp(seconds, why) {
  await control.increaseTime({ seconds });
  await control.mine({ blocks: 1 });
  const days = Math.floor(seconds / DAY);
  const hours = Math.round((seconds % DAY) / HOUR);
  const span = [days && `${days} d`, hours && `${hours} h`].filter(Boolean).join(" ");
  heading(`⏩ ${span} later (${why}); chain time ${iso(await chainTime())}`);
}

/** One created MetaPool with the helpers the story uses. */
function metaPoolActions(plan, address, token) {
  const amount = (whole) => parseUnits(String(whole), token.decimals);
  const fmt = (whole) => `${Number(whole).toLocaleString("en-US")} ${token.symbol}`;
  const poolId = (name) => {
    const i = plan.pools.findIndex((p) => p.name === name);
    if (i < 0) throw new Error(`${plan.name} has no coverage pool ${name}`);
    return BigInt(i);
  };
  /** Faucet, then approve exactly what the MetaPool will pull. */
  const fund = async (from, whole) => {
    await send(from, token.address, abi.token, "faucet", [amount(whole)]);
    await send(from, token.address, abi.token, "approve", [address, amount(whole)]);
  };
  const act = (from, functionName, args) => send(from, address, abi.metaPool, functionName, args);
  const read = (functionName, args = []) => client.readContract({ address, abi: abi.metaPool, functionName, args });

  return {
    plan,
    address,
    async deposit(from, whole) {
      await fund(from, whole);
      await act(from, "deposit", [amount(whole), accounts[from].address]);
      step(`${plan.name}: ${who(from)} deposits ${fmt(whole)}`);
    },
    async buy(from, pool, whole) {
      await fund(from, whole);
      const id = await act(from, "buyProtection", [poolId(pool), amount(whole), accounts[from].address]);
      const { maturesAt } = await read("purchase", [id]);
      step(`${plan.name}: ${who(from)} buys ${fmt(whole)} of ${pool} cover (#${id}, matures ${iso(maturesAt)})`);
      return id;
    },
    purchase: (id) => read("purchase", [id]),
    async requestWithdrawal(from, percent) {
      const shares = await read("balanceOf", [accounts[from].address]);
      const requested = (shares * BigInt(percent)) / 100n;
      const id = await act(from, "requestWithdrawal", [requested]);
      const { unlockAt, assetsAtRequest } = await read("withdrawalRequest", [id]);
      const what = `${percent}% of its shares, ${formatAmount(assetsAtRequest, token.decimals)} ${token.symbol}`;
      step(`${plan.name}: ${who(from)} requests withdrawal #${id} (${what}), unlocks ${iso(unlockAt)}`);
    },
    async fileClaim(from, pool, hoursAgo, evidence) {
      await fund(from, plan.claimBond);
      const incidentTime = (await chainTime()) - BigInt(hoursAgo * HOUR);
      const id = await act(from, "fileClaim", [poolId(pool), incidentTime, evidence]);
      step(`${plan.name}: ${who(from)} files claim #${id} on ${pool} (bond ${fmt(plan.claimBond)})`);
      return id;
    },
    async resolve(claimId, valid) {
      await act(plan.arbiter, "resolveClaim", [claimId, valid]);
      const outcome = valid
        ? "valid: the payout is redeemable, pending purchases refundable"
        : "invalid: the bond goes to capital";
      step(`${plan.name}: arbiter ${who(plan.arbiter)} rules claim #${claimId} ${outcome}`);
    },
    async shutdown() {
      await act(plan.arbiter, "shutdown", []);
      step(`${plan.name}: arbiter ${who(plan.arbiter)} shuts the MetaPool down (exits and refunds open)`);
    },
    async poke() {
      await act(ROLES.deployer, "poke", [16n]);
    },
  };
}

async function createMetaPools(deployment) {
  const created = {};
  for (const [key, plan] of Object.entries(METAPOOLS)) {
    const tokenAddress = deployment[plan.asset];
    const [decimals, symbol] = await Promise.all([
      client.readContract({ address: tokenAddress, abi: abi.token, functionName: "decimals" }),
      client.readContract({ address: tokenAddress, abi: abi.token, functionName: "symbol" }),
    ]);
    const one = 10n ** BigInt(decimals);
    const params = {
      asset: tokenAddress,
      arbiter: accounts[plan.arbiter].address,
      name: plan.name,
      protectionStatement: plan.protectionStatement,
      pools: plan.pools,
      arbiterFeeBps: plan.arbiterFeeBps,
      creatorFeeBps: plan.creatorFeeBps,
      curve: plan.curve,
      payoutMultiple: plan.payoutMultiple,
      withdrawalPeriod: plan.withdrawalPeriod,
      purchaseDelay: plan.purchaseDelay,
      claimBond: BigInt(plan.claimBond) * one,
      minPurchase: BigInt(plan.minPurchase) * one,
    };
    const address = await send(plan.creator, deployment.metaPoolFactory, abi.factory, "createMetaPool", [params]);
    created[key] = metaPoolActions(plan, address, { address: tokenAddress, decimals, symbol });
    const multiple = plan.payoutMultiple === 0 ? "uncapped payout" : `payout ≤ ${plan.payoutMultiple}× cover`;
    step(
      `${who(plan.creator)} creates "${plan.name}" at ${address} ` +
        `(${symbol}; ${plan.pools.map((p) => p.name).join(", ")}; arbiter ${who(plan.arbiter)}; ${multiple})`,
    );
  }
  return created;
}

/** The story. Each line is one user's action; times are chain time from the first block of the seed. */
async function seedMarket(deployment) {
  const { deployer, lendingCreator, dexCreator, bridgesCreator, underwriter, seeker, vaultsArbiter } = ROLES;

  heading("Day 0: four creators open MetaPools; underwriters deposit; seekers buy cover");
  const { lending, dex, bridges, vaults } = await createMetaPools(deployment);
  await lending.deposit(lendingCreator, 200_000);
  await lending.deposit(underwriter, 300_000);
  await dex.deposit(dexCreator, 300_000);
  await dex.deposit(underwriter, 500_000);
  await bridges.deposit(bridgesCreator, 150_000);
  await bridges.deposit(underwriter, 150_000);
  await vaults.deposit(deployer, 10_000);
  await vaults.deposit(underwriter, 10_000);

  await lending.buy(deployer, "Aave v3", 60_000);
  await lending.buy(seeker, "Compound v3", 40_000);
  await lending.buy(seeker, "Spark", 25_000);
  await dex.buy(deployer, "Uniswap v4", 100_000);
  await dex.buy(seeker, "Curve", 60_000);
  await dex.buy(seeker, "Balancer", 20_000);
  await bridges.buy(vaultsArbiter, "LayerZero", 40_000);
  await bridges.buy(seeker, "Wormhole", 30_000);
  await bridges.buy(deployer, "EigenLayer", 50_000);
  await vaults.buy(seeker, "Yearn v2", 2_000);
  // Unlocks on day 3, so it is open (inside its 7-day window) when the seed ends.
  await lending.requestWithdrawal(underwriter, 15);

  await warp(2 * DAY + HOUR, "every purchase is past its delay");
  for (const m of [lending, dex, bridges, vaults]) await m.poke();
  step("poke(16) on each MetaPool: the purchases mature into cover and premiums start streaming");

  heading("Day 2: two claims are filed; the vaults MetaPool winds down");
  // Bought just before the Compound claim freezes Blue-chip lending: the claim's rejection restarts its delay.
  const frozenPurchase = await lending.buy(deployer, "Spark", 5_000);
  const wormholeClaim = await bridges.fileClaim(
    seeker,
    "Wormhole",
    1,
    "Guardian-signed VAA replayed on Ethereum: 120M wrapped tokens minted without a deposit. Post-mortem and tx: " +
      "https://example.org/wormhole-incident",
  );
  const compoundClaim = await lending.fileClaim(
    seeker,
    "Compound v3",
    5,
    "Several accounts liquidated on the USDC Comet after a sharp ETH drop; I believe the price feed lagged.",
  );
  await vaults.buy(seeker, "Beefy", 1_000);
  await vaults.shutdown();

  await warp(6 * HOUR, "the arbiters weigh the evidence");
  await bridges.resolve(wormholeClaim, true);
  await lending.resolve(compoundClaim, false);
  const { maturesAt: restartedTo } = await lending.purchase(frozenPurchase);
  step(
    `Blue-chip lending: purchase #${frozenPurchase}, frozen by the claim, restarts its delay: matures ${iso(restartedTo)}`,
  );
  // The Wormhole pool opens a new epoch: the MetaPool sells cover again.
  await bridges.buy(vaultsArbiter, "Wormhole", 20_000);

  await warp(2 * DAY, "the new Wormhole cover matures; premiums keep streaming");
  for (const m of [lending, dex, bridges]) await m.poke();
  step("poke(16) on each live MetaPool");

  heading("Day 4: fresh purchases inside their delay; a claim pending on DEX core; a request still locked");
  await lending.buy(vaultsArbiter, "Morpho", 15_000);
  await bridges.buy(deployer, "LayerZero", 10_000);
  await dex.buy(vaultsArbiter, "Uniswap v4", 25_000);
  await lending.requestWithdrawal(lendingCreator, 10);
  await dex.fileClaim(
    seeker,
    "Balancer",
    3,
    "Rounding error in a composable stable pool drained LP funds through batch swaps. Attacker tx and analysis: " +
      "https://example.org/balancer-incident",
  );
}

async function main() {
  const chainId = await client.getChainId();
  if (chainId !== localChain.id) {
    console.log(`Not seeding: chain ${chainId} at ${rpcUrl} is not a local chain (${localChain.id})`);
    return;
  }
  const file = join(repoDir, "lib", "deployments", `${chainId}.json`);
  const deployment = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  const code = deployment && (await client.getCode({ address: deployment.metaPoolFactory }));
  if (!code) throw new Error(`no contracts at ${rpcUrl}: run node scripts/deploy.mjs --rpc ${rpcUrl} first`);
  const count = await client.readContract({
    address: deployment.metaPoolFactory,
    abi: abi.factory,
    functionName: "metaPoolCount",
  });
  if (count > 0n) {
    console.log(`Demo market already seeded (${count} MetaPools at ${rpcUrl}); nothing to do`);
    return;
  }
  await seedMarket(deployment);
  printSummary(await readMarket(client, deployment.metaPoolFactory), accounts);
}

main().catch((err) => {
  console.error(err.shortMessage ?? err.message ?? err);
  process.exit(1);
});
