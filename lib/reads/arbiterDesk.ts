import { zeroAddress, type Address, type Hash, type PublicClient } from "viem";

import { coverTokenAbi, metaPoolExtensionAbi } from "@/abis";
import { countHolders } from "@/lib/forms/arbiter";
import type { MetaPoolView } from "@/lib/types/metaPool";

import { evidenceMatches, readPendingClaims, type ClaimStruct } from "./claims";
import { logQueryKey, scanLogs } from "./logs";

export interface PendingClaim {
  id: bigint;
  claim: ClaimStruct;
  /** The filer's text from the MetaPool's own `ClaimFiled` log; undefined if the log could not be read. */
  evidence: string | undefined;
  /** keccak256(evidence) equals the hash the contract stored at filing. */
  evidenceVerified: boolean;
  filedTx: Hash | undefined;
  /** `previewPayout(poolId)`: what a valid ruling would take from capital, and what the holders would redeem. */
  payout: bigint;
  redeemable: bigint;
  /** Accounts holding the pool's current cover token, from its transfers (undefined when too costly to read). */
  holders: number | undefined;
}

export interface ArbiterDesk {
  /** Pending claims in filing order; the first is the only one that can be ruled. */
  claims: PendingClaim[];
  firstPending: bigint;
  /** What `claimFees` would pay the account now (arbiter fees and any bond credited back). */
  feesOwed: bigint;
}

async function readHolders(client: PublicClient, token: Address, fromBlock: bigint): Promise<number | undefined> {
  if (token === zeroAddress) return 0;
  try {
    // Incremental: a refresh reads only the transfers mined since the last one.
    const transfers = await scanLogs(client, logQueryKey(client, token, "Transfer"), fromBlock, (range) =>
      client.getContractEvents({ address: token, abi: coverTokenAbi, eventName: "Transfer", strict: true, ...range }),
    );
    return countHolders(transfers.map((t) => t.args as { from: Address; to: Address; value: bigint }));
  } catch {
    // Providers bound log ranges; the holder count is a nicety, the supply is still shown.
    return undefined;
  }
}

/** One MetaPool's queue of pending claims with evidence and payout previews, and the account's fee balance. */
export async function readArbiterDesk(
  client: PublicClient,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
): Promise<ArbiterDesk> {
  const address = view.metaPool;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    client.readContract({ address, abi: metaPoolExtensionAbi, functionName, args } as never) as Promise<T>;

  const [{ firstPending, claims: pending }, feesOwed] = await Promise.all([
    readPendingClaims(client, address),
    read<bigint>("feesOwed", [account]),
  ]);
  if (pending.length === 0) return { claims: [], firstPending, feesOwed };

  const poolIds = [...new Set(pending.map((c) => c.claim.poolId))];
  const [filed, previews, holders] = await Promise.all([
    scanLogs(
      client,
      logQueryKey(client, address, "ClaimFiled", { claimId: pending.map((c) => c.id) }),
      fromBlock,
      (range) =>
        client.getContractEvents({
          address,
          abi: metaPoolExtensionAbi,
          eventName: "ClaimFiled",
          args: { claimId: pending.map((c) => c.id) },
          strict: true,
          ...range,
        }),
    ).catch(() => []),
    Promise.all(poolIds.map((poolId) => read<readonly [bigint, bigint]>("previewPayout", [BigInt(poolId)]))),
    Promise.all(poolIds.map((poolId) => readHolders(client, view.pools[poolId]!.token, fromBlock))),
  ]);
  const byPool = new Map(poolIds.map((poolId, i) => [poolId, { preview: previews[i]!, holders: holders[i] }]));

  return {
    firstPending,
    feesOwed,
    claims: pending.map(({ id, claim }) => {
      const log = filed.find((l) => l.args.claimId === id);
      const evidence = log?.args.evidence;
      const { preview, holders: count } = byPool.get(claim.poolId)!;
      return {
        id,
        claim,
        evidence,
        evidenceVerified: evidence !== undefined && evidenceMatches(evidence, claim.evidenceHash),
        filedTx: log?.transactionHash ?? undefined,
        payout: preview[0],
        redeemable: preview[1],
        holders: count,
      };
    }),
  };
}
