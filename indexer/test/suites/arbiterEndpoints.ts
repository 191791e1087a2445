// The arbiter endpoints and the name warning, each compared with what the chain answers (registered by
// indexer.test.ts on its one run).
import { type Address } from "viem";
import { expect, test } from "vitest";

import { historyFromJson } from "../../../lib/arbiter/json";
import { trackRecord } from "../../../lib/arbiter/trackRecord";
import type { ArbiterHistory } from "../../../lib/arbiter/types";
import { nameKey } from "../../../lib/indexer/names";
import { readArbiterHistoryFromChain } from "../../../lib/reads/arbiterRecord";
import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import { PLANS } from "../harness/plans";
import type { IndexerRun } from "../harness/run";

export function arbiterEndpointTests(run: IndexerRun) {
  test("each arbiter's history and track record equal the chain's events", async () => {
    await run.indexer.waitForBlock(Number(await run.chain.client.getBlockNumber()));
    const sorted = (h: ArbiterHistory) => ({
      ...h,
      arbiter: h.arbiter.toLowerCase(),
      metaPools: h.metaPools.map((m) => ({ ...m, address: m.address.toLowerCase() })),
      claims: h.claims
        .map((c) => ({ ...c, metaPool: c.metaPool.toLowerCase() }))
        .sort((a, b) => a.metaPool.localeCompare(b.metaPool) || Number(a.claimId - b.claimId)),
    });
    const arbiters = [...new Set(run.market.metaPools.map((m) => m.arbiter))];
    const totals = { ruled: 0, shutdowns: 0, metaPools: 0 };
    for (const arbiter of arbiters) {
      const res = await fetch(`${run.indexer.url}/canopy/arbiter/${arbiter}`);
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { record: Record<string, unknown> };
      const history = historyFromJson(answer);
      const onChain = await readArbiterHistoryFromChain(run.chain.client, arbiter, {
        factory: run.deployment.factory,
        fromBlock: BigInt(run.deployment.startBlock),
      });
      expect(sorted(history), arbiter).toEqual(sorted(onChain));
      const record = trackRecord(onChain);
      expect(answer.record).toEqual({ ...record, medianTimeToRuling: record.medianTimeToRuling?.toString() ?? null });
      totals.ruled += record.ruled;
      totals.shutdowns += record.shutdowns;
      totals.metaPools += record.metaPools;
    }
    // The scenario ruled claims and shut a MetaPool down, so the comparison covered both.
    expect(totals.ruled).toBeGreaterThan(0);
    expect(totals.shutdowns).toBeGreaterThan(0);
    expect(totals.metaPools).toBe(run.market.metaPools.length);
    const nobody = await fetch(`${run.indexer.url}/canopy/arbiter/0x000000000000000000000000000000000000dEaD`);
    expect(((await nobody.json()) as { record: unknown }).record).toMatchObject({ metaPools: 0, claimsFiled: 0 });
    expect((await fetch(`${run.indexer.url}/canopy/arbiter/not-an-address`)).status).toBe(400);
  });

  test("each arbiter's MetaPools (the desk's list) equal the factory's, in its order", async () => {
    const onChain = await chainViews(run);
    const arbiters = [...new Set(onChain.map((v) => v.arbiter))];
    expect(arbiters.length).toBeGreaterThan(1);
    for (const arbiter of [...arbiters, "0x000000000000000000000000000000000000dEaD"]) {
      // Any letter case: the address is one account.
      const res = await fetch(
        `${run.indexer.url}/canopy/arbiter/${arbiter.toUpperCase().replace("0X", "0x")}/metapools`,
      );
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { metaPools: string[] };
      const expected = onChain.filter((v) => v.arbiter === arbiter.toLowerCase()).map((v) => v.address);
      expect(answer.metaPools, arbiter).toEqual(expected);
    }
    expect((await fetch(`${run.indexer.url}/canopy/arbiter/0x12/metapools`)).status).toBe(400);
  });

  test("the MetaPools already called a name, whatever its case and surrounding spaces, equal the factory's", async () => {
    // A second MetaPool called "DEX" but for its case and spaces, as a careless creator would name it.
    const twin = await run.market.create({ ...PLANS.dex, name: "  dex " });
    await run.indexer.waitForBlock(Number(await run.chain.client.getBlockNumber()));
    const onChain = await chainViews(run);
    const named = async (name: string) => {
      const res = await fetch(`${run.indexer.url}/canopy/metapools/named?name=${encodeURIComponent(name)}`);
      expect(res.status, name).toBe(200);
      return ((await res.json()) as { metaPools: { address: string; name: string }[] }).metaPools;
    };
    for (const name of new Set(onChain.map((v) => v.name))) {
      const expected = onChain
        .filter((v) => nameKey(v.name) === nameKey(name))
        .map(({ address, name }) => ({
          address,
          name,
        }));
      expect(await named(` ${name.toUpperCase()}  `), name).toEqual(expected);
    }
    expect((await named("Dex")).map((m) => m.address)).toContain(twin.address.toLowerCase());
    expect((await named("Dex")).length).toBe(2);
    expect(await named("No MetaPool is called this")).toEqual([]);
    expect((await fetch(`${run.indexer.url}/canopy/metapools/named?name=%20`)).status).toBe(400);
  });
}

/** Every MetaPool of the factory in its order, with its arbiter and name as the contracts answer them. */
async function chainViews(run: IndexerRun): Promise<{ address: Address; arbiter: string; name: string }[]> {
  const factory = { address: run.deployment.factory, abi: metaPoolFactoryAbi } as const;
  const count = await run.chain.client.readContract({ ...factory, functionName: "metaPoolCount" });
  const addresses = await run.chain.client.readContract({ ...factory, functionName: "metaPools", args: [0n, count] });
  return Promise.all(
    addresses.map(async (address) => {
      const view = await run.chain.client.readContract({
        address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      return {
        address: address.toLowerCase() as Address,
        arbiter: view.config.arbiter.toLowerCase(),
        name: view.config.name,
      };
    }),
  );
}
