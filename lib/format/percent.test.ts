import { describe, expect, test } from "vitest";

import { formatBps, formatPercentWad, formatRateApr } from "./percent";

describe("percentages", () => {
  test("WAD fractions as percent, trailing zeros trimmed", () => {
    expect(formatPercentWad(32_500_000_000_000_000n)).toBe("3.25 %");
    expect(formatPercentWad(600_000_000_000_000_000n)).toBe("60 %");
    expect(formatPercentWad(125_000_000_000_000_000n)).toBe("12.5 %");
    expect(formatPercentWad(10n ** 18n)).toBe("100 %");
    expect(formatPercentWad(0n)).toBe("0 %");
  });

  test('rounds to nearest; tiny non-zero shows "<0.01 %"', () => {
    expect(formatPercentWad(20_000_100_000_000_000n)).toBe("2 %");
    expect(formatPercentWad(20_000_100_000_000_000n, 5)).toBe("2.00001 %");
    expect(formatPercentWad(333_333_333_333_333_334n)).toBe("33.33 %");
    expect(formatPercentWad(666_666_666_666_666_667n)).toBe("66.67 %");
    expect(formatPercentWad(10n ** 12n)).toBe("<0.01 %");
    expect(formatPercentWad(10n ** 12n, 4)).toBe("0.0001 %");
    expect(formatPercentWad(-5n * 10n ** 16n)).toBe("-5 %");
  });

  test("yearly rate", () => {
    expect(formatRateApr(32_500_000_000_000_000n)).toBe("3.25 % APR");
  });

  test("basis points", () => {
    expect(formatBps(500n)).toBe("5 %");
    expect(formatBps(25)).toBe("0.25 %");
    expect(formatBps(10_000)).toBe("100 %");
    expect(formatBps(1)).toBe("0.01 %");
    expect(formatBps(0)).toBe("0 %");
  });
});
