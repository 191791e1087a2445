// Builds the #14 scale market on a fresh Anvil: SCALE_METAPOOLS MetaPools × 16 coverage pools used by
// SCALE_ACCOUNTS accounts (deposits, purchases, maturities, claims and rulings, withdrawal requests and completions).
// Transactions are signed here and sent without simulation, many to a block: phases are mined apart because each
// depends on the one before (a purchase needs the deposits, a claim needs matured cover).
import { parseUnits, type Address, type Hash } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

import { demoTokenAbi, metaPoolFactoryAbi } from "../abis";
import type { Chain, Deployment } from "../test/harness/chain";
import { cloneAbi, HOUR } from "../test/harness/market";

const MNEMONIC = "test test test test test test test test test test test junk";
const POOLS = 16;
// Small blocks: an indexer fetches each block with its transactions, and a 250-transaction block took Anvil over
// 10 s to answer on this loaded machine.
const PER_BLOCK = 50;
const MAX_UINT = 2n ** 256n - 1n;

export interface ScaleMarket {
  metaPools: { address: Address; decimals: number; arbiter: number }[];
  transactions: number;
  reverted: number;
  seconds: number;
}

export async function buildScaleMarket(
  chain: Chain,
  deployment: Deployment,
  metaPoolCount: number,
  accountCount: number,
  log: (line: string) => void = console.log,
): Promise<ScaleMarket> {
  const started = performance.now();
  const { client, wallet, testClient } = chain;
  const accounts: HDAccount[] = Array.from({ length: accountCount }, (_, addressIndex) =>
    mnemonicToAccount(MNEMONIC, { addressIndex }),
  );
  const nonces = new Map<Address, number>();
  for (const account of accounts) {
    await testClient.setBalance({ address: account.address, value: parseUnits("1000", 18) });
    nonces.set(account.address, await client.getTransactionCount({ address: account.address, blockTag: "pending" }));
  }
  let transactions = 0;
  let reverted = 0;
  let queued: Hash[] = [];

  async function mine() {
    if (queued.length === 0) return;
    await testClient.mine({ blocks: 1 });
    for (const hash of queued) {
      const receipt = await chain.receipt(hash, "scale market");
      if (receipt.status !== "success") {
        if (reverted++ === 0) log(`  first revert: ${await revertReason(hash)}`);
      }
    }
    queued = [];
  }

  /** Why a mined transaction reverted: replayed as a call at its block. */
  async function revertReason(hash: Hash) {
    const tx = await client.getTransaction({ hash });
    try {
      await client.call({ account: tx.from, to: tx.to!, data: tx.input, blockNumber: tx.blockNumber! - 1n });
      return `${hash} (the call succeeds when replayed)`;
    } catch (error) {
      return `${hash}: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}`;
    }
  }

  async function send(from: number, address: Address, abi: readonly unknown[], functionName: string, args: unknown[]) {
    const account = accounts[from]!;
    const nonce = nonces.get(account.address)!;
    nonces.set(account.address, nonce + 1);
    const hash = await wallet.writeContract({
      account,
      chain: chain.chain,
      address,
      abi: abi as typeof cloneAbi,
      functionName: functionName as "deposit",
      args: args as [bigint, Address],
      nonce,
      gas: 2_500_000n,
      maxFeePerGas: parseUnits("1000", 9),
      maxPriorityFeePerGas: 1n,
    });
    queued.push(hash);
    transactions++;
    if (queued.length >= PER_BLOCK) await mine();
  }

  async function phase(name: string, body: () => Promise<void>) {
    const t0 = performance.now();
    const before = transactions;
    await body();
    await mine();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    log(`  ${name}: ${transactions - before} transactions in ${seconds} s (${reverted} reverted so far)`);
  }

  const warp = async (seconds: number) => {
    await testClient.increaseTime({ seconds });
    await testClient.mine({ blocks: 1 });
  };
  const now = async () => (await client.getBlock({ blockTag: "latest" })).timestamp;

  await testClient.setAutomine(false);
  try {
    await phase("faucet", async () => {
      for (let a = 0; a < accountCount; a++) {
        await send(a, deployment.usd, demoTokenAbi, "faucet", [parseUnits("1000000", 6)]);
        await send(a, deployment.dai, demoTokenAbi, "faucet", [parseUnits("1000000", 18)]);
      }
    });

    const metaPools: ScaleMarket["metaPools"] = [];
    await phase(`create ${metaPoolCount} MetaPools × ${POOLS} pools`, async () => {
      for (let i = 0; i < metaPoolCount; i++) {
        const usd = i % 2 === 0;
        const decimals = usd ? 6 : 18;
        const arbiter = (i * 7 + 3) % accountCount;
        const pct = (p: number) => BigInt(p) * 10n ** 16n;
        await send(i % accountCount, deployment.factory, metaPoolFactoryAbi, "createMetaPool", [
          {
            asset: usd ? deployment.usd : deployment.dai,
            arbiter: accounts[arbiter]!.address,
            name: `Scale ${i}`,
            protectionStatement: `Scale ${i}: pays when a listed protocol loses its depositors' funds to a bug.`,
            pools: Array.from({ length: POOLS }, (_, p) => ({ name: `Protocol ${p}`, description: `Pool ${p}` })),
            arbiterFeeBps: 300,
            creatorFeeBps: 200,
            curve: { baseRate: pct(2), slope1: pct(8), kink: pct(80), slope2: pct(100) },
            payoutMultiple: i % 3 === 0 ? 0 : 3,
            withdrawalPeriod: HOUR,
            purchaseDelay: HOUR,
            claimBond: parseUnits("10", decimals),
            minPurchase: parseUnits("1", decimals),
          },
        ]);
        metaPools.push({ address: "0x", decimals, arbiter });
      }
    });
    // Addresses from the receipts' MetaPoolCreated (a clone's address is not known before it is mined).
    const count = await client.readContract({
      address: deployment.factory,
      abi: metaPoolFactoryAbi,
      functionName: "metaPoolCount",
    });
    const addresses = await client.readContract({
      address: deployment.factory,
      abi: metaPoolFactoryAbi,
      functionName: "metaPools",
      args: [0n, count],
    });
    addresses.slice(-metaPoolCount).forEach((address, i) => (metaPools[i]!.address = address));

    const underwriter = (i: number, k: number) => (i * 3 + k) % accountCount;
    const seeker = (i: number, k: number) => (i * 5 + k + 50) % accountCount;
    const whole = (i: number, x: number) => parseUnits(String(x), metaPools[i]!.decimals);
    const assetOf = (i: number) => (i % 2 === 0 ? deployment.usd : deployment.dai);

    await phase("approve and deposit (3 underwriters each)", async () => {
      for (const [i, m] of metaPools.entries()) {
        for (let k = 0; k < 3; k++) {
          const who = underwriter(i, k);
          await send(who, assetOf(i), demoTokenAbi, "approve", [m.address, MAX_UINT]);
          await send(who, m.address, cloneAbi, "deposit", [whole(i, 10_000 + 1_000 * k), accounts[who]!.address]);
        }
      }
    });
    await phase("approve and buy (4 seekers each)", async () => {
      for (const [i, m] of metaPools.entries()) {
        for (let k = 0; k < 4; k++) {
          const who = seeker(i, k);
          await send(who, assetOf(i), demoTokenAbi, "approve", [m.address, MAX_UINT]);
          await send(who, m.address, cloneAbi, "buyProtection", [
            BigInt((i + k) % POOLS),
            whole(i, 50 + 10 * k),
            accounts[who]!.address,
          ]);
        }
      }
    });
    await warp(HOUR + 1);
    await phase("poke (matures every purchase) and request a withdrawal", async () => {
      for (const [i, m] of metaPools.entries()) {
        await send(i % accountCount, m.address, cloneAbi, "poke", [BigInt(POOLS)]);
        await send(underwriter(i, 0), m.address, cloneAbi, "requestWithdrawal", [whole(i, 1_000)]);
      }
    });
    const claimed = metaPools.flatMap((m, i) => (i % 10 === 0 ? [{ m, i }] : []));
    const incident = await now();
    await phase(`file a claim in ${claimed.length} MetaPools`, async () => {
      for (const { m, i } of claimed)
        await send(seeker(i, 0), m.address, cloneAbi, "fileClaim", [BigInt(i % POOLS), incident, `Incident ${i}`]);
    });
    await warp(60);
    await phase("rule on every claim (half valid)", async () => {
      for (const { m, i } of claimed) await send(m.arbiter, m.address, cloneAbi, "resolveClaim", [1n, i % 20 === 0]);
    });
    await warp(HOUR + 1);
    await phase("complete every withdrawal request", async () => {
      for (const [i, m] of metaPools.entries()) {
        const who = underwriter(i, 0);
        // What the contract lets out now: a valid claim takes its share of a request, and cover holds capital back.
        const q = (await client.readContract({
          address: m.address,
          abi: cloneAbi,
          functionName: "previewWithdrawal",
          args: [1n],
        })) as { shares: bigint; assets: bigint; withdrawableNow: bigint };
        if (q.withdrawableNow === 0n) continue;
        const shares = q.withdrawableNow === q.assets ? q.shares : (q.shares * q.withdrawableNow) / q.assets;
        await send(who, m.address, cloneAbi, "completeWithdrawal", [1n, shares, accounts[who]!.address]);
      }
    });
    return { metaPools, transactions, reverted, seconds: (performance.now() - started) / 1000 };
  } finally {
    await testClient.setAutomine(true);
  }
}
