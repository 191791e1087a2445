import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";

import { metaPoolExtensionAbi } from "../../abis";

/** One claim as `claim(id)` returns it. */
export type ClaimStruct = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "claim">;

/** ClaimStatus enum: 1 = Pending. */
const CLAIM_PENDING = 1;

export interface PendingClaimQueue {
  /** `claimQueue()`'s first pending id: the only claim the arbiter can rule now. */
  firstPending: bigint;
  /** The pending claims in filing order. */
  claims: { id: bigint; claim: ClaimStruct }[];
}

/**
 * Pending claims as the contract holds them: `claimQueue()` gives the first pending id, the next
 * id and the pending count; claims are ruled in filing order, so every id in between is read with
 * `claim(id)` (at most one per pool, 16 at most) and those still pending are kept.
 */
export async function readPendingClaims(client: Client, metaPool: Address): Promise<PendingClaimQueue> {
  const read = { address: metaPool, abi: metaPoolExtensionAbi } as const;
  const [firstPending, nextClaimId, pending] = await readContract(client, { ...read, functionName: "claimQueue" });
  if (pending === 0n) return { firstPending, claims: [] };
  const ids: bigint[] = [];
  for (let id = firstPending; id < nextClaimId; id++) ids.push(id);
  const claims = await Promise.all(
    ids.map((id) => readContract(client, { ...read, functionName: "claim", args: [id] })),
  );
  return {
    firstPending,
    claims: ids.map((id, i) => ({ id, claim: claims[i]! })).filter((c) => c.claim.status === CLAIM_PENDING),
  };
}

export { evidenceMatches } from "../arbiter/evidence";
