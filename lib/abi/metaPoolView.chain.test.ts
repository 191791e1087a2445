/**
 * lib/abi/metaPoolView's decoder on the seeded demo market (scripts/seed.mjs on its own Anvil, next to the chain
 * suite's): every MetaPool's real `metaPoolView()` answer (names, pools with epochs and tokens, claims) decodes to
 * what viem's generic decoder makes of it.
 */
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";
import local from "@/lib/deployments/31337.json";
import { publicClient } from "@/lib/testing/chain/client";
import { startSeededAnvil } from "@/lib/testing/chain/seededAnvil";

import { rpcTransportOptions } from "../reads/transport";
import { readMetaPoolView } from "./metaPoolView";

describe("metaPoolView() of the seeded market's MetaPools", () => {
  const rpcUrl = `http://127.0.0.1:${Number(process.env.CHAIN_TEST_PORT ?? 8550) + 2}`;
  let chain: { stop: () => void } | undefined;

  beforeAll(async () => {
    chain = await startSeededAnvil(rpcUrl);
  });

  afterAll(() => {
    chain?.stop();
  });

  it("decodes each to what viem's readContract returns, in the same batch of calls", async () => {
    const client = publicClient(rpcUrl, rpcTransportOptions);
    const factory = local.metaPoolFactory as Address;
    const count = await client.readContract({
      address: factory,
      abi: metaPoolFactoryAbi,
      functionName: "metaPoolCount",
    });
    const addresses = await client.readContract({
      address: factory,
      abi: metaPoolFactoryAbi,
      functionName: "metaPools",
      args: [0n, count],
    });
    expect(addresses.length).toBe(4);
    const [ours, viems] = await Promise.all([
      Promise.all(addresses.map((address) => readMetaPoolView(client, address))),
      Promise.all(
        addresses.map((address) =>
          client.readContract({ address, abi: metaPoolExtensionAbi, functionName: "metaPoolView" }),
        ),
      ),
    ]);
    expect(ours).toStrictEqual(viems);
    // The seeded market has names, several pools and opened epochs: the decoder met them all.
    expect(viems.some((v) => v.pools.length > 1 && v.pools.some((p) => p.epoch > 0 && p.name !== ""))).toBe(true);
  });
});
