import { afterEach, describe, expect, it, vi } from "vitest";

import { knownChains } from "@/lib/chains";

/** lib/chain.ts as a build for `chainId` sees it (it reads the environment once, when loaded). */
async function chainModuleFor(chainId: string | undefined) {
  vi.resetModules();
  vi.stubEnv("NEXT_PUBLIC_CHAIN_ID", chainId);
  vi.stubEnv("NEXT_PUBLIC_RPC_URL", "http://127.0.0.1:1");
  return import("@/lib/chain");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("appChain", () => {
  it.each(Object.values(knownChains).map((chain) => [chain.name, chain] as const))(
    "is viem's definition of %s, with the configured RPC",
    async (_, chain) => {
      const { appChain } = await chainModuleFor(String(chain.id));
      expect(appChain).toEqual({ ...chain, rpcUrls: { default: { http: ["http://127.0.0.1:1"] } } });
      // The formatters and serializers (OP-stack chains) come along with it.
      expect(appChain.formatters).toBe(chain.formatters);
      expect(appChain.serializers).toBe(chain.serializers);
    },
  );

  it("is Anvil when no chain is configured", async () => {
    const { appChain, isLocalChain } = await chainModuleFor(undefined);
    expect(appChain.id).toBe(31337);
    expect(appChain.name).toBe("Anvil");
    expect(isLocalChain).toBe(true);
  });

  it("is a bare definition, without Multicall3, for a chain Canopy is not configured for", async () => {
    const { appChain } = await chainModuleFor("123456");
    expect(appChain).toMatchObject({ id: 123456, name: "Chain 123456" });
    expect(appChain.contracts).toBeUndefined();
  });

  it("refuses an id that is not a positive integer", async () => {
    await expect(chainModuleFor("base")).rejects.toThrow('NEXT_PUBLIC_CHAIN_ID must be a positive integer, got "base"');
  });
});

describe("networkName", () => {
  it("calls every configured chain by viem's name", async () => {
    const { networkName } = await chainModuleFor(undefined);
    for (const chain of Object.values(knownChains)) {
      expect(networkName(chain.id)).toBe(`${chain.name} (chain ${chain.id})`);
    }
  });

  it("names a few other networks and falls back on the id", async () => {
    const { networkName } = await chainModuleFor(undefined);
    expect(networkName(137)).toBe("Polygon (chain 137)");
    expect(networkName(999_999)).toBe("chain 999999");
  });
});
