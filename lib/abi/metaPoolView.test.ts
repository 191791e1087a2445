import { decodeFunctionResult, encodeFunctionResult, getAddress, keccak256, toHex, type Address } from "viem";
import { describe, expect, it } from "vitest";

import { metaPoolExtensionAbi } from "@/abis";
import type { MetaPoolView } from "@/lib/types/metaPool";

import { decodeMetaPoolView } from "./metaPoolView";

/** A deterministic stream of pseudo-random words (the test is reproducible). */
function randomness(seed: number) {
  let state = BigInt(seed);
  const next = () => (state = BigInt(keccak256(toHex(state))));
  return {
    uint: (bits: number) => next() % (1n << BigInt(bits)),
    small: (bits: number) => Number(next() % (1n << BigInt(bits))),
    address: (): Address => getAddress(`0x${next().toString(16).padStart(64, "0").slice(-40)}`),
    // Names with multi-byte characters and lengths across word boundaries.
    text: () => "Pool ∑ é ".repeat(Number(next() % 9n)) + "x".repeat(Number(next() % 40n)),
  };
}

function randomView(seed: number): MetaPoolView {
  const r = randomness(seed);
  const pools = Array.from({ length: seed % 17 }, () => ({
    name: r.text(),
    token: r.address(),
    epoch: r.small(32),
    epochOpenedAt: r.small(40),
    active: r.uint(256),
    pending: r.uint(256),
    coverSupply: r.uint(256),
    payout: r.uint(256),
    utilisation: r.uint(256),
    rate: r.uint(256),
    premiumSpeed: r.uint(256),
    debt: r.uint(256),
    pendingClaimId: r.uint(64),
  }));
  return {
    metaPool: r.address(),
    config: {
      asset: r.address(),
      decimals: r.small(8),
      arbiter: r.address(),
      creator: r.address(),
      name: r.text(),
      protectionStatementHash: toHex(r.uint(256), { size: 32 }),
      arbiterFeeBps: r.small(16),
      creatorFeeBps: r.small(16),
      curve: { baseRate: r.uint(64), slope1: r.uint(64), kink: r.uint(64), slope2: r.uint(64) },
      payoutMultiple: r.small(16),
      withdrawalPeriod: r.small(32),
      purchaseDelay: r.small(32),
      claimBond: r.uint(128),
      minPurchase: r.uint(128),
      poolCount: pools.length,
    },
    capital: r.uint(256),
    freeCapital: r.uint(256),
    totalActive: r.uint(256),
    totalPending: r.uint(256),
    shareSupply: r.uint(256),
    shareEpoch: r.small(32),
    shutDown: seed % 2 === 0,
    pendingClaims: r.uint(64),
    firstPendingClaimId: r.uint(64),
    queueLength: r.uint(256),
    dueUnprocessed: r.uint(256),
    feesOwedTotal: r.uint(256),
    lastSyncAt: r.small(40),
    lastRulingAt: r.small(40),
    freezeEndedAt: r.small(40),
    pools,
  };
}

const encode = (view: MetaPoolView) =>
  encodeFunctionResult({ abi: metaPoolExtensionAbi, functionName: "metaPoolView", result: view });

describe("decodeMetaPoolView", () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))("decodes view #%i exactly as viem does", (seed) => {
    const data = encode(randomView(seed));
    const viem = decodeFunctionResult({ abi: metaPoolExtensionAbi, functionName: "metaPoolView", data });
    expect(decodeMetaPoolView(data)).toStrictEqual(viem);
  });

  it("refuses an answer cut short, as viem's decoder does", () => {
    const data = encode(randomView(3));
    expect(() => decodeMetaPoolView(data.slice(0, data.length - 64) as `0x${string}`)).toThrow();
    expect(() => decodeMetaPoolView("0x")).toThrow();
  });
});
