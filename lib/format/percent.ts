import { pow10, renderFixed, roundDiv } from "./decimal";

const WAD = 10n ** 18n;

/** A WAD fraction (1e18 = 100 %) as "3.25 %": nearest, up to `maxDecimals`, trailing zeros trimmed. */
export function formatPercentWad(wad: bigint, maxDecimals = 2): string {
  if (wad === 0n) return "0 %";
  const sign = wad < 0n ? "-" : "";
  const abs = wad < 0n ? -wad : wad;
  // percent × 10^maxDecimals = wad × 100 × 10^maxDecimals / 1e18
  const scaled = roundDiv(abs * 100n * pow10(maxDecimals), WAD, "nearest");
  if (scaled === 0n) return `<${renderFixed(1n, maxDecimals, maxDecimals)} %`;
  return `${sign}${renderFixed(scaled, maxDecimals, 0)} %`;
}

/** A yearly funding rate (WAD per year) as "3.25 % APR". */
export function formatRateApr(wad: bigint, maxDecimals = 2): string {
  return `${formatPercentWad(wad, maxDecimals)} APR`;
}

/** Basis points (10 000 = 100 %) as "5 %" or "0.25 %". */
export function formatBps(bps: bigint | number): string {
  return formatPercentWad(BigInt(bps) * pow10(14));
}
