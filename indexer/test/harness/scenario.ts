// The protocol actions the indexer test runs: a random sequence (seeded, reproducible) over every user action, and
// a scripted part that makes sure every event type happens at least once (a restarted freeze, a share-epoch wipe,
// a lapse, a claim voided by shutdown, exits).
import { parseUnits, zeroAddress, type Address, type Hash } from "viem";

import { coverTokenAbi, demoTokenAbi } from "../../abis";
import { cloneAbi, DAY, HOUR, type Market, type MarketMetaPool, type MetaPoolPlan } from "./market";

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** floor(x × a random fraction in [lo, hi]), at least 1 when x > 0. */
  const part = (x: bigint, lo = 0.05, hi = 1): bigint => {
    if (x === 0n) return 0n;
    const f = BigInt(Math.floor((lo + next() * (hi - lo)) * 1_000_000));
    const y = (x * f) / 1_000_000n;
    return y === 0n ? 1n : y > x ? x : y;
  };
  return { next, int, pick, part };
}
export type Rng = ReturnType<typeof rng>;

export const PLANS: Record<"lending" | "dex" | "wipe" | "lapse" | "sunset", MetaPoolPlan> = {
  lending: {
    asset: "usd",
    creator: 1,
    arbiter: 4,
    name: "Lending",
    pools: ["Aave", "Compound", "Spark"],
    arbiterFeeBps: 500,
    creatorFeeBps: 500,
    curve: [2, 8, 80, 100],
    payoutMultiple: 0,
    withdrawalPeriod: HOUR,
    purchaseDelay: HOUR,
    claimBond: 10,
    minPurchaseCents: 100,
  },
  dex: {
    asset: "dai",
    creator: 2,
    arbiter: 2, // arbiter and creator are one account: one fee balance
    name: "DEX",
    pools: ["Uniswap", "Curve"],
    arbiterFeeBps: 300,
    creatorFeeBps: 200,
    curve: [5, 20, 70, 150],
    payoutMultiple: 3,
    withdrawalPeriod: 2 * HOUR,
    purchaseDelay: 2 * HOUR,
    claimBond: 5,
    minPurchaseCents: 100,
  },
  wipe: {
    asset: "usd",
    creator: 3,
    arbiter: 5,
    name: "Single bridge",
    pools: ["Bridge"],
    arbiterFeeBps: 0,
    creatorFeeBps: 250,
    curve: [3, 10, 75, 80],
    payoutMultiple: 0,
    withdrawalPeriod: HOUR,
    purchaseDelay: HOUR,
    claimBond: 1,
    minPurchaseCents: 1,
  },
  lapse: {
    asset: "usd",
    creator: 0,
    arbiter: 6,
    name: "Tiny cover",
    pools: ["Vault", "Oracle"],
    arbiterFeeBps: 1_000,
    creatorFeeBps: 0,
    curve: [2, 8, 80, 100],
    payoutMultiple: 0,
    withdrawalPeriod: HOUR,
    purchaseDelay: HOUR,
    claimBond: 1,
    minPurchaseCents: 1,
  },
  sunset: {
    asset: "dai",
    creator: 9,
    arbiter: 7,
    name: "Sunset",
    pools: ["Yearn", "Beefy"],
    arbiterFeeBps: 200,
    creatorFeeBps: 300,
    curve: [4, 12, 60, 200],
    payoutMultiple: 10,
    withdrawalPeriod: HOUR,
    purchaseDelay: 3 * HOUR,
    claimBond: 2,
    minPurchaseCents: 50,
  },
};

/** Accounts 0..9 act; 10 and 11 stay fresh for the reorg test. */
export const ACTORS = 10;

