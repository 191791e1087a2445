import { describe, expect, test } from "vitest";

import { packSyncedPool, unpackSyncedPool } from "./syncedPools";

const MAX_128 = (1n << 128n) - 1n;

describe("Synced pool words", () => {
  test("K is the low 128 bits and the claim debt the high 128 bits", () => {
    expect(unpackSyncedPool(0n)).toEqual({ active: 0n, debt: 0n });
    expect(unpackSyncedPool(100n * 10n ** 18n)).toEqual({ active: 100n * 10n ** 18n, debt: 0n });
    expect(unpackSyncedPool((7n << 128n) | 5n)).toEqual({ active: 5n, debt: 7n });
    expect(unpackSyncedPool((MAX_128 << 128n) | MAX_128)).toEqual({ active: MAX_128, debt: MAX_128 });
  });

  test("packing and unpacking are inverse over the whole uint128 range", () => {
    for (const active of [0n, 1n, 10n ** 18n, 1n << 127n, MAX_128]) {
      for (const debt of [0n, 1n, 3n * 10n ** 17n, MAX_128]) {
        expect(unpackSyncedPool(packSyncedPool({ active, debt }))).toEqual({ active, debt });
      }
    }
  });

  test("values outside the encoding are refused", () => {
    expect(() => unpackSyncedPool(-1n)).toThrow(RangeError);
    expect(() => unpackSyncedPool(1n << 256n)).toThrow(RangeError);
    expect(() => packSyncedPool({ active: MAX_128 + 1n, debt: 0n })).toThrow(RangeError);
    expect(() => packSyncedPool({ active: 0n, debt: -1n })).toThrow(RangeError);
  });
});
