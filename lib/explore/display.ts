import type { Address } from "viem";

import { formatApy, formatCostRate } from "@/lib/economics/format";
import { payoutCapLabel } from "@/lib/economics/payout";
import {
  formatAmount,
  formatBps,
  formatDuration,
  formatPercentWad,
  formatRateApr,
  sameAddress,
  shortAddress,
} from "@/lib/format";

import type { ExploreRow } from "./rows";

/** The arbiter as a short address, or "you" when it is the connected account. */
export function arbiterLabel(arbiter: Address, account: Address | undefined): string {
  return sameAddress(arbiter, account) ? "you" : shortAddress(arbiter);
}

/** "3.25 % APR" when every pool pays the same rate, else "2 – 60 % APR"; "—" when there is none (shut down). */
export function formatRateRange(min: bigint | null, max: bigint | null): string {
  if (min === null || max === null) return "—";
  if (min === max) return formatRateApr(min);
  return `${formatPercentWad(min).replace(/ %$/, "")} – ${formatRateApr(max)}`;
}

/** "26 – 41.2 % a year" of the deposit, or the curve's rates when no cost is known. */
export function formatCostRange(min: bigint | null, max: bigint | null): string {
  if (min === null || max === null) return "—";
  if (min === max) return `${formatCostRate(min)} a year`;
  return `${formatCostRate(min).replace(/ %$/, "")} – ${formatCostRate(max)} a year`;
}

/** "5 % + 5 %" and its long form for screen readers and tooltips. */
export function formatFees(
  arbiterFeeBps: number,
  creatorFeeBps: number,
): { short: string; long: string; total: string } {
  return {
    short: `${formatBps(arbiterFeeBps)} + ${formatBps(creatorFeeBps)}`,
    long: `${formatBps(arbiterFeeBps)} to the arbiter and ${formatBps(creatorFeeBps)} to the creator, taken from premiums`,
    total: formatBps(arbiterFeeBps + creatorFeeBps),
  };
}

export function formatUtilisation(utilisation: bigint | null): string {
  return utilisation === null ? "—" : formatPercentWad(utilisation);
}

/** Every figure a row shows, formatted once for both the table and the cards. */
export interface RowFigures {
  capital: string;
  free: string;
  active: string;
  /** Null when nothing is pending. */
  pending: string | null;
  utilisation: string;
  rate: string;
  /** Cost of cover a year as a share of the deposit, lowest – highest pool; null when unknown (the rate shows). */
  cost: string | null;
  apy: string;
  /** "uncapped" or "3× cap"; null when unknown. */
  payoutCap: string | null;
  purchaseDelay: string;
  withdrawalPeriod: string;
  fees: ReturnType<typeof formatFees>;
  arbiter: string;
  arbiterIsYou: boolean;
  poolCount: string;
}

export function rowFigures(
  row: Pick<
    ExploreRow,
    | "capital"
    | "free"
    | "active"
    | "pending"
    | "decimals"
    | "utilisation"
    | "minRate"
    | "maxRate"
    | "purchaseDelay"
    | "withdrawalPeriod"
    | "arbiterFeeBps"
    | "creatorFeeBps"
    | "arbiter"
    | "poolNames"
  > &
    Partial<Pick<ExploreRow, "apy" | "minCost" | "maxCost" | "payoutCap">>,
  symbol: string,
  account: Address | undefined,
): RowFigures {
  const amount = (value: bigint) => formatAmount(value, row.decimals, { symbol, compact: true });
  const pools = row.poolNames.length;
  return {
    capital: amount(row.capital),
    free: amount(row.free),
    active: amount(row.active),
    pending: row.pending > 0n ? amount(row.pending) : null,
    utilisation: formatUtilisation(row.utilisation),
    rate: formatRateRange(row.minRate, row.maxRate),
    cost: row.minCost != null && row.maxCost != null ? formatCostRange(row.minCost, row.maxCost) : null,
    apy: formatApy(row.apy ?? null),
    payoutCap: row.payoutCap == null ? null : payoutCapLabel(row.payoutCap),
    purchaseDelay: formatDuration(row.purchaseDelay),
    withdrawalPeriod: formatDuration(row.withdrawalPeriod),
    fees: formatFees(row.arbiterFeeBps, row.creatorFeeBps),
    arbiter: arbiterLabel(row.arbiter, account),
    arbiterIsYou: sameAddress(row.arbiter, account),
    poolCount: `${pools} coverage pool${pools === 1 ? "" : "s"}`,
  };
}
