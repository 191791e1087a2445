export type ParseAmountError = "empty" | "not-a-number" | "too-many-decimals" | "zero" | "negative";

export type ParseAmountResult = { ok: true; value: bigint } | { ok: false; error: ParseAmountError };

/** Digits with an optional fraction; commas only as proper thousands groups ("1,000.5"). */
const NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?$/;

/**
 * A form's amount text in base units. Exact: the digits are read as a string, never as a float.
 * Trailing zeros beyond the asset's decimals are accepted ("1.50" with 1 decimal).
 */
export function parseAmount(input: string, decimals: number): ParseAmountResult {
  const text = input.trim().replace(/\s+/g, "");
  if (text === "") return { ok: false, error: "empty" };
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  if (body === "" || body === "." || !NUMBER.test(body)) return { ok: false, error: "not-a-number" };
  const [integer = "", rawFraction = ""] = body.replace(/,/g, "").split(".");
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > decimals) return { ok: false, error: "too-many-decimals" };
  const value = BigInt((integer || "0") + fraction.padEnd(decimals, "0"));
  if (value === 0n) return { ok: false, error: "zero" };
  if (negative) return { ok: false, error: "negative" };
  return { ok: true, value };
}
