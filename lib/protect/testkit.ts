import type { MetaPoolView } from "@/lib/types/metaPool";

const E = 10n ** 18n;
const T0 = 1_800_000_000;
const curve = { baseRate: 2n * 10n ** 16n, slope1: 8n * 10n ** 16n, kink: 8n * 10n ** 17n, slope2: E };

/** SPEC §9 example 1: C = 1 000, three pools with K = 100 each, nothing pending, 18 decimals. */
export function example1(overrides: { pendingClaimOn?: number; debt?: bigint } = {}): MetaPoolView {
  const pool = (name: string, i: number) => ({
    name,
    token: `0x${String(i + 1).padStart(40, "0")}` as `0x${string}`,
    epoch: 0,
    epochOpenedAt: T0 - 86_400,
    active: 100n * E,
    pending: 0n,
    coverSupply: 100n * E,
    payout: 800n * E,
    utilisation: E / 8n,
    rate: 325n * 10n ** 14n,
    premiumSpeed: 325n * 10n ** 14n * 800n * E,
    debt: overrides.pendingClaimOn === i ? (overrides.debt ?? 0n) : 0n,
    pendingClaimId: overrides.pendingClaimOn === i ? 1n : 0n,
  });
  return {
    metaPool: "0x00000000000000000000000000000000000000aa",
    config: {
      asset: "0x00000000000000000000000000000000000000bb",
      decimals: 18,
      arbiter: "0x00000000000000000000000000000000000000cc",
      creator: "0x00000000000000000000000000000000000000dd",
      name: "Example",
      protectionStatementHash: `0x${"0".repeat(64)}`,
      arbiterFeeBps: 500,
      creatorFeeBps: 500,
      curve,
      payoutMultiple: 0,
      withdrawalPeriod: 7 * 86_400,
      purchaseDelay: 86_400,
      claimBond: 10n * E,
      minPurchase: E,
      poolCount: 3,
    },
    capital: 1_000n * E,
    freeCapital: 700n * E,
    totalActive: 300n * E,
    totalPending: 0n,
    shareSupply: 1_000n * E,
    shareEpoch: 0,
    shutDown: false,
    pendingClaims: overrides.pendingClaimOn === undefined ? 0n : 1n,
    firstPendingClaimId: overrides.pendingClaimOn === undefined ? 0n : 1n,
    queueLength: 0n,
    dueUnprocessed: 0n,
    feesOwedTotal: 0n,
    lastSyncAt: T0,
    lastRulingAt: 0,
    freezeEndedAt: 0,
    pools: [pool("A", 0), pool("B", 1), pool("C", 2)],
  } as MetaPoolView;
}

export const fixture = { E, T0, curve };
