import { describe, expect, test } from "vitest";

import { deriveSeries } from "@/lib/history/series";
import { syntheticLog } from "@/lib/history/testkit";
import { packSyncedPool, WAD } from "@/lib/protocol";
import { EXAMPLE_CURVE, ONE } from "@/lib/protocol/testkit";

import { coverCostAt, coverStartedAt, repricing } from "./repricing";

const A = "0x00000000000000000000000000000000000000a1" as const;
const B = "0x00000000000000000000000000000000000000b2" as const;
const P = (n: bigint) => n * ONE;
const at = (t: number, index = 0) => ({ block: BigInt(t), index, time: BigInt(t) });

function synced(t: number, capital: bigint, active: bigint[], index = 0) {
  const pools = active.map((k) => packSyncedPool({ active: k, debt: 0n }));
  return syntheticLog(
    "Synced",
    { timestamp: t, capital, pools, premiumToCapital: 0n, arbiterFees: 0n, creatorFees: 0n },
    at(t, index),
  );
}

// C = 1 000; pool 1 holds 100 of B's cover; A's 100 in pool 0 matures at t = 100. At t = 200 a valid claim on pool 1
// takes its 900 payout: C = 100, all of it backing A's pool, which goes to 100 % utilisation.
const logs = [
  syntheticLog(
    "ProtectionBought",
    { purchaseId: 1n, poolId: 0, buyer: A, receiver: A, amount: P(100n), maturesAt: 100, poolPending: P(100n) },
    at(50),
  ),
  syntheticLog(
    "ProtectionBought",
    { purchaseId: 2n, poolId: 1, buyer: B, receiver: B, amount: P(100n), maturesAt: 100, poolPending: P(100n) },
    at(50, 1),
  ),
  syntheticLog(
    "PurchaseMatured",
    {
      purchaseId: 1n,
      poolId: 0,
      epoch: 0,
      accepted: P(100n),
      tokens: P(100n),
      maturedAt: 100,
      poolActive: P(100n),
      coverSupply: P(100n),
    },
    at(100),
  ),
  syntheticLog(
    "PurchaseMatured",
    {
      purchaseId: 2n,
      poolId: 1,
      epoch: 0,
      accepted: P(100n),
      tokens: P(100n),
      maturedAt: 100,
      poolActive: P(100n),
      coverSupply: P(100n),
    },
    at(100, 1),
  ),
  synced(100, P(1000n), [P(100n), P(100n)], 2),
  syntheticLog(
    "ClaimResolved",
    { claimId: 1n, poolId: 1, valid: true, payout: P(900n), redeemable: P(1000n), debtCharged: 0n, capital: P(100n) },
    at(200),
  ),
];
const series = deriveSeries(logs, { curve: EXAMPLE_CURVE, poolCount: 2 });
const params = { curve: EXAMPLE_CURVE, payoutMultiple: 0n };

describe("repricing alerts", () => {
  test("the cover's start is its latest matured purchase's block", () => {
    expect(coverStartedAt(logs, A, 0, 0)).toBe(100);
    expect(coverStartedAt(logs, A, 1, 0)).toBeUndefined();
  });

  test("a valid claim elsewhere takes the free capital: the cost goes from r(1/9) × 9 to r(100 %) × 1", () => {
    const then = coverCostAt(series, 0, 100, EXAMPLE_CURVE, 0n)!;
    const now = coverCostAt(series, 0, 200, EXAMPLE_CURVE, 0n)!;
    // u = 100 / 900 → r = 2 % + 8 % × (1/9) / 0.8 ≈ 3.11 %, on P = 900 for K = 100: ≈ 28 % a year.
    expect(then / (WAD / 1000n)).toBe(280n);
    // u = 100 % → r = 2 % + 8 % + 100 % = 110 %, on P = K.
    expect(now).toBe((110n * WAD) / 100n);
    const alert = repricing(logs, series, { account: A, poolId: 0, epoch: 0 }, params, now)!;
    expect(alert.since).toBe(100);
    expect(alert.factor / WAD).toBe(3n);
    expect(alert.reasons).toEqual([{ kind: "claim", poolId: 1, amount: P(900n) }]);
  });

  test("no alert while the cost has not more than doubled", () => {
    const then = coverCostAt(series, 0, 100, EXAMPLE_CURVE, 0n)!;
    expect(repricing(logs, series, { account: A, poolId: 0, epoch: 0 }, params, then * 2n)).toBeNull();
    expect(repricing(logs, series, { account: B, poolId: 0, epoch: 0 }, params, then * 5n)).toBeNull();
  });
});
