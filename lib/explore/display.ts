import type { Address } from 'viem';

import { formatBps, formatPercentWad, formatRateApr } from '@/lib/format';

/** "0x1234…abcd". */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

export function sameAddress(a: string | undefined | null, b: string | undefined | null): boolean {
  return Boolean(a && b) && a!.toLowerCase() === b!.toLowerCase();
}

/** The arbiter as a short address, or "you" when it is the connected account. */
export function arbiterLabel(arbiter: Address, account: Address | undefined): string {
  return sameAddress(arbiter, account) ? 'you' : shortAddress(arbiter);
}

/** "3.25 % APR" when every pool pays the same rate, else "2 – 60 % APR"; "—" when there is none (shut down). */
export function formatRateRange(min: bigint | null, max: bigint | null): string {
  if (min === null || max === null) return '—';
  if (min === max) return formatRateApr(min);
  return `${formatPercentWad(min).replace(/ %$/, '')} – ${formatRateApr(max)}`;
}

/** "5 % + 5 %" and its long form for screen readers and tooltips. */
export function formatFees(arbiterFeeBps: number, creatorFeeBps: number): { short: string; long: string; total: string } {
  return {
    short: `${formatBps(arbiterFeeBps)} + ${formatBps(creatorFeeBps)}`,
    long: `${formatBps(arbiterFeeBps)} to the arbiter and ${formatBps(creatorFeeBps)} to the creator, taken from premiums`,
    total: formatBps(arbiterFeeBps + creatorFeeBps),
  };
}

export function formatUtilisation(utilisation: bigint | null): string {
  return utilisation === null ? '—' : formatPercentWad(utilisation);
}
