// Relative imports: the indexer's test reads the desk both ways to hold its answers against the logs.
import { zeroAddress, type Address, type Client, type Hash } from "viem";
import { getContractEvents, readContract } from "viem/actions";

import { coverTokenAbi, metaPoolExtensionAbi } from "../../abis";
import { countHolders } from "../arbiter/holders";
import { fetchMetaPoolClaims } from "../indexer/claims";
import { fetchCoverHolders } from "../indexer/holders";
import type { MetaPoolView } from "../types/metaPool";
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

async function readHolders(client: Client, token: Address, fromBlock: bigint): Promise<number | undefined> {
  if (token === zeroAddress) return 0;
  try {
    // Incremental: a refresh reads only the transfers mined since the last one.
    const transfers = await scanLogs(client, logQueryKey(client, token, "Transfer"), fromBlock, (range) =>
      getContractEvents(client, { address: token, abi: coverTokenAbi, eventName: "Transfer", strict: true, ...range }),
    );
    return countHolders(transfers.map((t) => t.args as { from: Address; to: Address; value: bigint }));
  } catch {
    // Providers bound log ranges; the holder count is a nicety, the supply is still shown.
    return undefined;
  }
}

/** The filing's evidence and transaction per pending claim, and the holders per pool: from the indexer or the logs. */
interface DeskPast {
  filed: Map<bigint, { evidence: string; filedTx: Hash }>;
  holders: (poolId: number) => Promise<number | undefined>;
}

/**
 * From the indexer: its claims (evidence, filing transaction) and holder counts, two small requests. Undefined when it
 * fails or has not yet seen every pending claim, so the logs answer instead.
 */
async function deskPastFromIndexer(
  base: string,
  view: MetaPoolView,
  pendingIds: readonly bigint[],
): Promise<DeskPast | undefined> {
  const answers = await Promise.all([
    fetchMetaPoolClaims(base, view.metaPool),
    fetchCoverHolders(base, view.metaPool),
  ]).catch(() => undefined);
  if (!answers) return undefined;
  const [claims, holders] = answers;
  const filed = new Map(claims.map((c) => [c.claimId, { evidence: c.evidence, filedTx: c.filedTx }]));
  if (pendingIds.some((id) => !filed.has(id))) return undefined;
  return {
    filed,
    // Counted for the pool's token now; a token the indexer has not reached yet counts as unknown.
    holders: async (poolId) => {
      const token = view.pools[poolId]!.token;
      if (token === zeroAddress) return 0;
      const counted = holders.get(poolId);
      return counted && counted.token === token.toLowerCase() ? counted.holders : undefined;
    },
  };
}

async function deskPastFromLogs(
  client: Client,
  view: MetaPoolView,
  pendingIds: bigint[],
  fromBlock: bigint,
): Promise<DeskPast> {
  const address = view.metaPool;
  const logs = await scanLogs(
    client,
    logQueryKey(client, address, "ClaimFiled", { claimId: pendingIds }),
    fromBlock,
    (range) =>
      getContractEvents(client, {
        address,
        abi: metaPoolExtensionAbi,
        eventName: "ClaimFiled",
        args: { claimId: pendingIds },
        strict: true,
        ...range,
      }),
  ).catch(() => []);
  const filed = new Map(
    logs.flatMap((l) =>
      l.transactionHash ? [[l.args.claimId, { evidence: l.args.evidence, filedTx: l.transactionHash }] as const] : [],
    ),
  );
  return { filed, holders: (poolId) => readHolders(client, view.pools[poolId]!.token, fromBlock) };
}

/**
 * One MetaPool's queue of pending claims with evidence and payout previews, and the account's fee balance. The claims
 * and previews are read from the chain; the evidence texts and holder counts from the indexer at `indexer` when it has
 * them, else from the MetaPool's and the cover tokens' logs.
 */
export async function readArbiterDesk(
  client: Client,
  view: MetaPoolView,
  account: Address,
  fromBlock: bigint,
  indexer: string | null = null,
): Promise<ArbiterDesk> {
  const address = view.metaPool;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    readContract(client, { address, abi: metaPoolExtensionAbi, functionName, args } as never) as Promise<T>;

  const [{ firstPending, claims: pending }, feesOwed] = await Promise.all([
    readPendingClaims(client, address),
    read<bigint>("feesOwed", [account]),
  ]);
  if (pending.length === 0) return { claims: [], firstPending, feesOwed };

  const poolIds = [...new Set(pending.map((c) => c.claim.poolId))];
  const pendingIds = pending.map((c) => c.id);
  const previewing = Promise.all(
    poolIds.map((poolId) => read<readonly [bigint, bigint]>("previewPayout", [BigInt(poolId)])),
  );
  const past =
    (indexer !== null ? await deskPastFromIndexer(indexer, view, pendingIds) : undefined) ??
    (await deskPastFromLogs(client, view, pendingIds, fromBlock));
  const [previews, holders] = await Promise.all([previewing, Promise.all(poolIds.map((id) => past.holders(id)))]);
  const byPool = new Map(poolIds.map((poolId, i) => [poolId, { preview: previews[i]!, holders: holders[i] }]));

  return {
    firstPending,
    feesOwed,
    claims: pending.map(({ id, claim }) => {
      const filing = past.filed.get(id);
      const evidence = filing?.evidence;
      const { preview, holders: count } = byPool.get(claim.poolId)!;
      return {
        id,
        claim,
        evidence,
        evidenceVerified: evidence !== undefined && evidenceMatches(evidence, claim.evidenceHash),
        filedTx: filing?.filedTx,
        payout: preview[0],
        redeemable: preview[1],
        holders: count,
      };
    }),
  };
}
