import { stateFromView } from "@/lib/protect/viewState";
import type { MetaPoolView } from "@/lib/types/metaPool";

import { poolPrice } from "./cost";
import { currentApy } from "./yield";

/** What the explore list adds to each MetaPool: yield, the price of cover, the payout cap, and "full". */
export interface RowEconomics {
  /** Current APY of the shares (WAD, simple); null without capital. */
  apy: bigint | null;
  /** Lowest and highest cost of cover across the pools, a year as a fraction of the deposit (WAD); null when none can be bought. */
  minCost: bigint | null;
  maxCost: bigint | null;
  /** Highest payout multiple P / K across the pools (WAD). */
  maxMultiple: bigint | null;
  /** The creation parameter: 0 = uncapped. */
  payoutCap: number;
  /** Free capital below the minimum purchase: nothing more can be bought. */
  full: boolean;
}

export function rowEconomics(view: MetaPoolView): RowEconomics {
  const state = stateFromView(view);
  const prices = view.shutDown ? [] : view.pools.map((_, i) => poolPrice(state, i));
  const costs = prices.map((p) => p.costRate).filter((c): c is bigint => c !== null);
  const multiples = prices.map((p) => p.payoutMultiple).filter((m): m is bigint => m !== null);
  return {
    apy: view.shutDown ? null : currentApy(view),
    minCost: costs.length ? costs.reduce((a, b) => (a < b ? a : b)) : null,
    maxCost: costs.length ? costs.reduce((a, b) => (a > b ? a : b)) : null,
    maxMultiple: multiples.length ? multiples.reduce((a, b) => (a > b ? a : b)) : null,
    payoutCap: Number(view.config.payoutMultiple),
    full: !view.shutDown && view.freeCapital < view.config.minPurchase,
  };
}
