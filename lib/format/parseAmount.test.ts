import { describe, expect, test } from "vitest";

import { parseAmount } from "./parseAmount";

describe("parseAmount", () => {
  test("exact base units", () => {
    expect(parseAmount("1", 18)).toEqual({ ok: true, value: 10n ** 18n });
    expect(parseAmount("420.5", 6)).toEqual({ ok: true, value: 420_500_000n });
    expect(parseAmount("0.000001", 6)).toEqual({ ok: true, value: 1n });
    expect(parseAmount(".5", 6)).toEqual({ ok: true, value: 500_000n });
    expect(parseAmount("5.", 6)).toEqual({ ok: true, value: 5_000_000n });
    expect(parseAmount("  1,000,000.25 ", 6)).toEqual({ ok: true, value: 1_000_000_250_000n });
    expect(parseAmount("123456789012345678901234567890.123456789012345678", 18)).toEqual({
      ok: true,
      value: 123456789012345678901234567890123456789012345678n,
    });
  });

  test("trailing zeros beyond the decimals are fine", () => {
    expect(parseAmount("1.5000000", 6)).toEqual({ ok: true, value: 1_500_000n });
    expect(parseAmount("7.0", 0)).toEqual({ ok: true, value: 7n });
  });

  test("typed errors", () => {
    expect(parseAmount("", 6)).toEqual({ ok: false, error: "empty" });
    expect(parseAmount("   ", 6)).toEqual({ ok: false, error: "empty" });
    expect(parseAmount("abc", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("1e6", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("1.2.3", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("1,00", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount(".", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("-", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("+1", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("0x10", 6)).toEqual({ ok: false, error: "not-a-number" });
    expect(parseAmount("1.0000001", 6)).toEqual({ ok: false, error: "too-many-decimals" });
    expect(parseAmount("0", 6)).toEqual({ ok: false, error: "zero" });
    expect(parseAmount("0.000", 6)).toEqual({ ok: false, error: "zero" });
    expect(parseAmount("-0", 6)).toEqual({ ok: false, error: "zero" });
    expect(parseAmount("-2.5", 6)).toEqual({ ok: false, error: "negative" });
  });
});
