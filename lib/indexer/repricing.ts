// Relative imports: the indexer's test holds these answers against lib/economics on the chain's events.
import type { Address } from "viem";

import type { RepricingReason } from "../economics/repricingEvents";
import { asArray, asRecord, getIndexerJson, IndexerError, toBigInt, toNumber } from "./http";

/** Since when the reasons are counted: the account's cover in the pool's epoch started, or a given time. */
export type RepricingFrom = { account: Address; epoch: number } | { since: number };

export interface IndexedRepricing {
  /** When counting starts (unix seconds); undefined when the account has no cover there. */
  since: number | undefined;
  reasons: RepricingReason[];
}

/** The answer of /canopy/metapool/:address/repricing, as lib/economics `coverStartedAt` and `repricingReasons` say it. */
export function parseRepricing(json: unknown): IndexedRepricing {
  const answer = asRecord(json, "repricing");
  const since = answer.since === null ? undefined : toNumber(answer.since, "cover start");
  const reasons = asArray(answer.reasons, "repricing reasons").map((raw): RepricingReason => {
    const r = asRecord(raw, "repricing reason");
    const amount = toBigInt(r.amount, "repricing amount");
    switch (r.kind) {
      case "claim":
        return { kind: "claim", poolId: toNumber(r.poolId, "pool id"), amount };
      case "deposits":
      case "withdrawals":
      case "cover":
        return { kind: r.kind, amount };
      default:
        throw new IndexerError("The indexer sent a malformed repricing reason");
    }
  });
  return { since, reasons };
}

export async function fetchRepricing(
  base: string,
  metaPool: Address,
  poolId: number,
  from: RepricingFrom,
  signal?: AbortSignal,
): Promise<IndexedRepricing> {
  const params =
    "account" in from
      ? { pool: poolId, account: from.account.toLowerCase(), epoch: from.epoch }
      : { pool: poolId, since: from.since };
  const json = await getIndexerJson(base, `/canopy/metapool/${metaPool.toLowerCase()}/repricing`, params, signal);
  return parseRepricing(json);
}
