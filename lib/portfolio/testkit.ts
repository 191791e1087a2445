import type { Address } from "viem";

import type { MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

/** Fixtures for the portfolio's tests: a MetaPool view and an empty position, overridable. */
export const ME = "0x00000000000000000000000000000000000000a1" as Address;
export const ARBITER = "0x00000000000000000000000000000000000000b2" as Address;
export const ASSET = { address: "0x00000000000000000000000000000000000000c3" as Address, symbol: "dUSD", decimals: 6 };
export const METAPOOL = "0x00000000000000000000000000000000000000d4" as Address;

type Pool = MetaPoolView["pools"][number];

export function pool(over: Partial<Pool> = {}): Pool {
  return {
    name: "Aave v3",
    token: "0x00000000000000000000000000000000000000e5",
    epoch: 0,
    epochOpenedAt: 0,
    active: 0n,
    pending: 0n,
    coverSupply: 0n,
    payout: 0n,
    utilisation: 0n,
    rate: 0n,
    premiumSpeed: 0n,
    debt: 0n,
    pendingClaimId: 0n,
    ...over,
  };
}

export function view(over: Partial<MetaPoolView> = {}): MetaPoolView {
  return {
    metaPool: METAPOOL,
    config: {
      asset: ASSET.address,
      decimals: 6,
      arbiter: ARBITER,
      creator: ARBITER,
      name: "Lending",
      protectionStatementHash: "0x00",
      arbiterFeeBps: 500,
      creatorFeeBps: 500,
      curve: { baseRate: 0n, slope1: 0n, kink: 1n, slope2: 0n },
      payoutMultiple: 0,
      withdrawalPeriod: 86_400,
      purchaseDelay: 3_600,
      claimBond: 1_000_000n,
      minPurchase: 10_000n,
      poolCount: 2,
    },
    capital: 0n,
    freeCapital: 0n,
    totalActive: 0n,
    totalPending: 0n,
    shareSupply: 0n,
    shareEpoch: 0,
    shutDown: false,
    pendingClaims: 0n,
    firstPendingClaimId: 1n,
    queueLength: 0n,
    dueUnprocessed: 0n,
    feesOwedTotal: 0n,
    lastSyncAt: 0,
    lastRulingAt: 0,
    freezeEndedAt: 0,
    pools: [pool(), pool({ name: "Compound" })],
    ...over,
  } as MetaPoolView;
}

export function position(over: Partial<AccountPosition> = {}): AccountPosition {
  return {
    metaPool: METAPOOL,
    account: ME,
    shares: 0n,
    shareValue: 0n,
    deposited: 0n,
    withdrawn: 0n,
    requests: [],
    purchases: [],
    cover: [],
    feesOwed: 0n,
    ...over,
  };
}

export function quote(over: Partial<AccountPosition["requests"][number]["quote"]> = {}) {
  return {
    owner: ME,
    shares: 100_000_000n,
    assetsAtRequest: 100_000_000n,
    assets: 100_000_000n,
    withdrawableNow: 0n,
    freeCapital: 0n,
    unlockAt: 1_000,
    windowEnd: 1_000 + 7 * 86_400,
    sharesIfCancelled: 100_000_000n,
    ...over,
  };
}

export function purchaseRecord(over: Partial<AccountPosition["purchases"][number]["record"]> = {}) {
  return {
    buyer: ME,
    maturesAt: 5_000,
    poolId: 0,
    status: 1,
    amount: 50_000_000n,
    accepted: 0n,
    receiver: ME,
    restRefunded: false,
    ...over,
  };
}
