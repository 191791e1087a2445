import type { Address, Hash, Hex } from "viem";

import type { MetaPoolLog } from "./events";

export type ClaimStatus = "pending" | "valid" | "invalid" | "voided";

/** A claim as its events tell it (SPEC §7): what was filed and how it ended. */
export interface ClaimRecord {
  claimId: bigint;
  poolId: number;
  /** Cover epoch the claim was filed against. */
  epoch: number;
  filer: Address;
  incidentTime: bigint;
  bond: bigint;
  evidence: string;
  evidenceHash: Hex;
  /** Block time of the filing. */
  filedAt: bigint;
  filedTx: Hash;
  status: ClaimStatus;
  /** Block time of the ruling or the void. */
  decidedAt?: bigint;
  decidedTx?: Hash;
  /** P_i taken from capital (valid rulings). */
  payout?: bigint;
  /** What the epoch's holders redeem: K_i + P_i less the premium owed during the claim (valid rulings). */
  redeemable?: bigint;
  /** Premium owed during the claim that the ruling or the void charged. */
  debtCharged?: bigint;
}

/** Every claim in filing order, each joined with its ruling or void when there is one. */
export function deriveClaims(logs: readonly MetaPoolLog[]): ClaimRecord[] {
  const claims = new Map<bigint, ClaimRecord>();
  for (const log of logs) {
    if (log.eventName === "ClaimFiled") {
      const a = log.args;
      claims.set(a.claimId, {
        claimId: a.claimId,
        poolId: a.poolId,
        epoch: a.epoch,
        filer: a.filer,
        incidentTime: BigInt(a.incidentTime),
        bond: a.bond,
        evidence: a.evidence,
        evidenceHash: a.evidenceHash,
        filedAt: log.timestamp,
        filedTx: log.transactionHash,
        status: "pending",
      });
    } else if (log.eventName === "ClaimResolved") {
      const claim = claims.get(log.args.claimId);
      if (!claim) continue; // filed before the history's first block
      Object.assign(claim, {
        status: log.args.valid ? "valid" : "invalid",
        decidedAt: log.timestamp,
        decidedTx: log.transactionHash,
        payout: log.args.payout,
        redeemable: log.args.redeemable,
        debtCharged: log.args.debtCharged,
      } satisfies Partial<ClaimRecord>);
    } else if (log.eventName === "ClaimVoided") {
      const claim = claims.get(log.args.claimId);
      if (!claim) continue;
      Object.assign(claim, {
        status: "voided",
        decidedAt: log.timestamp,
        decidedTx: log.transactionHash,
        debtCharged: log.args.debtCharged,
      } satisfies Partial<ClaimRecord>);
    }
  }
  return [...claims.values()].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
}
