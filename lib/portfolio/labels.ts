import type { Address } from "viem";

/** "0x1234…abcd". */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** Address equality whatever the letter case (checksummed or not). */
export function sameAddress(a: Address | string | undefined, b: Address | string | undefined): boolean {
  return Boolean(a && b) && a!.toLowerCase() === b!.toLowerCase();
}

/** The symbol the contract gives a coverage pool epoch's cover token (SPEC §5): "cnpy-<i>-e<epoch>". */
export function coverTokenSymbol(poolId: number, epoch: number): string {
  return `cnpy-${poolId}-e${epoch}`;
}

/** The app's page for one MetaPool. */
export function metaPoolHref(metaPool: Address): string {
  return `/metapool/${metaPool}`;
}
