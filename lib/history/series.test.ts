import { describe, expect, it } from "vitest";

import { packSyncedPool } from "@/lib/protocol";
import { EXAMPLE_CURVE, ONE } from "@/lib/protocol/testkit";

import { deriveSeries } from "./series";
import { syntheticLog } from "./testkit";

const A = "0x00000000000000000000000000000000000000a1" as const;
const PCT = 10n ** 16n;

function synced(time: bigint, capital: bigint, active: bigint[], block = time, debt: bigint[] = []) {
  const pools = active.map((k, i) => packSyncedPool({ active: k, debt: debt[i] ?? 0n }));
  return syntheticLog(
    "Synced",
    { timestamp: Number(time), capital, pools, premiumToCapital: 0n, arbiterFees: 0n, creatorFees: 0n },
    { block, time },
  );
}

describe("deriveSeries", () => {
  it("replays SPEC §9 example 1: u = 12.5 %, r = 3.25 %, then a valid claim on A leaves C = 200", () => {
    const logs = [
      synced(100n, 1_000n * ONE, [100n * ONE, 100n * ONE, 100n * ONE]),
      syntheticLog(
        "ClaimResolved",
        {
          claimId: 1n,
          poolId: 0,
          valid: true,
          payout: 800n * ONE,
          redeemable: 900n * ONE,
          debtCharged: 0n,
          capital: 200n * ONE,
        },
        { block: 200n, time: 200n },
      ),
    ];
    const s = deriveSeries(logs, { curve: EXAMPLE_CURVE });

    expect(s.pools).toHaveLength(3);
    expect(s.capital).toEqual([
      { t: 100, y: 1_000n * ONE },
      { t: 200, y: 200n * ONE },
    ]);
    expect(s.freeCapital).toEqual([
      { t: 100, y: 700n * ONE },
      { t: 200, y: 0n },
    ]);
    expect(s.pools[0]!.active).toEqual([
      { t: 100, y: 100n * ONE },
      { t: 200, y: 0n },
    ]);
    expect(s.pools[0]!.utilisation[0]).toEqual({ t: 100, y: 125n * 10n ** 15n });
    expect(s.pools[0]!.rate[0]).toEqual({ t: 100, y: 32_500_000_000_000_000n });
    // After the claim A is empty (base rate) and B's cover uses all capital open to it.
    expect(s.pools[0]!.rate.at(-1)).toEqual({ t: 200, y: 2n * PCT });
    expect(s.pools[1]!.utilisation.at(-1)).toEqual({ t: 200, y: 100n * PCT });
    expect(s.pools[1]!.rate.at(-1)).toEqual({ t: 200, y: 110n * PCT });
    expect(s.pools[1]!.active).toEqual([{ t: 100, y: 100n * ONE }]);
  });

  it("follows deposits, maturities, withdrawals, lapses and capital moves", () => {
    const logs = [
      syntheticLog(
        "Deposited",
        { caller: A, receiver: A, assets: 1_000n, shares: 1_000n, capital: 1_000n, shareSupply: 1_000n },
        { block: 1n, time: 10n },
      ),
      syntheticLog(
        "PurchaseMatured",
        {
          purchaseId: 1n,
          poolId: 1,
          epoch: 1,
          accepted: 200n,
          tokens: 200n,
          maturedAt: 20,
          poolActive: 200n,
          coverSupply: 200n,
        },
        { block: 2n, time: 25n },
      ),
      syntheticLog(
        "ProtectionWithdrawn",
        {
          poolId: 1,
          epoch: 1,
          owner: A,
          receiver: A,
          tokens: 50n,
          assets: 50n,
          debtCharged: 0n,
          poolActive: 150n,
          coverSupply: 150n,
        },
        { block: 3n, time: 30n },
      ),
      syntheticLog(
        "WithdrawalCompleted",
        {
          requestId: 1n,
          owner: A,
          receiver: A,
          shares: 100n,
          assets: 100n,
          sharesLeft: 0n,
          assetsAtRequestLeft: 0n,
          capital: 900n,
        },
        { block: 4n, time: 40n },
      ),
      syntheticLog(
        "CoverEpochClosed",
        { poolId: 1, epoch: 1, redeemable: 0n, supply: 150n, lapsed: true },
        { block: 5n, time: 50n },
      ),
      syntheticLog(
        "Exited",
        { owner: A, receiver: A, shares: 900n, assets: 900n, capital: 0n },
        { block: 6n, time: 60n },
      ),
    ];
    const s = deriveSeries(logs, { curve: EXAMPLE_CURVE, poolCount: 2 });

    expect(s.capital.map((p) => [p.t, p.y])).toEqual([
      [10, 1_000n],
      [40, 900n],
      [60, 0n],
    ]);
    // The maturity counts at its own time, not its block's.
    expect(s.pools[1]!.active.map((p) => [p.t, p.y])).toEqual([
      [10, 0n],
      [20, 200n],
      [30, 150n],
      [50, 0n],
    ]);
    expect(s.freeCapital.map((p) => [p.t, p.y])).toEqual([
      [10, 1_000n],
      [20, 800n],
      [30, 850n],
      [40, 750n],
      [50, 900n],
      [60, 0n],
    ]);
    // u = 200 / (200 + 800), rounded up.
    expect(s.pools[1]!.utilisation[1]).toEqual({ t: 20, y: 2n * 10n ** 17n });
    expect(s.pools[0]!.active).toEqual([{ t: 10, y: 0n }]);
  });

  it("charges a rejected or voided claim’s debt from K and drops every rate to 0 at shutdown", () => {
    const logs = [
      synced(10n, 1_000n, [100n]),
      syntheticLog(
        "ClaimResolved",
        { claimId: 1n, poolId: 0, valid: false, payout: 0n, redeemable: 0n, debtCharged: 7n, capital: 1_010n },
        { block: 20n, time: 20n },
      ),
      syntheticLog("ClaimVoided", { claimId: 2n, poolId: 0, debtCharged: 3n }, { block: 30n, index: 0, time: 30n }),
      syntheticLog("MetaPoolShutDown", { caller: A, timestamp: 30 }, { block: 30n, index: 1, time: 30n }),
    ];
    const s = deriveSeries(logs, { curve: EXAMPLE_CURVE, fees: { arbiterFeeBps: 500n, creatorFeeBps: 500n } });

    expect(s.pools[0]!.active.map((p) => p.y)).toEqual([100n, 93n, 90n]);
    // 3 charged: fees round down to 0 each, so all 3 reach capital.
    expect(s.capital.map((p) => p.y)).toEqual([1_000n, 1_010n, 1_013n]);
    expect(s.pools[0]!.rate.at(-1)).toEqual({ t: 30, y: 0n });
  });

  it("reads K from each pool word of a sync, leaving the claim debt packed above it out", () => {
    const s = deriveSeries([synced(10n, 1_000n, [100n, 200n], 10n, [7n, 0n])], { curve: EXAMPLE_CURVE });
    expect(s.pools).toHaveLength(2);
    expect(s.pools[0]!.active).toEqual([{ t: 10, y: 100n }]);
    expect(s.pools[1]!.active).toEqual([{ t: 10, y: 200n }]);
    expect(s.freeCapital).toEqual([{ t: 10, y: 700n }]);
  });

  it("keeps the last value of a second and never lets time run backwards", () => {
    const logs = [
      synced(10n, 1_000n, [0n], 1n),
      syntheticLog(
        "Deposited",
        { caller: A, receiver: A, assets: 1n, shares: 1n, capital: 1_001n, shareSupply: 1n },
        { block: 2n, time: 20n },
      ),
      syntheticLog(
        "Exited",
        { owner: A, receiver: A, shares: 1n, assets: 1n, capital: 1_000n },
        { block: 2n, index: 1, time: 20n },
      ),
      // A poke batch accrued to a maturity earlier than the last event seen: drawn at the later time.
      synced(15n, 2_000n, [0n], 3n),
    ];
    const s = deriveSeries(logs, { curve: EXAMPLE_CURVE });
    // The round trip within second 20 leaves no step behind.
    expect(s.capital).toEqual([
      { t: 10, y: 1_000n },
      { t: 20, y: 2_000n },
    ]);
  });

  it("is empty without events and ignores events that move no totals", () => {
    expect(deriveSeries([], { curve: EXAMPLE_CURVE })).toEqual({ capital: [], freeCapital: [], pools: [] });
    const s = deriveSeries(
      [syntheticLog("FeesClaimed", { account: A, receiver: A, amount: 5n }, { block: 1n, time: 1n })],
      {
        curve: EXAMPLE_CURVE,
        poolCount: 1,
      },
    );
    expect(s.capital).toEqual([]);
    expect(s.pools[0]!.active).toEqual([]);
  });
});
