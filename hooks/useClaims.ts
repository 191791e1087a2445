"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { pendingClaimsQuery } from "@/hooks/queries";
import { useMetaPoolHistory } from "@/hooks/useMetaPoolHistory";
import { appChain } from "@/lib/chain";
import { deployment } from "@/lib/contracts";
import type { ClaimRecord } from "@/lib/history";
import type { FundingCurve } from "@/lib/protocol";
import { evidenceMatches, type ClaimStruct } from "@/lib/reads/claims";

export interface PendingClaimView {
  id: bigint;
  claim: ClaimStruct;
  /** From the ClaimFiled event; undefined while the history loads (the contract stores only its hash). */
  evidence?: string;
  /** The event's text hashes to the stored `evidenceHash`. */
  evidenceVerified?: boolean;
}

/** The MetaPool's pending claims in filing order (lib/reads/claims), keyed under the MetaPool. */
export function usePendingClaims(metaPool: Address) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(pendingClaimsQuery(client, metaPool));
}

/** Every claim from the MetaPool's events (filing, evidence, ruling), shared with the page's history. */
export function useClaimHistory(metaPool: Address, curve: FundingCurve) {
  return useMetaPoolHistory(metaPool, curve, deployment?.startBlock ?? 0n);
}

/** Joins each pending claim with its evidence text from the ClaimFiled event, checked against the stored hash. */
export function withEvidence(
  pending: readonly { id: bigint; claim: ClaimStruct }[],
  history: readonly ClaimRecord[] | undefined,
): PendingClaimView[] {
  return pending.map(({ id, claim }) => {
    const record = history?.find((r) => r.claimId === id);
    if (!record) return { id, claim };
    return {
      id,
      claim,
      evidence: record.evidence,
      evidenceVerified: evidenceMatches(record.evidence, claim.evidenceHash),
    };
  });
}
