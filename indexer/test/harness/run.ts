import type { Chain, Deployment } from "./chain";
import type { Market } from "./market";
import type { Indexer } from "./ponder";
import type { actions } from "./scenario";

/**
 * One run of the indexer suite: the chain, the protocol, the market and the indexer that indexer.test.ts starts in
 * its beforeAll. The groups of tests in suites/ take it and read its fields when they run, so Anvil and Ponder start
 * once for all of them.
 */
export interface IndexerRun {
  chain: Chain;
  deployment: Deployment;
  market: Market;
  indexer: Indexer;
  act: ReturnType<typeof actions>;
}
