import { getAddress, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import { parseDeployment, resolveDeployment, type DeploymentFile } from "./registry";

const LOCAL: DeploymentFile = {
  chainId: 31337,
  metaPoolFactory: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  startBlock: 0,
  demoUsd: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  demoDai: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  demoUsdt: "0x0165878A594ca255338adfa4d48449f69242Eb8F",
};
// Deploy.s.sol on any other chain: no demo tokens (zero addresses).
const BASE: DeploymentFile = {
  chainId: 8453,
  metaPoolFactory: "0x00000000000000000000000000000000000000f1",
  startBlock: 23_000_000,
  demoUsd: zeroAddress,
  demoDai: zeroAddress,
  demoUsdt: zeroAddress,
};
const OTHER_FACTORY = getAddress("0x00000000000000000000000000000000000000aa");

describe("parseDeployment", () => {
  it("keeps the demo tokens of the local chain and the start block as a bigint", () => {
    const d = parseDeployment(LOCAL);
    expect(d.demoTokens).toHaveLength(3);
    expect(d.startBlock).toBe(0n);
  });

  it("drops the zero addresses Deploy.s.sol writes where it deployed no demo token", () => {
    expect(parseDeployment(BASE).demoTokens).toEqual([]);
    expect(parseDeployment(BASE).startBlock).toBe(23_000_000n);
  });

  it("never offers faucet tokens off the local chain, even if a file names some", () => {
    expect(parseDeployment({ ...BASE, demoUsd: LOCAL.demoUsd }).demoTokens).toEqual([]);
  });
});

describe("resolveDeployment", () => {
  const files = [LOCAL, BASE];

  it("finds each chain's file, and null for a chain without one", () => {
    expect(resolveDeployment(8453, files)?.metaPoolFactory).toBe(BASE.metaPoolFactory);
    expect(resolveDeployment(31337, files)?.metaPoolFactory).toBe(LOCAL.metaPoolFactory);
    expect(resolveDeployment(10, files)).toBeNull();
  });

  it("lets the environment name a factory on a chain without a file (a fork, an outside deployment)", () => {
    const d = resolveDeployment(10, files, { factory: OTHER_FACTORY, startBlock: "120" });
    expect(d).toEqual({ chainId: 10, metaPoolFactory: OTHER_FACTORY, startBlock: 120n, demoTokens: [] });
  });

  it("scans a moved factory from block 0 unless told its start block", () => {
    const d = resolveDeployment(8453, files, { factory: OTHER_FACTORY });
    expect(d?.startBlock).toBe(0n);
    expect(resolveDeployment(8453, files, { factory: BASE.metaPoolFactory.toLowerCase() })?.startBlock).toBe(
      23_000_000n,
    );
  });

  it("moves only the start block when no factory is given", () => {
    expect(resolveDeployment(8453, files, { startBlock: "5" })?.startBlock).toBe(5n);
    expect(resolveDeployment(10, files, { startBlock: "5" })).toBeNull();
  });

  it("names the variable a malformed override came from", () => {
    expect(() => resolveDeployment(8453, files, { factory: "0x123" })).toThrow(/NEXT_PUBLIC_FACTORY_ADDRESS/);
    expect(() => resolveDeployment(8453, files, { factory: OTHER_FACTORY, startBlock: "-1" })).toThrow(
      /NEXT_PUBLIC_FACTORY_START_BLOCK/,
    );
  });
});
