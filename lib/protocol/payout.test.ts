import { describe, expect, test } from "vitest";

import { WAD } from "./constants";
import { payout } from "./payout";
import { emptyPool } from "./state";
import { freeCapital, totalActive, totalPending, utilisation } from "./utilisation";

describe("payout", () => {
  test("payoutMultiple 0 pays the cover plus all free capital", () => {
    expect(payout(100n, 700n, 0n)).toBe(800n);
  });

  test("a multiple caps the free capital at (m − 1) × K", () => {
    expect(payout(100n, 700n, 5n)).toBe(500n);
    expect(payout(200n, 800n, 4n)).toBe(800n);
    expect(payout(100n, 300n, 5n)).toBe(400n); // F below the cap
    expect(payout(100n, 700n, 1n)).toBe(100n); // m = 1: cover only
  });

  test("no cover, no payout beyond F only when uncapped", () => {
    expect(payout(0n, 700n, 0n)).toBe(700n);
    expect(payout(0n, 700n, 3n)).toBe(0n);
  });
});

describe("utilisation", () => {
  test("K / (K + F) rounded up; 0 when both are 0", () => {
    expect(utilisation(100n, 700n)).toBe(WAD / 8n);
    expect(utilisation(1n, 2n)).toBe(333_333_333_333_333_334n);
    expect(utilisation(0n, 0n)).toBe(0n);
    expect(utilisation(0n, 5n)).toBe(0n);
    expect(utilisation(5n, 0n)).toBe(WAD);
  });

  test("free capital is C − Σ K, clamped at 0", () => {
    const pools = [
      { ...emptyPool(), active: 100n, pending: 7n },
      { ...emptyPool(), active: 200n, pending: 3n },
    ];
    expect(totalActive(pools)).toBe(300n);
    expect(totalPending(pools)).toBe(10n);
    expect(freeCapital(1000n, pools)).toBe(700n);
    expect(freeCapital(250n, pools)).toBe(0n);
  });
});
