// Reads a whole local market from the chain, for the seed's summary and its check: every MetaPool with its
// claims by status, pending purchases and withdrawal requests, as the contracts report them now.
import { demoTokenAbi, metaPoolCloneAbi, metaPoolFactoryAbi } from "./artifacts.mjs";

/** `ClaimStatus` in contracts/src/interfaces/MetaPoolTypes.sol. */
export const CLAIM_STATUS = ["none", "pending", "valid", "invalid", "voided"];

export async function readMarket(client, factory) {
  const now = (await client.getBlock()).timestamp;
  const read = (functionName, args = []) =>
    client.readContract({ address: factory, abi: metaPoolFactoryAbi(), functionName, args });
  const count = await read("metaPoolCount");
  const addresses = count === 0n ? [] : await read("metaPools", [0n, count]);
  const metaPools = await Promise.all(addresses.map((address) => readMetaPool(client, address, now)));
  return { now, metaPools };
}

async function readMetaPool(client, address, now) {
  const abi = metaPoolCloneAbi();
  const read = (functionName, args = []) => client.readContract({ address, abi, functionName, args });
  const [view, shutDown, [, nextClaimId], requestCount, [, , redeemable, refundable]] = await Promise.all([
    read("metaPoolView"),
    read("isShutDown"),
    read("claimQueue"),
    read("requestCount"),
    read("liabilities"),
  ]);
  const symbol = await client.readContract({ address: view.config.asset, abi: demoTokenAbi(), functionName: "symbol" });
  const claims = await Promise.all(
    range(1n, nextClaimId).map(async (id) => {
      const c = await read("claim", [id]);
      return { id, poolId: c.poolId, pool: view.pools[c.poolId].name, status: CLAIM_STATUS[c.status], filer: c.filer };
    }),
  );
  const requests = (
    await Promise.all(
      range(1n, requestCount + 1n).map(async (id) => {
        const [r, q] = await Promise.all([read("withdrawalRequest", [id]), read("previewWithdrawal", [id])]);
        if (r.owner === "0x0000000000000000000000000000000000000000") return null; // cancelled
        const state = now < BigInt(r.unlockAt) ? "waiting" : now <= BigInt(q.windowEnd) ? "matured" : "expired";
        return { id, owner: r.owner, shares: r.shares, assets: q.assets, unlockAt: r.unlockAt, state };
      }),
    )
  ).filter(Boolean);
  return {
    address,
    name: view.config.name,
    creator: view.config.creator,
    arbiter: view.config.arbiter,
    symbol,
    decimals: view.config.decimals,
    payoutMultiple: view.config.payoutMultiple,
    shutDown,
    capital: view.capital,
    freeCapital: view.freeCapital,
    totalActive: view.totalActive,
    totalPending: view.totalPending,
    pendingPurchases: Number(view.queueLength),
    pendingClaims: Number(view.pendingClaims),
    /** Payouts of closed cover epochs not yet redeemed, and purchases refundable (voided or partly accepted). */
    redeemable,
    refundable,
    pools: view.pools.map(({ name, epoch, active, pending, pendingClaimId }) => ({
      name,
      epoch,
      active,
      pending,
      pendingClaimId,
    })),
    claims,
    requests,
  };
}

function range(from, to) {
  const out = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Claims of the whole market counted by status. */
export function claimsByStatus(market) {
  const counts = Object.fromEntries(CLAIM_STATUS.slice(1).map((s) => [s, 0]));
  for (const m of market.metaPools) for (const c of m.claims) counts[c.status] += 1;
  return counts;
}