export function actions(market: Market) {
  const { chain, send, warp, now, nextBlockInTheSameSecond, accounts } = market;
  const { client } = chain;
  const read = <T>(m: MarketMetaPool, functionName: string, args: unknown[] = []) =>
    client.readContract({
      address: m.address,
      abi: cloneAbi,
      functionName: functionName as "capital",
      args: args as [],
    }) as Promise<T>;
  const amount = (m: MarketMetaPool, whole: number) => parseUnits(String(whole), m.decimals);

  type PoolView = { token: Address; epoch: number; active: bigint; coverSupply: bigint; pendingClaimId: bigint };
  const pool = (m: MarketMetaPool, poolId: number) => read<PoolView>(m, "pool", [BigInt(poolId)]);
  const shares = (m: MarketMetaPool, who: Address) => read<bigint>(m, "balanceOf", [who]);
  const coverBalance = (token: Address, who: Address) =>
    token === zeroAddress
      ? Promise.resolve(0n)
      : (client.readContract({
          address: token,
          abi: coverTokenAbi,
          functionName: "balanceOf",
          args: [who],
        }) as Promise<bigint>);

  const deposit = (m: MarketMetaPool, from: number, assets: bigint, to = from) =>
    send(accounts[from]!, m.address, cloneAbi, "deposit", [assets, accounts[to]!.address]);
  const buy = (m: MarketMetaPool, from: number, poolId: number, assets: bigint, to = from) =>
    send(accounts[from]!, m.address, cloneAbi, "buyProtection", [BigInt(poolId), assets, accounts[to]!.address]);
  const poke = (m: MarketMetaPool, from = 0) => send(accounts[from]!, m.address, cloneAbi, "poke", [16n]);
  const fileClaim = async (m: MarketMetaPool, from: number, poolId: number, evidence: string) =>
    send(accounts[from]!, m.address, cloneAbi, "fileClaim", [BigInt(poolId), await now(), evidence]);
  const resolveFirst = async (m: MarketMetaPool, valid: boolean) => {
    const [first, , pending] = await read<[bigint, bigint, bigint]>(m, "claimQueue");
    if (pending === 0n) return false;
    return send(accounts.find((a) => a.address === m.arbiter)!, m.address, cloneAbi, "resolveClaim", [first, valid]);
  };
  /** An actor whose `balanceOf` is positive (a random one when `r` is given, else the first), or -1. */
  const actorHolding = async (balanceOf: (who: Address) => Promise<bigint>, r?: Rng) => {
    const holders = [];
    for (let i = 0; i < ACTORS; i++) if ((await balanceOf(accounts[i]!.address)) > 0n) holders.push(i);
    if (holders.length === 0) return -1;
    return r ? r.pick(holders) : holders[0]!;
  };
  const holderOf = (_m: MarketMetaPool, token: Address, r?: Rng) => actorHolding((who) => coverBalance(token, who), r);
  const shareHolder = (r: Rng, m: MarketMetaPool) => actorHolding((who) => shares(m, who), r);

  /** One random user action; false when nothing applicable was found or the chain would refuse it. */
  async function randomAction(r: Rng): Promise<string | false> {
    const m = r.pick(market.metaPools);
    const who = r.int(0, ACTORS - 1);
    const me = accounts[who]!.address;
    const other = (who + r.int(1, ACTORS - 1)) % ACTORS;
    const poolId = r.int(0, m.plan.pools.length - 1);
    const roll = r.next();
    if (roll < 0.14)
      return (await deposit(m, who, amount(m, r.int(500, 40_000)), r.next() < 0.2 ? other : who)) && "deposit";
    if (roll < 0.3) {
      const { capacity } = await read<{ capacity: bigint }>(m, "previewBuy", [BigInt(poolId), 1n]);
      const assets = r.part(capacity, 0.02, 0.4);
      return (await buy(m, who, poolId, assets, r.next() < 0.2 ? other : who)) && "buy";
    }
    if (roll < 0.42) {
      await warp(r.int(10 * 60, Math.floor(1.5 * m.plan.purchaseDelay)));
      return (await poke(r.pick(market.metaPools), who)) && "warp+poke";
    }
    if (roll < 0.5) {
      const holder = await shareHolder(r, m);
      if (holder < 0) return false;
      const balance = await shares(m, accounts[holder]!.address);
      return (
        (await send(accounts[holder]!, m.address, cloneAbi, "requestWithdrawal", [r.part(balance, 0.1, 0.6)])) &&
        "request"
      );
    }
    if (roll < 0.58) {
      const count = await read<bigint>(m, "requestCount");
      if (count === 0n) return false;
      const id = BigInt(r.int(1, Number(count)));
      const request = await read<{ owner: Address; shares: bigint; unlockAt: number }>(m, "withdrawalRequest", [id]);
      if (request.owner === zeroAddress || request.shares === 0n) return false;
      const owner = accounts.findIndex((a) => a.address === request.owner);
      if (r.next() < 0.25)
        return (await send(accounts[owner]!, m.address, cloneAbi, "cancelWithdrawal", [id])) && "cancel";
      const wait = request.unlockAt - Number(await now());
      if (wait > 0) await warp(wait + 1);
      const part = r.next() < 0.5 ? request.shares : r.part(request.shares, 0.2, 0.8);
      return (
        (await send(accounts[owner]!, m.address, cloneAbi, "completeWithdrawal", [
          id,
          part,
          accounts[r.next() < 0.7 ? owner : other]!.address,
        ])) && "complete"
      );
    }
    if (roll < 0.64) {
      const { token } = await pool(m, poolId);
      const holder = await holderOf(m, token, r);
      if (holder < 0) return false;
      const balance = await coverBalance(token, accounts[holder]!.address);
      const to = accounts[r.next() < 0.8 ? holder : other]!.address;
      return (
        (await send(accounts[holder]!, m.address, cloneAbi, "withdrawProtection", [
          BigInt(poolId),
          r.part(balance, 0.1, 1),
          to,
        ])) && "withdrawProtection"
      );
    }
    if (roll < 0.7) {
      const { token } = await pool(m, poolId);
      const filer = await holderOf(m, token, r);
      if (filer < 0) return false;
      const evidence =
        r.next() < 0.5 ? "https://example.org/post-mortem" : `Exploit tx and trace: ${"x".repeat(r.int(0, 900))}`;
      return (await fileClaim(m, filer, poolId, evidence)) && "fileClaim";
    }
    if (roll < 0.77) return (await resolveFirst(m, r.next() < 0.3)) && "resolveClaim";
    if (roll < 0.81) {
      const chosen = r.pick([m.arbiter, m.creator, me]);
      const account = accounts.find((a) => a.address === chosen)!;
      return (await send(account, m.address, cloneAbi, "claimFees", [account.address])) && "claimFees";
    }
    if (roll < 0.87) {
      const holder = await shareHolder(r, m);
      if (holder < 0) return false;
      const balance = await shares(m, accounts[holder]!.address);
      return (
        (await send(accounts[holder]!, m.address, cloneAbi, "transfer", [accounts[other]!.address, r.part(balance)])) &&
        "transferShares"
      );
    }
    if (roll < 0.92) {
      const { token } = await pool(m, poolId);
      const holder = await holderOf(m, token, r);
      if (holder < 0) return false;
      const balance = await coverBalance(token, accounts[holder]!.address);
      return (
        (await send(accounts[holder]!, token, coverTokenAbi, "transfer", [
          accounts[other]!.address,
          r.part(balance),
        ])) && "transferCover"
      );
    }
    if (roll < 0.97) {
      const [, next] = await read<[bigint, bigint, bigint]>(m, "purchaseQueue");
      if (next <= 1n) return false;
      const id = BigInt(r.int(1, Number(next) - 1));
      const p = await read<{ buyer: Address }>(m, "purchase", [id]);
      const buyer = accounts.find((a) => a.address === p.buyer)!;
      return (await send(buyer, m.address, cloneAbi, "refundPurchase", [id])) && "refund";
    }
    const { epoch } = await pool(m, poolId);
    if (epoch === 0) return false;
    const closed = r.int(0, epoch - 1);
    const token = await read<Address>(m, "coverToken", [BigInt(poolId), BigInt(closed)]);
    const holder = await holderOf(m, token, r);
    if (holder < 0) return false;
    return (
      (await send(accounts[holder]!, m.address, cloneAbi, "redeemPayout", [
        BigInt(poolId),
        BigInt(closed),
        accounts[holder]!.address,
      ])) && "redeemPayout"
    );
  }

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

  return {
    randomAction,
    clearClaims,
    restartedFreeze,
    wipe,
    lapse,
    sunset,
    syncAllInOneBlock,
    deposit,
    buy,
    poke,
    fileClaim,
    read,
    pool,
    shares,
    coverBalance,
  };
}
