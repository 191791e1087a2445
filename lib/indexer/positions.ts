// An account's position history from the indexer (indexer/src/api/positions.ts): one request for every MetaPool it
// touched, where the chain-only path scans 6–8 event queries per MetaPool. Relative imports: the indexer's test
// parses its own answer with this.
import { getAddress, type Address } from "viem";

import type { CoverTokenRef, PositionHistory } from "../types/positions";
import { asArray, asRecord, getIndexerJson, toAddress, toBigInt, toNumber } from "./http";

/** Histories by lower-case MetaPool address. */
export type PositionHistories = Record<string, PositionHistory>;

/** The history with nothing in it: a MetaPool the indexer lists for no reason of the account's own positions. */
export const emptyHistory: PositionHistory = {
  deposited: 0n,
  withdrawn: 0n,
  requestIds: [],
  purchases: [],
  restarts: [],
  coverTokens: [],
};

function parseCoverToken(value: unknown): CoverTokenRef {
  const t = asRecord(value, "cover token");
  return {
    poolId: toNumber(t.poolId, "cover token's pool"),
    epoch: toNumber(t.epoch, "cover token's epoch"),
    // Checksummed, as the chain's views name tokens: positions from either source compare equal.
    token: getAddress(toAddress(t.token, "cover token address")),
  };
}

function parseHistoryEntry(value: unknown): [string, PositionHistory, Address] {
  const m = asRecord(value, "position history");
  const history: PositionHistory = {
    deposited: toBigInt(m.deposited, "deposited amount"),
    withdrawn: toBigInt(m.withdrawn, "withdrawn amount"),
    requestIds: asArray(m.requestIds, "request ids").map((id) => toBigInt(id, "request id")),
    purchases: asArray(m.purchases, "purchases").map((p) => {
      const r = asRecord(p, "purchase");
      return { id: toBigInt(r.id, "purchase id"), boughtMaturesAt: toBigInt(r.boughtMaturesAt, "purchase maturity") };
    }),
    restarts: asArray(m.restarts, "restarts").map((x) => {
      const r = asRecord(x, "restart");
      return {
        fromId: toBigInt(r.fromId, "restart range"),
        toId: toBigInt(r.toId, "restart range"),
        maturesAt: toBigInt(r.maturesAt, "restart maturity"),
        claimId: toBigInt(r.claimId, "restart's claim"),
        order: toBigInt(r.order, "restart order"),
      };
    }),
    coverTokens: asArray(m.coverTokens, "cover tokens").map(parseCoverToken),
  };
  const address = toAddress(m.metaPool, "MetaPool address");
  return [address.toLowerCase(), history, address];
}

/** The indexer's answer: the histories, and the block its tables reflected when it read them. */
export interface IndexedPositionHistories {
  indexedBlock: bigint;
  /**
   * The MetaPools answered for, in the factory's order: for the whole account, every MetaPool it touched (what
   * /canopy/account/:account/metapools lists), so the Portfolio takes its list and histories from one request.
   */
  metaPools: Address[];
  histories: PositionHistories;
}

export function parsePositionHistories(json: unknown): IndexedPositionHistories {
  const answer = asRecord(json, "positions");
  const entries = asArray(answer.metaPools, "MetaPools").map(parseHistoryEntry);
  return {
    indexedBlock: toBigInt(answer.indexedBlock, "indexed block"),
    metaPools: entries.map(([, , address]) => address),
    histories: Object.fromEntries(entries.map(([key, history]) => [key, history])),
  };
}

/** The account's history in every MetaPool it touched, or in `metaPool` only. */
export async function fetchPositionHistories(
  base: string,
  account: Address,
  metaPool?: Address,
  signal?: AbortSignal,
): Promise<IndexedPositionHistories> {
  const path = `/canopy/account/${account.toLowerCase()}/positions`;
  const json = await getIndexerJson(base, path, { metaPool: metaPool?.toLowerCase() }, signal);
  return parsePositionHistories(json);
}
