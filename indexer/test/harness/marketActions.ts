// The protocol's user actions and views as the indexer test drives them, on top of the market: each send is
// simulated first and skipped (false) when the chain would refuse it.
import { parseUnits, zeroAddress, type Address } from "viem";

import { coverTokenAbi } from "../../abis";
import { cloneAbi, type Market, type MarketMetaPool } from "./market";
import { ACTORS } from "./plans";
import type { Rng } from "./rng";

export function marketActions(market: Market) {
  const { chain, send, now, accounts } = market;
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

  return {
    read,
    amount,
    pool,
    shares,
    coverBalance,
    deposit,
    buy,
    poke,
    fileClaim,
    resolveFirst,
    holderOf,
    shareHolder,
  };
}
export type MarketActions = ReturnType<typeof marketActions>;
