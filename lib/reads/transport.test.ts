import { defineChain } from "viem";
import { describe, expect, it } from "vitest";

import { knownChains } from "@/lib/chains";

import { readBatching, readBatchingFor } from "./transport";

describe("readBatching", () => {
  it("multicalls on every configured public chain and JSON-RPC-batches on Anvil", () => {
    const choice = Object.fromEntries(Object.values(knownChains).map((c) => [c.name, readBatchingFor(c)]));
    expect(choice).toEqual({
      Anvil: "json-rpc",
      Ethereum: "multicall",
      Sepolia: "multicall",
      Base: "multicall",
      "Base Sepolia": "multicall",
      "Arbitrum One": "multicall",
      "Arbitrum Sepolia": "multicall",
      "OP Mainnet": "multicall",
      "OP Sepolia": "multicall",
    });
  });

  it("never sends JSON-RPC batches to a chain it multicalls on, and never multicalls on Anvil", () => {
    const base = readBatching(knownChains[8453]!);
    expect(base.transport.batch).toBe(false);
    expect(base.batch.multicall).toMatchObject({ wait: 0 });
    const anvil = readBatching(knownChains[31337]!);
    expect(anvil.batch.multicall).toBe(false);
    expect(anvil.transport.batch).toMatchObject({ batchSize: 1_000 });
  });

  it("JSON-RPC-batches on a chain it knows nothing about (no Multicall3 address to trust)", () => {
    const unknown = defineChain({
      id: 123_456,
      name: "Unknown",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: ["http://127.0.0.1:1"] } },
    });
    expect(readBatchingFor(unknown)).toBe("json-rpc");
  });
});
