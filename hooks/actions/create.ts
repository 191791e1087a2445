"use client";

import { metaPoolFactoryAbi } from "@/abis";
import { deployment } from "@/lib/deployment";
import type { CreateParams } from "@/lib/forms/createMetaPool";
import { queryKeys } from "@/lib/queryKeys";

import { contractWrite, useActionFlow } from "./write";

/**
 * `createMetaPool(params)` on the deployment's factory; only the explore list changes. The asset
 * names amounts in decoded errors. Without a deployment the page says so and never runs it.
 */
export function useCreateMetaPool() {
  return useActionFlow((params: CreateParams, asset: { symbol: string; decimals: number }) => ({
    label: `Create MetaPool “${params.name}”`,
    write: contractWrite(deployment?.metaPoolFactory ?? "0x", metaPoolFactoryAbi, "createMetaPool", [params]),
    errorContext: {
      action: "create the MetaPool",
      asset: { symbol: asset.symbol, decimals: asset.decimals },
      poolNames: params.pools.map((p) => p.name),
    },
    invalidate: [queryKeys.metaPools()],
  }));
}
