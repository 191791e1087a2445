// The random part of the indexer test's scenario: one seeded user action at a time, over every user action.
import { zeroAddress, type Address } from "viem";

import { coverTokenAbi } from "../../abis";
import { cloneAbi, type Market } from "./market";
import type { MarketActions } from "./marketActions";
import { ACTORS } from "./plans";
import type { Rng } from "./rng";

export function randomActionOn(market: Market, act: MarketActions) {
  const { send, warp, now, accounts } = market;
  const {
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
  } = act;

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

  return randomAction;
}
