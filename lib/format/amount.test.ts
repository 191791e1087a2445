import { describe, expect, test } from "vitest";

import { formatAmount } from "./amount";

const e18 = 10n ** 18n;

describe("formatAmount", () => {
  test("2 decimals from one unit up, with thousands separators", () => {
    expect(formatAmount(1_234_567_891n * 10n ** 12n, 18)).toBe("1,234.56");
    expect(formatAmount(1n * e18, 18)).toBe("1.00");
    expect(formatAmount(1_000_000n * e18, 18, { symbol: "DAI" })).toBe("1,000,000.00 DAI");
    expect(formatAmount(420_000_000n, 6, { symbol: "USDC" })).toBe("420.00 USDC");
  });

  test("up to 4 decimals below one unit, at least 2", () => {
    expect(formatAmount(5n * 10n ** 17n, 18)).toBe("0.50");
    expect(formatAmount(71_232_876_712_328_768n, 18)).toBe("0.0712");
    expect(formatAmount(10_000n, 6)).toBe("0.01");
  });

  test('"<0.01" for a tiny non-zero amount; "0" for zero', () => {
    expect(formatAmount(0n, 18, { symbol: "USDC" })).toBe("0 USDC");
    expect(formatAmount(1n, 18)).toBe("<0.0001");
    expect(formatAmount(9_999n, 6, { maxDecimals: 2 })).toBe("<0.01");
    expect(formatAmount(1n, 6, { symbol: "USDC", maxDecimals: 2 })).toBe("<0.01 USDC");
  });

  test("maxDecimals caps the decimals", () => {
    expect(formatAmount(1_234_567_891n * 10n ** 12n, 18, { maxDecimals: 0 })).toBe("1,234");
    expect(formatAmount(1_234_567_891n * 10n ** 12n, 18, { maxDecimals: 6 })).toBe("1,234.567891");
    expect(formatAmount(1_500_000n, 6, { maxDecimals: 6 })).toBe("1.50");
  });

  test("rounds down by default, up on request", () => {
    expect(formatAmount(1_999_999n, 6)).toBe("1.99");
    expect(formatAmount(1_999_999n, 6, { rounding: "up" })).toBe("2.00");
    expect(formatAmount(1_994_999n, 6, { rounding: "nearest" })).toBe("1.99");
    expect(formatAmount(1_995_000n, 6, { rounding: "nearest" })).toBe("2.00");
    expect(formatAmount(1n, 18, { rounding: "up", maxDecimals: 2 })).toBe("0.01");
  });

  test("compact K, M, B, T", () => {
    expect(formatAmount(999n * e18, 18, { compact: true })).toBe("999.00");
    expect(formatAmount(1_000n * e18, 18, { compact: true })).toBe("1K");
    expect(formatAmount(1_234_567n * e18, 18, { compact: true, symbol: "USDC" })).toBe("1.23M USDC");
    expect(formatAmount(12_500_000_000n * e18, 18, { compact: true })).toBe("12.5B");
    expect(formatAmount(7n * 10n ** 30n, 18, { compact: true })).toBe("7T");
    expect(formatAmount(7n * 10n ** 36n, 18, { compact: true })).toBe("7,000,000T");
  });

  test("compact rounding up carries into the next suffix", () => {
    expect(formatAmount(999_999_999n, 6, { compact: true, rounding: "up" })).toBe("1K");
    expect(formatAmount(999_999_999_999n, 6, { compact: true, rounding: "up" })).toBe("1M");
    expect(formatAmount(999_999_999_999n, 6, { compact: true })).toBe("999.99K");
  });

  test("amounts far beyond 2^53 stay exact", () => {
    const huge = 2n ** 255n; // ≈ 5.79e76
    expect(formatAmount(huge, 0, { maxDecimals: 0 })).toBe(
      "57,896,044,618,658,097,711,785,492,504,343,953,926,634,992,332,820,282,019,728,792,003,956,564,819,968",
    );
    expect(formatAmount(huge + 1n, 18)).toBe(
      "57,896,044,618,658,097,711,785,492,504,343,953,926,634,992,332,820,282,019,728.79",
    );
  });

  test("negative amounts (deltas) keep their sign", () => {
    expect(formatAmount(-1_500_000n, 6)).toBe("-1.50");
    expect(formatAmount(-2_000n * e18, 18, { compact: true })).toBe("-2K");
    expect(formatAmount(-1n, 6, { maxDecimals: 2 })).toBe(">-0.01");
  });
});
