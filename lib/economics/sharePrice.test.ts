import { describe, expect, test } from "vitest";

import { syntheticLog } from "@/lib/history/testkit";
import { DAY, WAD } from "@/lib/protocol";

import { realisedApy, sharePriceHistory } from "./sharePrice";

const ONE = 10n ** 18n;
const D = Number(DAY);
const A = "0x00000000000000000000000000000000000000a1" as const;
const ZERO = "0x0000000000000000000000000000000000000000" as const;

function deposited(time: number, capital: bigint, shareSupply: bigint) {
  return syntheticLog(
    "Deposited",
    { caller: A, receiver: A, assets: 0n, shares: 0n, capital, shareSupply },
    { block: BigInt(time), time: BigInt(time) },
  );
}
function synced(time: number, capital: bigint) {
  return syntheticLog(
    "Synced",
    { timestamp: time, capital, pools: [], premiumToCapital: 0n, arbiterFees: 0n, creatorFees: 0n },
    { block: BigInt(time), time: BigInt(time) },
  );
}
function burned(time: number, value: bigint) {
  return syntheticLog("Transfer", { from: A, to: ZERO, value }, { block: BigInt(time), time: BigInt(time) });
}

describe("realised APY from the share price", () => {
  const t0 = 1_000_000;
  const logs = [
    deposited(t0, 1000n * ONE, 1000n * ONE),
    synced(t0 + 20 * D, 1010n * ONE),
    burned(t0 + 20 * D, 500n * ONE),
  ];
  const history = sharePriceHistory(logs);

  test("the history follows C and the supply, deposits absolute and burns subtracted", () => {
    expect(history).toEqual([
      { t: t0, capital: 1000n * ONE, supply: 1000n * ONE, shareEpoch: 0 },
      { t: t0 + 20 * D, capital: 1010n * ONE, supply: 500n * ONE, shareEpoch: 0 },
    ]);
  });

  test("over 30 days the price rose 1 % + 1 % (C 1010 → 505 + 5 on half the shares): about 24.3 % a year", () => {
    // Half the shares burned with C unchanged by the event (the withdrawal's C change comes in its own event).
    const now = { t: t0 + 30 * D, capital: 515n * ONE, supply: 500n * ONE, shareEpoch: 0 };
    const r = realisedApy(history, now, 30)!;
    expect(r.seconds).toBe(30 * D);
    // price 1 → 1.03 in 30 days: 3 % × 365 / 30 = 36.5 %.
    expect(r.apy).toBeGreaterThan((365n * WAD) / 1000n - 10n);
    expect(r.apy).toBeLessThanOrEqual((365n * WAD) / 1000n);
  });

  test("a 7-day window starts from the price in force 7 days ago", () => {
    const now = {
      t: t0 + 27 * D,
      capital: (1010n * ONE * 500n) / 1000n + 10n ** 17n,
      supply: 500n * ONE,
      shareEpoch: 0,
    };
    const history2 = sharePriceHistory([
      deposited(t0, 1000n * ONE, 1000n * ONE),
      synced(t0 + 20 * D, 1010n * ONE),
      synced(t0 + 20 * D + 1, 505n * ONE),
      burned(t0 + 20 * D + 1, 500n * ONE),
    ]);
    const r = realisedApy(history2, now, 7)!;
    expect(r.seconds).toBe(7 * D);
    // 1.01 → 1.0102 in a week: 0.0198 % × 365 / 7 ≈ 1.03 %.
    expect(r.apy).toBeGreaterThan(WAD / 100n);
    expect(r.apy).toBeLessThan((WAD * 11n) / 1000n);
  });

  test("a younger MetaPool reports the span it has; under a day, nothing; a loss is negative", () => {
    const young = realisedApy(
      history,
      { t: t0 + 10 * D, capital: 990n * ONE, supply: 1000n * ONE, shareEpoch: 0 },
      30,
    )!;
    expect(young.seconds).toBe(10 * D);
    expect(young.apy).toBeLessThan(0n);
    expect(
      realisedApy(history, { t: t0 + 3600, capital: 1000n * ONE, supply: 1000n * ONE, shareEpoch: 0 }, 7),
    ).toBeNull();
  });

  test("a share-epoch close restarts the series: the window never spans two epochs", () => {
    const closed = syntheticLog(
      "ShareEpochClosed",
      { closedEpoch: 0, newEpoch: 1, capital: 1n * ONE, supply: 1000n * ONE },
      { block: BigInt(t0 + 5 * D), time: BigInt(t0 + 5 * D) },
    );
    const h = sharePriceHistory([deposited(t0, 1000n * ONE, 1000n * ONE), closed]);
    expect(h.at(-1)).toEqual({ t: t0 + 5 * D, capital: ONE, supply: ONE, shareEpoch: 1 });
    const r = realisedApy(h, { t: t0 + 15 * D, capital: ONE, supply: ONE, shareEpoch: 1 }, 30)!;
    expect(r.seconds).toBe(10 * D);
    expect(r.apy).toBe(0n);
  });
});
