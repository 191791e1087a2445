import type { Address } from "viem";

/** The app's page for one MetaPool. */
export function metaPoolHref(metaPool: Address): string {
  return `/metapool/${metaPool}`;
}
