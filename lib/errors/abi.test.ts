import { toFunctionSelector, type Abi } from "viem";
import { describe, expect, it } from "vitest";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";

import { canopyErrorAbi } from "./abi";

const selectors = (abi: Abi) =>
  abi.flatMap((item) =>
    item.type === "error" ? [toFunctionSelector(`${item.name}(${item.inputs.map((i) => i.type).join(",")})`)] : [],
  );

describe("canopyErrorAbi (abis/errors.ts)", () => {
  const decodable = new Set(selectors(canopyErrorAbi as Abi));

  it.each([
    ["CoverToken", coverTokenAbi],
    ["DemoToken", demoTokenAbi],
    ["MetaPool", metaPoolAbi],
    ["MetaPoolExtension", metaPoolExtensionAbi],
    ["MetaPoolFactory", metaPoolFactoryAbi],
  ] as const)("holds every custom error of %s", (_, abi) => {
    const missing = selectors(abi).filter((selector) => !decodable.has(selector));
    expect(missing).toEqual([]);
  });

  it("holds each error once and nothing but errors", () => {
    const all = selectors(canopyErrorAbi as Abi);
    expect(new Set(all).size).toBe(all.length);
    expect(canopyErrorAbi.every((item) => item.type === "error")).toBe(true);
  });
});
