import type { Address } from "viem";

import type { ExploreSource } from "./rows";

const WAD = 10n ** 18n;
export const pct = (n: number) => (BigInt(Math.round(n * 100)) * WAD) / 10_000n;

let counter = 0;
/** A distinct address per call (test fixtures only). */
export function testAddress(n = ++counter): Address {
  return `0x${n.toString(16).padStart(40, "0")}` as Address;
}

export const USD6 = testAddress(0xa6);
export const DAI18 = testAddress(0xa18);

/** A MetaPool view for tests: 18 decimals, C = 1 000, nothing sold, one pool at 2 %, unless overridden. */
export function source(
  overrides: Partial<Omit<ExploreSource, "config">> & { config?: Partial<ExploreSource["config"]> } = {},
): ExploreSource {
  const { config, ...rest } = overrides;
  return {
    metaPool: testAddress(),
    capital: 1_000n * WAD,
    freeCapital: 1_000n * WAD,
    totalActive: 0n,
    totalPending: 0n,
    shutDown: false,
    pendingClaims: 0n,
    pools: [{ name: "Aave v3", rate: pct(2) }],
    ...rest,
    config: {
      asset: DAI18,
      decimals: 18,
      arbiter: testAddress(0xabc),
      name: "Blue chips",
      arbiterFeeBps: 500,
      creatorFeeBps: 500,
      withdrawalPeriod: 7 * 86_400,
      purchaseDelay: 86_400,
      ...config,
    },
  };
}
