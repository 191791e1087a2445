import type { ContractErrorArgs } from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";

/** Every contract the app talks to: a revert may come from any of them (the asset's ERC-20 errors bubble up). */
export const canopyAbis = {
  coverTokenAbi,
  demoTokenAbi,
  metaPoolAbi,
  metaPoolExtensionAbi,
  metaPoolFactoryAbi,
} as const;

type AnyItem = (typeof canopyAbis)[keyof typeof canopyAbis][number];

/** One custom error of our ABIs, as generated. */
export type CanopyErrorItem = Extract<AnyItem, { type: "error" }>;
export type CanopyErrorName = CanopyErrorItem["name"];
export type CanopyErrorArgs<N extends CanopyErrorName> = ContractErrorArgs<readonly CanopyErrorItem[], N>;

function errorItems(): readonly CanopyErrorItem[] {
  const byName = new Map<string, CanopyErrorItem>();
  for (const abi of Object.values(canopyAbis)) {
    for (const item of abi) if (item.type === "error" && !byName.has(item.name)) byName.set(item.name, item);
  }
  return [...byName.values()];
}

/** The union of the custom errors of all our ABIs, one entry per error, to decode any revert. */
export const canopyErrorAbi: readonly CanopyErrorItem[] = errorItems();
