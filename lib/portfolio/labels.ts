import type { Address } from "viem";

/** The app's page for one MetaPool. */
export function metaPoolHref(metaPool: Address): string {
  return `/metapool/${metaPool}`;
}

/**
 * MetaPool sections the Portfolio renders at first, and adds per click: an account in 246 MetaPools rendered them
 * all (with their actions, countdowns and notices) in one go, seconds of main thread after the last read. Totals
 * and the CSV still cover every MetaPool.
 */
export const PORTFOLIO_SECTIONS_STEP = 20;

/**
 * Of the first step, the sections painted before the others: at 246 MetaPools the first 20 took ~250 ms of main
 * thread after the last read (bench:scale-app, 1 000 MetaPools); the other 10 follow in a transition right after.
 */
export const PORTFOLIO_FIRST_SECTIONS = 10;

/** The "show more" button's words, or null when every section already shows. */
export function moreSectionsLabel(shown: number, total: number): string | null {
  const left = total - shown;
  if (left <= 0) return null;
  const next = Math.min(PORTFOLIO_SECTIONS_STEP, left);
  return next === left
    ? `Show the last ${left === 1 ? "MetaPool" : `${left} MetaPools`}`
    : `Show ${next} more MetaPools (${left} not shown)`;
}
