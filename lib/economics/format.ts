import { formatPercentWad } from "@/lib/format";
import { WAD } from "@/lib/protocol";

/** "7.02 % APY" (simple yearly rate, see yield.ts); "—" when there is no capital. */
export function formatApy(apy: bigint | null): string {
  return apy === null ? "—" : `${formatPercentWad(apy)} APY`;
}

/** Costs beyond this are shown as "over 1,000 %": the exact figure means nothing to a buyer. */
const COST_CEILING = 10n * WAD;

/** A yearly cost as a share of the deposit: "41.2 % of your deposit a year" is built from "41.2 %". */
export function formatCostRate(cost: bigint | null): string {
  if (cost === null) return "—";
  return cost > COST_CEILING ? "over 1,000 %" : formatPercentWad(cost, cost >= WAD / 10n ? 1 : 2);
}

/** P / K as "16×" (one decimal under 10×, whole numbers above). */
export function formatMultiple(multiple: bigint | null): string {
  if (multiple === null) return "—";
  const tenths = (multiple * 10n + WAD / 2n) / WAD;
  if (tenths < 100n) return `${tenths / 10n}.${tenths % 10n}×`.replace(".0×", "×");
  const whole = (multiple + WAD / 2n) / WAD;
  return `${whole.toLocaleString("en-US")}×`;
}
