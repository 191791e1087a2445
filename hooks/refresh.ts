/**
 * How fresh each kind of number stays, in one place (hooks/queries.ts and hooks/indexerQueries.ts use it). Its own
 * module, free of ABIs and reads, because the root layout's footer and indexer line need it on every route.
 */
/** How often each kind of number is read again while a page shows it. */
export const refresh = {
  /**
   * Views projected to the chain's now (capital, rates, premiums, positions, quotes, pending
   * claims): about a block time, so rates and premiums move while the page is open.
   */
  live: 12_000,
  /**
   * The event history (charts, claim records and their evidence): a claim filed by someone else
   * must show without a focus event; the log cache makes each refresh read only the new blocks.
   */
  history: 12_000,
  /** The connected account's token balances. */
  balance: 12_000,
  /**
   * The latest block (the page's chain clock and the footer's node check): wall time extrapolates between reads, a
   * write or time travel invalidates it, so one read per refresh replaces the 4 s block watchers.
   */
  block: 12_000,
  /** The same read while the node does not answer, so the footer says when it is back. */
  blockWhileDown: 4_000,
} as const;
