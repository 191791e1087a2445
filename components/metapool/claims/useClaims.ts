"use client";

import { useQuery } from "@tanstack/react-query";
import { keccak256, toBytes, type Address, type ContractFunctionReturnType } from "viem";
import { usePublicClient } from "wagmi";

import { metaPoolExtensionAbi } from "@/abis";
import { useMetaPoolHistory } from "@/hooks/useMetaPoolHistory";
import { LIVE_REFRESH_MS } from "@/hooks/useMetaPools";
import { appChain } from "@/lib/chain";
import { deployment } from "@/lib/contracts";
import type { ClaimRecord } from "@/lib/history";
import type { FundingCurve } from "@/lib/protocol";
import { queryKeys } from "@/lib/queryKeys";

export type ClaimData = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "claim">;

export interface PendingClaimView {
  id: bigint;
  claim: ClaimData;
  /** From the ClaimFiled event; undefined while the history loads (the contract stores only its hash). */
  evidence?: string;
  /** The event's text hashes to the stored `evidenceHash`. */
  evidenceVerified?: boolean;
}

/**
 * Pending claims as the contract holds them: `claimQueue()` gives the first pending id and the next
 * id, and claims are ruled in filing order, so every id in between is pending; each is read with
 * `claim(id)` (at most one per pool, 16 at most). Keyed under the MetaPool.
 */
export function usePendingClaims(metaPool: Address) {
  const client = usePublicClient({ chainId: appChain.id });
  return useQuery({
    queryKey: [...queryKeys.metaPool(metaPool), "pendingClaims"],
    enabled: Boolean(client),
    refetchInterval: LIVE_REFRESH_MS,
    queryFn: async () => {
      const read = { address: metaPool, abi: metaPoolExtensionAbi } as const;
      const [firstPending, nextClaimId, pending] = await client!.readContract({ ...read, functionName: "claimQueue" });
      if (pending === 0n) return [] as { id: bigint; claim: ClaimData }[];
      const ids: bigint[] = [];
      for (let id = firstPending; id < nextClaimId; id++) ids.push(id);
      const claims = await Promise.all(ids.map((id) => client!.readContract({ ...read, functionName: "claim", args: [id] })));
      // Status 1 = Pending (ClaimStatus enum).
      return ids.map((id, i) => ({ id, claim: claims[i]! })).filter((c) => c.claim.status === 1);
    },
  });
}

/** Every claim from the MetaPool's events (filing, evidence, ruling), shared with the page's history. */
export function useClaimHistory(metaPool: Address, curve: FundingCurve) {
  return useMetaPoolHistory(metaPool, curve, deployment?.startBlock ?? 0n);
}

/** Joins each pending claim with its evidence text from the ClaimFiled event, checked against the stored hash. */
export function withEvidence(pending: readonly { id: bigint; claim: ClaimData }[], history: readonly ClaimRecord[] | undefined): PendingClaimView[] {
  return pending.map(({ id, claim }) => {
    const record = history?.find((r) => r.claimId === id);
    if (!record) return { id, claim };
    return { id, claim, evidence: record.evidence, evidenceVerified: evidenceMatches(record.evidence, claim.evidenceHash) };
  });
}

export function evidenceMatches(evidence: string, hash: `0x${string}`): boolean {
  return keccak256(toBytes(evidence)).toLowerCase() === hash.toLowerCase();
}
