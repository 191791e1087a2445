// Two additions to the scale market for #14's app measurements: one account with positions in many MetaPools (the
// Portfolio's worst case; the generator's round-robin gives each account about 35 of 1 000), and one MetaPool with a
// long history (the history charts' worst case; the generator leaves each MetaPool about 50 events).
import { parseUnits, type Address } from "viem";

import { demoTokenAbi, metaPoolFactoryAbi } from "../abis";
import type { Chain, Deployment } from "../test/harness/chain";
import { cloneAbi, HOUR } from "../test/harness/market";
import { scaleAsset } from "./scale-market";
import { createSender } from "./scale-sender";

const MAX_UINT = 2n ** 256n - 1n;
const POOLS = 16;

async function factoryMetaPools(chain: Chain, deployment: Deployment): Promise<readonly Address[]> {
  const count = await chain.client.readContract({
    address: deployment.factory,
    abi: metaPoolFactoryAbi,
    functionName: "metaPoolCount",
  });
  return chain.client.readContract({
    address: deployment.factory,
    abi: metaPoolFactoryAbi,
    functionName: "metaPools",
    args: [0n, count],
  });
}

/**
 * Account `who` deposits in `metaPoolCount` MetaPools spread over the whole factory and buys cover in every other
 * one. Returns the MetaPools it entered.
 */
export async function addWideAccount(
  chain: Chain,
  deployment: Deployment,
  accountCount: number,
  who: number,
  metaPoolCount: number,
  log: (line: string) => void = console.log,
): Promise<Address[]> {
  const all = await factoryMetaPools(chain, deployment);
  const step = Math.max(1, Math.floor(all.length / metaPoolCount));
  const chosen = Array.from({ length: Math.min(metaPoolCount, all.length) }, (_, k) => k * step);
  const { accounts, counts, send, phase } = await createSender(chain, accountCount, log);
  const me = accounts[who]!.address;
  await chain.testClient.setAutomine(false);
  try {
    await phase(`account ${who} enters ${chosen.length} MetaPools`, async () => {
      for (const g of chosen) {
        const { address: asset, decimals } = scaleAsset(deployment, g);
        await send(who, asset, demoTokenAbi, "approve", [all[g]!, MAX_UINT]);
        await send(who, all[g]!, cloneAbi, "deposit", [parseUnits("500", decimals), me]);
        if (g % 2 === 0)
          await send(who, all[g]!, cloneAbi, "buyProtection", [BigInt(g % POOLS), parseUnits("5", decimals), me]);
      }
    });
  } finally {
    await chain.testClient.setAutomine(true);
  }
  if (counts.reverted > 0) throw new Error(`${counts.reverted} of the wide account's transactions reverted`);
  return chosen.map((g) => all[g]!);
}

/**
 * Fills MetaPool number `g` with at least `events` events of its own (deposits, purchases and the syncs and
 * maturities they bring), 20 transactions to a block and blocks five minutes apart, as a busy MetaPool's past would
 * be. Returns its address and how many events it emitted in all.
 */
export async function addBusyMetaPool(
  chain: Chain,
  deployment: Deployment,
  accountCount: number,
  g: number,
  events: number,
  log: (line: string) => void = console.log,
): Promise<{ address: Address; events: number }> {
  const address = (await factoryMetaPools(chain, deployment))[g]!;
  const { address: asset, decimals } = scaleAsset(deployment, g);
  const { accounts, counts, send, phase } = await createSender(chain, accountCount, log);
  const emitted = async () =>
    (await chain.client.getLogs({ address, fromBlock: BigInt(deployment.startBlock) })).length;
  let total = await emitted();
  await chain.testClient.setAutomine(false);
  try {
    await phase(`approve MetaPool ${g} from ${accountCount} accounts`, async () => {
      for (let a = 0; a < accountCount; a++) await send(a, asset, demoTokenAbi, "approve", [address, MAX_UINT]);
    });
    for (let round = 0; total < events; round++) {
      await phase(
        `MetaPool ${g}, round ${round}: deposits and purchases (${total} events so far)`,
        async () => {
          for (let k = 0; k < 250; k++) {
            const a = (round * 251 + k) % accountCount;
            const who = accounts[a]!.address;
            if (k % 2 === 0) await send(a, address, cloneAbi, "deposit", [parseUnits("100", decimals), who]);
            else await send(a, address, cloneAbi, "buyProtection", [BigInt(k % POOLS), parseUnits("2", decimals), who]);
          }
        },
        { blockSize: 20, secondsApart: HOUR / 12 },
      );
      total = await emitted();
    }
  } finally {
    await chain.testClient.setAutomine(true);
  }
  if (counts.reverted > 0) throw new Error(`${counts.reverted} of the busy MetaPool's transactions reverted`);
  return { address, events: total };
}
