// Relative imports: the indexer's test holds this mapping against the chain's events (lib/history deriveClaims).
import { getAddress, type Address, type Hash, type Hex } from "viem";

import type { ClaimRecord, ClaimStatus } from "../history/claims";
import { asArray, asRecord, getIndexerJson, IndexerError, toAddress, toBigInt } from "./http";

const STATUSES: readonly ClaimStatus[] = ["pending", "valid", "invalid", "voided"];
const HEX = /^0x[0-9a-fA-F]*$/;

function toHex(value: unknown, field: string): Hex {
  if (typeof value === "string" && HEX.test(value)) return value as Hex;
  throw new IndexerError(`The indexer sent a malformed ${field}`);
}

const optional = <T>(value: unknown, read: (v: unknown) => T): T | undefined =>
  value === null || value === undefined ? undefined : read(value);

/**
 * The answer of /canopy/metapool/:address/claims as the log path's `deriveClaims` builds it: the same fields, with
 * the filer checksummed as viem decodes event addresses, and only the fields a ruling or a void sets.
 */
export function parseClaims(json: unknown): ClaimRecord[] {
  return asArray(asRecord(json, "claims").claims, "claims").map((raw) => {
    const c = asRecord(raw, "claim");
    const status = STATUSES.find((s) => s === c.status);
    if (!status) throw new IndexerError("The indexer sent a malformed claim status");
    if (typeof c.evidence !== "string") throw new IndexerError("The indexer sent a malformed evidence text");
    const record: ClaimRecord = {
      claimId: toBigInt(c.claimId, "claim id"),
      poolId: Number(toBigInt(c.poolId, "pool id")),
      epoch: Number(toBigInt(c.epoch, "epoch")),
      filer: getAddress(toAddress(c.filer, "filer")),
      incidentTime: toBigInt(c.incidentTime, "incident time"),
      bond: toBigInt(c.bond, "bond"),
      evidence: c.evidence,
      evidenceHash: toHex(c.evidenceHash, "evidence hash"),
      filedAt: toBigInt(c.filedAt, "filing time"),
      filedTx: toHex(c.filedTx, "filing transaction") as Hash,
      status,
    };
    if (status === "pending") return record;
    record.decidedAt = optional(c.decidedAt, (v) => toBigInt(v, "ruling time"));
    record.decidedTx = optional(c.decidedTx, (v) => toHex(v, "ruling transaction") as Hash);
    if (status !== "voided") {
      record.payout = optional(c.payout, (v) => toBigInt(v, "payout"));
      record.redeemable = optional(c.redeemable, (v) => toBigInt(v, "redeemable"));
    }
    record.debtCharged = optional(c.debtCharged, (v) => toBigInt(v, "debt charged"));
    return record;
  });
}

/** Every claim of `metaPool` in filing order, from the indexer. */
export async function fetchMetaPoolClaims(
  base: string,
  metaPool: Address,
  signal?: AbortSignal,
): Promise<ClaimRecord[]> {
  const json = await getIndexerJson(base, `/canopy/metapool/${metaPool.toLowerCase()}/claims`, {}, signal);
  return parseClaims(json);
}
