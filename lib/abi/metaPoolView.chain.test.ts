/**
 * lib/abi/metaPoolView's decoder on the seeded demo market (scripts/seed.mjs on its own Anvil, next to the chain
 * suite's): every MetaPool's real `metaPoolView()` answer (names, pools with epochs and tokens, claims) decodes to
 * what viem's generic decoder makes of it.
 */
import { spawnSync, type ChildProcess } from "node:child_process";

import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";
import local from "@/lib/deployments/31337.json";
import { publicClient } from "@/lib/testing/chain/client";
import { startAnvil, waitForRpc } from "@/scripts/lib/anvil.mjs";
import { repoDir } from "@/scripts/lib/paths.mjs";

import { rpcTransportOptions } from "../reads/transport";
import { readMetaPoolView } from "./metaPoolView";

describe("metaPoolView() of the seeded market's MetaPools", () => {
  const rpcUrl = `http://127.0.0.1:${Number(process.env.CHAIN_TEST_PORT ?? 8550) + 2}`;
  let anvil: ChildProcess | undefined;

  beforeAll(async () => {
    anvil = startAnvil({
      port: Number(new URL(rpcUrl).port),
      forkUrl: undefined,
      stateFile: undefined,
    }) as ChildProcess;
    await waitForRpc(rpcUrl);
    for (const script of ["scripts/deploy.mjs", "scripts/seed.mjs"]) {
      const run = spawnSync(process.execPath, [script, "--rpc", rpcUrl], { cwd: repoDir, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}${run.stderr}`);
    }
  });

  afterAll(() => {
    anvil?.kill("SIGTERM");
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
