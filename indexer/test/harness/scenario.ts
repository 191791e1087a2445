// The protocol actions the indexer test runs: a random sequence (seeded, reproducible) over every user action, and
// a scripted part that makes sure every event type happens at least once (a restarted freeze, a share-epoch wipe,
// a lapse, a claim voided by shutdown, exits).
import type { Market } from "./market";
import { marketActions } from "./marketActions";
import { randomActionOn } from "./randomAction";
import { scriptedSteps } from "./scriptedSteps";

export function actions(market: Market) {
  const act = marketActions(market);
  const { deposit, buy, poke, fileClaim, read, pool, shares, coverBalance } = act;
  return {
    randomAction: randomActionOn(market, act),
    ...scriptedSteps(market, act),
    deposit,
    buy,
    poke,
    fileClaim,
    read,
    pool,
    shares,
    coverBalance,
  };
}
