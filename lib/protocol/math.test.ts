import { describe, expect, test } from "vitest";

import { ceilDiv, max, min, mulDivDown, mulDivUp, saturatingSub } from "./math";

describe("math", () => {
  test("ceilDiv rounds up and keeps exact quotients", () => {
    expect(ceilDiv(0n, 7n)).toBe(0n);
    expect(ceilDiv(1n, 7n)).toBe(1n);
    expect(ceilDiv(7n, 7n)).toBe(1n);
    expect(ceilDiv(8n, 7n)).toBe(2n);
  });

  test("mulDivDown and mulDivUp differ by one exactly when inexact", () => {
    expect(mulDivDown(10n, 10n, 3n)).toBe(33n);
    expect(mulDivUp(10n, 10n, 3n)).toBe(34n);
    expect(mulDivDown(10n, 9n, 3n)).toBe(30n);
    expect(mulDivUp(10n, 9n, 3n)).toBe(30n);
    expect(mulDivUp(0n, 5n, 3n)).toBe(0n);
  });

  test("intermediate products beyond 2^256 stay exact", () => {
    const big = 2n ** 255n;
    expect(mulDivDown(big, big, big)).toBe(big);
  });

  test("division by zero and negative amounts throw", () => {
    expect(() => ceilDiv(1n, 0n)).toThrow(RangeError);
    expect(() => mulDivDown(1n, 1n, 0n)).toThrow(RangeError);
    expect(() => mulDivDown(-1n, 1n, 1n)).toThrow(RangeError);
    expect(() => mulDivUp(1n, -1n, 1n)).toThrow(RangeError);
  });

  test("min, max, saturatingSub", () => {
    expect(min(2n, 3n)).toBe(2n);
    expect(max(2n, 3n)).toBe(3n);
    expect(saturatingSub(2n, 3n)).toBe(0n);
    expect(saturatingSub(5n, 3n)).toBe(2n);
  });
});
