// The scripted part of the indexer test's scenario: stories that make sure every event type happens at least once
// (a restarted freeze, a share-epoch wipe, a lapse, a claim voided by shutdown, exits), and a sync of every MetaPool
// in one block.
import { parseUnits, type Hash } from "viem";

import { demoTokenAbi } from "../../abis";
import { cloneAbi, DAY, HOUR, type Market, type MarketMetaPool } from "./market";
import type { MarketActions } from "./marketActions";

export function scriptedSteps(market: Market, act: MarketActions) {
  const { send, warp, accounts, nextBlockInTheSameSecond, chain } = market;
  const { client } = chain;
  const { read, amount, pool, shares, coverBalance, deposit, buy, poke, fileClaim, resolveFirst } = act;

  /** A deposit the scripted steps rely on: the depositor takes fresh tokens from the faucet first. */
  async function mustDeposit(m: MarketMetaPool, from: number, assets: bigint) {
    await send(accounts[from]!, m.asset, demoTokenAbi, "faucet", [assets]);
    if (!(await deposit(m, from, assets))) throw new Error(`deposit into ${m.plan.name} refused`);
  }

  /** Rules every pending claim of `m` invalid, so the scripted steps start from a MetaPool that takes deposits. */
  async function clearClaims(m: MarketMetaPool) {
    while (await resolveFirst(m, false));
  }

  /** Cover in force in `poolId`, held by `holder` (a deposit, a purchase, its delay, a poke). */
  async function coverIn(m: MarketMetaPool, poolId: number, holder: number, whole: number) {
    await clearClaims(m);
    // Purchases queued ahead of this one mature first and take free capital: deposit for them too.
    const { totalPending } = await read<{ totalPending: bigint }>(m, "metaPoolView");
    await mustDeposit(m, 1, amount(m, whole * 20) + totalPending);
    if (!(await buy(m, holder, poolId, amount(m, whole)))) throw new Error(`could not buy cover in ${m.plan.name}`);
    await warp(m.plan.purchaseDelay + 1);
    // A sync matures 16 due purchases at most: the random actions may have queued more before this one.
    do await poke(m);
    while ((await read<{ dueUnprocessed: bigint }>(m, "metaPoolView")).dueUnprocessed > 0n);
  }

  /**
   * A claim freeze with purchases queued behind it: one comes due during the freeze and its buyer takes it back
   * (a refund of a pending purchase); the other restarts its delay when the claim is rejected.
   */
  async function restartedFreeze(m: MarketMetaPool) {
    await coverIn(m, 0, 8, 1_000);
    if (!(await buy(m, 3, 1, amount(m, 50)))) throw new Error("first queued purchase refused");
    await warp(60);
    if (!(await buy(m, 4, 2, amount(m, 70)))) throw new Error("second queued purchase refused");
    if (!(await fileClaim(m, 8, 0, "sham claim"))) throw new Error("claim refused");
    await warp(m.plan.purchaseDelay + 10);
    const [, next] = await read<[bigint, bigint, bigint]>(m, "purchaseQueue");
    if (!(await send(accounts[3]!, m.address, cloneAbi, "refundPurchase", [next - 2n])))
      throw new Error("frozen refund refused");
    if (!(await resolveFirst(m, false))) throw new Error("ruling refused");
    await warp(m.plan.purchaseDelay + 1);
    await poke(m);
  }

  /** A valid claim takes all the capital: the share epoch closes; requested shares and balances convert to 0. */
  async function wipe(m: MarketMetaPool) {
    await mustDeposit(m, 2, amount(m, 5_000));
    await mustDeposit(m, 7, amount(m, 3_000));
    if (
      !(await send(accounts[7]!, m.address, cloneAbi, "requestWithdrawal", [
        (await shares(m, accounts[7]!.address)) / 2n,
      ]))
    ) {
      throw new Error("request refused");
    }
    await coverIn(m, 0, 8, 100);
    if (!(await buy(m, 6, 0, amount(m, 10)))) throw new Error("pending purchase refused"); // voided by the claim
    if (!(await fileClaim(m, 8, 0, "bridge drained"))) throw new Error("claim refused");
    // Ruled in the claim's second: the payout takes all the capital, but each second of premium debt puts back
    // ~10 base units, which is the wipe threshold here (supply 1e10 / 1e9); a second later no share epoch closed.
    await nextBlockInTheSameSecond();
    if (!(await resolveFirst(m, true))) throw new Error("valid ruling refused");
    // Touching an old-epoch balance converts it (ShareEpochConverted) before the new deposit mints.
    await mustDeposit(m, 2, amount(m, 1_000));
    const [, , pending] = await read<[bigint, bigint, bigint]>(m, "claimQueue");
    if (pending !== 0n) throw new Error("claim still pending");
    const count = await read<bigint>(m, "requestCount");
    await send(accounts[7]!, m.address, cloneAbi, "cancelWithdrawal", [count]);
    const closed = BigInt((await pool(m, 0)).epoch - 1);
    if (!(await send(accounts[8]!, m.address, cloneAbi, "redeemPayout", [0n, closed, accounts[8]!.address]))) {
      throw new Error("redeem refused");
    }
    const [, nextPurchase] = await read<[bigint, bigint, bigint]>(m, "purchaseQueue");
    await send(accounts[6]!, m.address, cloneAbi, "refundPurchase", [nextPurchase - 1n]);
  }

  /** Premium on a huge payout eats a tiny cover within seconds: the epoch lapses at the next sync. */
  async function lapse(m: MarketMetaPool) {
    await mustDeposit(m, 1, amount(m, 900_000));
    if (!(await buy(m, 5, 0, parseUnits("0.01", m.decimals)))) throw new Error("tiny purchase refused");
    // A second holder keeps its tokens of the lapsed epoch: cover of a closed epoch in a portfolio.
    if (!(await buy(m, 6, 0, parseUnits("0.01", m.decimals)))) throw new Error("second tiny purchase refused");
    await warp(m.plan.purchaseDelay + 1);
    await poke(m);
    await warp(HOUR);
    await poke(m);
    if ((await pool(m, 0)).epoch !== 1) throw new Error("the tiny cover did not lapse");
    await send(accounts[5]!, m.address, cloneAbi, "redeemPayout", [0n, 0n, accounts[5]!.address]);
  }

  /** A claim left pending 30 days lets anyone shut the MetaPool down: the claim is voided, everyone leaves. */
  async function sunset(m: MarketMetaPool) {
    await coverIn(m, 1, 9, 500);
    await send(accounts[1]!, m.address, cloneAbi, "requestWithdrawal", [(await shares(m, accounts[1]!.address)) / 4n]);
    if (!(await buy(m, 3, 0, amount(m, 40)))) throw new Error("pending purchase refused");
    if (!(await fileClaim(m, 9, 1, "pending for ever"))) throw new Error("claim refused");
    await warp(30 * DAY + 1);
    if (!(await send(accounts[0]!, m.address, cloneAbi, "shutdown", []))) throw new Error("shutdown refused");
    const count = await read<bigint>(m, "requestCount");
    const request = await read<{ shares: bigint }>(m, "withdrawalRequest", [count]);
    await send(accounts[1]!, m.address, cloneAbi, "completeWithdrawal", [count, request.shares, accounts[1]!.address]);
    await send(accounts[1]!, m.address, cloneAbi, "exit", [
      (await shares(m, accounts[1]!.address)) / 2n,
      accounts[1]!.address,
    ]);
    const [, next] = await read<[bigint, bigint, bigint]>(m, "purchaseQueue");
    await send(accounts[3]!, m.address, cloneAbi, "refundPurchase", [next - 1n]);
    const { token } = await pool(m, 1);
    await send(accounts[9]!, m.address, cloneAbi, "withdrawProtection", [
      1n,
      await coverBalance(token, accounts[9]!.address),
      accounts[9]!.address,
    ]);
    for (const account of [m.arbiter, m.creator, accounts[9]!.address]) {
      await send(accounts.find((a) => a.address === account)!, m.address, cloneAbi, "claimFees", [account]);
    }
  }

  /** Syncs every MetaPool in one block, so views read there equal the stored state. */
  async function syncAllInOneBlock() {
    for (const m of market.metaPools) {
      // More than 16 due purchases: poke works through them in batches first.
      while ((await read<{ dueUnprocessed: bigint }>(m, "metaPoolView")).dueUnprocessed > 0n) await poke(m);
    }
    await chain.testClient.setAutomine(false);
    const hashes: Hash[] = [];
    for (const m of market.metaPools) {
      hashes.push(
        await chain.wallet.writeContract({
          account: accounts[0]!,
          chain: chain.chain,
          address: m.address,
          abi: cloneAbi,
          functionName: "poke",
          args: [16n],
          gas: 5_000_000n,
        }),
      );
    }
    await chain.testClient.mine({ blocks: 1 });
    await chain.testClient.setAutomine(true);
    for (const hash of hashes) await chain.receipt(hash, "poke in one block");
    return (await client.getBlock({ blockTag: "latest" })).number;
  }

  return { clearClaims, restartedFreeze, wipe, lapse, sunset, syncAllInOneBlock };
}
