// Drives the protocol like its users do: creates MetaPools, and sends every kind of transaction through a
// simulation first, so an action the chain would refuse is skipped instead of failing the run.
import { parseUnits, type Address, type Hash } from "viem";
import type { HDAccount } from "viem/accounts";

import { demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import type { Chain, Deployment } from "./chain";

/** A clone answers both facets. */
export const cloneAbi = [...metaPoolAbi, ...metaPoolExtensionAbi] as const;

const WAD_PERCENT = 10n ** 16n;
export const HOUR = 3_600;
export const DAY = 24 * HOUR;

export interface MetaPoolPlan {
  asset: "usd" | "dai";
  creator: number;
  arbiter: number;
  name: string;
  pools: string[];
  arbiterFeeBps: number;
  creatorFeeBps: number;
  /** Percent per year. */
  curve: [baseRate: number, slope1: number, kink: number, slope2: number];
  payoutMultiple: number;
  withdrawalPeriod: number;
  purchaseDelay: number;
  /** Whole tokens. */
  claimBond: number;
  /** Hundredths of a token. */
  minPurchaseCents: number;
}

export interface MarketMetaPool {
  address: Address;
  plan: MetaPoolPlan;
  asset: Address;
  decimals: number;
  creator: Address;
  arbiter: Address;
}

export type Market = Awaited<ReturnType<typeof openMarket>>;

export async function openMarket(chain: Chain, deployment: Deployment) {
  const { client, wallet, testClient, accounts } = chain;
  const addressOf = (i: number) => accounts[i]!.address;
  const sent: Hash[] = [];

  /** Simulates, sends and waits; returns false (and sends nothing) when the chain would revert. */
  async function send(
    from: HDAccount,
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: unknown[],
  ) {
    let request;
    try {
      ({ request } = await client.simulateContract({
        account: from,
        address,
        abi: abi as typeof cloneAbi,
        functionName: functionName as "deposit",
        args: args as [bigint, Address],
      }));
    } catch (error) {
      if (process.env.INDEXER_TEST_DEBUG)
        console.log(`skipped ${functionName}: ${(error as Error).message.split("\n").slice(0, 4).join(" ")}`);
      return false;
    }
    // A fixed limit, not an estimate: a sync's gas depends on the second the transaction lands in.
    const hash = await wallet.writeContract({ ...request, gas: 5_000_000n });
    const receipt = await chain.receipt(hash, functionName);
    if (receipt.status !== "success") throw new Error(`${functionName} reverted after simulating (${hash})`);
    sent.push(hash);
    return true;
  }

  async function warp(seconds: number) {
    await testClient.increaseTime({ seconds });
    await testClient.mine({ blocks: 1 });
  }

  const now = async () => (await client.getBlock({ blockTag: "latest" })).timestamp;

  /** The next block lands in the latest block's second, however long the machine takes to send it (Anvil's
   * clock is the wall clock, and premium keeps accruing with it; Anvil accepts an equal timestamp). */
  async function nextBlockInTheSameSecond() {
    await testClient.setNextBlockTimestamp({ timestamp: await now() });
  }

  // Every account holds both demo assets and has approved nothing yet.
  for (const account of accounts) {
    for (const [token, decimals] of [
      [deployment.usd, 6],
      [deployment.dai, 18],
    ] as const) {
      await send(account, token, demoTokenAbi, "faucet", [parseUnits("1000000", decimals)]);
    }
  }

  const metaPools: MarketMetaPool[] = [];

  async function create(plan: MetaPoolPlan): Promise<MarketMetaPool> {
    const asset = plan.asset === "usd" ? deployment.usd : deployment.dai;
    const decimals = plan.asset === "usd" ? 6 : 18;
    const [baseRate, slope1, kink, slope2] = plan.curve.map((p) => BigInt(Math.round(p * 100)) * (WAD_PERCENT / 100n));
    const params = {
      asset,
      arbiter: addressOf(plan.arbiter),
      name: plan.name,
      protectionStatement: `${plan.name}: pays when a listed protocol loses its depositors' funds to a bug. ${"·".repeat(300)}`,
      pools: plan.pools.map((name, i) => ({ name, description: `${name}, pool ${i} of ${plan.name}` })),
      arbiterFeeBps: plan.arbiterFeeBps,
      creatorFeeBps: plan.creatorFeeBps,
      curve: { baseRate: baseRate!, slope1: slope1!, kink: kink!, slope2: slope2! },
      payoutMultiple: plan.payoutMultiple,
      withdrawalPeriod: plan.withdrawalPeriod,
      purchaseDelay: plan.purchaseDelay,
      claimBond: parseUnits(String(plan.claimBond), decimals),
      minPurchase: parseUnits(String(plan.minPurchaseCents), decimals) / 100n,
    };
    const creator = accounts[plan.creator]!;
    const { request, result } = await client.simulateContract({
      account: creator,
      address: deployment.factory,
      abi: metaPoolFactoryAbi,
      functionName: "createMetaPool",
      args: [params],
    });
    const hash = await wallet.writeContract({ ...request, gas: 5_000_000n });
    await chain.receipt(hash, "createMetaPool");
    sent.push(hash);
    const metaPool = {
      address: result,
      plan,
      asset,
      decimals,
      creator: creator.address,
      arbiter: addressOf(plan.arbiter),
    };
    for (const account of accounts) {
      await send(account, asset, demoTokenAbi, "approve", [result, 2n ** 256n - 1n]);
    }
    metaPools.push(metaPool);
    return metaPool;
  }

  return { chain, deployment, accounts, addressOf, metaPools, sent, send, warp, now, nextBlockInTheSameSecond, create };
}
