// The indexed tables against the chain at one block: every MetaPool, coverage pool, purchase, request, claim, fee
// balance, share and cover balance against the contracts' own views; every event against the row it produced.
import { check } from "./compareCheck";
import { compareCover, coverTransfers } from "./compareCover";
import { compareEvents } from "./compareEvents";
import { compareLedgers } from "./compareLedgers";
import { compareMetaPool } from "./compareMetaPool";
import type { Market } from "./market";
import type { Indexer } from "./ponder";

export interface Comparison {
  mismatches: string[];
  /** How many logs of each event the chain holds (MetaPool events, cover token transfers, creations). */
  events: Record<string, number>;
  checked: number;
}

export async function compareWithChain(market: Market, indexer: Indexer, block: bigint): Promise<Comparison> {
  const c = check(market, indexer, block);
  // ----- events: every log against its row -----
  const { logs, events, fromBlock } = await compareEvents(c);

  // ----- state: every row against the contract's views at `block` -----
  for (const m of market.metaPools) {
    const row = await compareMetaPool(c, m);
    if (!row) continue;
    await compareLedgers(c, m, row);
    await compareCover(c, m, logs);
  }

  // Cover token transfers happened and were seen.
  const transfers = await coverTransfers(c, fromBlock);
  if (transfers !== undefined) events["CoverToken:Transfer"] = transfers;
  return { mismatches: c.mismatches, events, checked: c.checked() };
}
