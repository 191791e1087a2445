// Builds the #14 scale market on a fresh Anvil: SCALE_METAPOOLS MetaPools × 16 coverage pools used by
// SCALE_ACCOUNTS accounts (deposits, purchases, maturities, claims and rulings, withdrawal requests and completions).
// Transactions are signed here and sent without simulation, many to a block: phases are mined apart because each
// depends on the one before (a purchase needs the deposits, a claim needs matured cover).
import { parseUnits, type Address } from "viem";

import { demoTokenAbi, metaPoolFactoryAbi } from "../abis";
import type { Chain, Deployment } from "../test/harness/chain";
import { cloneAbi, HOUR } from "../test/harness/market";
import { createSender } from "./scale-sender";

const POOLS = 16;
const MAX_UINT = 2n ** 256n - 1n;

/** The asset of the factory's MetaPool number `g`: dUSD (6 decimals) for even numbers, dDAI (18) for odd ones. */
export const scaleAsset = (deployment: Deployment, g: number) =>
  g % 2 === 0 ? { address: deployment.usd, decimals: 6 } : { address: deployment.dai, decimals: 18 };

export interface ScaleMarket {
  metaPools: { address: Address; decimals: number; arbiter: number }[];
  transactions: number;
  reverted: number;
  seconds: number;
}

/**
 * Adds `metaPoolCount` MetaPools to the factory and uses them. `first` numbers them after MetaPools an earlier call
 * made (names, roles and assets follow the MetaPool's number), so a market can grow in steps and be measured at each.
 */
export async function buildScaleMarket(
  chain: Chain,
  deployment: Deployment,
  metaPoolCount: number,
  accountCount: number,
  log: (line: string) => void = console.log,
  first = 0,
): Promise<ScaleMarket> {
  const started = performance.now();
  const { client, testClient } = chain;
  const { accounts, counts, send, phase, warp } = await createSender(chain, accountCount, log);

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
      for (let g = first; g < first + metaPoolCount; g++) {
        const { address: asset, decimals } = scaleAsset(deployment, g);
        const arbiter = (g * 7 + 3) % accountCount;
        const pct = (p: number) => BigInt(p) * 10n ** 16n;
        await send(g % accountCount, deployment.factory, metaPoolFactoryAbi, "createMetaPool", [
          {
            asset,
            arbiter: accounts[arbiter]!.address,
            name: `Scale ${g}`,
            protectionStatement: `Scale ${g}: pays when a listed protocol loses its depositors' funds to a bug.`,
            pools: Array.from({ length: POOLS }, (_, p) => ({ name: `Protocol ${p}`, description: `Pool ${p}` })),
            arbiterFeeBps: 300,
            creatorFeeBps: 200,
            curve: { baseRate: pct(2), slope1: pct(8), kink: pct(80), slope2: pct(100) },
            payoutMultiple: g % 3 === 0 ? 0 : 3,
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

    // Roles, assets and claims follow the MetaPool's number in the factory (`first + i`).
    const underwriter = (i: number, k: number) => ((first + i) * 3 + k) % accountCount;
    const seeker = (i: number, k: number) => ((first + i) * 5 + k + 50) % accountCount;
    const whole = (i: number, x: number) => parseUnits(String(x), metaPools[i]!.decimals);
    const assetOf = (i: number) => scaleAsset(deployment, first + i).address;

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
    const claimed = metaPools.flatMap((m, i) => ((first + i) % 10 === 0 ? [{ m, i }] : []));
    const incident = await now();
    await phase(`file a claim in ${claimed.length} MetaPools`, async () => {
      for (const { m, i } of claimed)
        await send(seeker(i, 0), m.address, cloneAbi, "fileClaim", [
          BigInt(i % POOLS),
          incident,
          `Incident ${first + i}`,
        ]);
    });
    await warp(60);
    await phase("rule on every claim (half valid)", async () => {
      for (const { m, i } of claimed)
        await send(m.arbiter, m.address, cloneAbi, "resolveClaim", [1n, (first + i) % 20 === 0]);
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
    return { metaPools, ...counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await testClient.setAutomine(true);
  }
}
