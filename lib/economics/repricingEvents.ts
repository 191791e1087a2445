// Relative imports: the indexer's test holds its /canopy/metapool/:address/repricing answers against these.
import type { MetaPoolLog } from "../history/events";

/** When `account`'s latest purchase in `poolId` (epoch `epoch`) became cover, in unix seconds; undefined if none. */
export function coverStartedAt(
  logs: readonly MetaPoolLog[],
  account: string,
  poolId: number,
  epoch: number,
): number | undefined {
  const mine = new Set<bigint>();
  let at: number | undefined;
  for (const log of logs) {
    if (log.eventName === "ProtectionBought" && log.args.receiver.toLowerCase() === account.toLowerCase())
      mine.add(log.args.purchaseId);
    if (
      log.eventName === "PurchaseMatured" &&
      mine.has(log.args.purchaseId) &&
      log.args.poolId === poolId &&
      Number(log.args.epoch) === epoch &&
      log.args.tokens > 0n
    ) {
      // The block's time, not maturedAt: by then the replayed series holds everything the block changed.
      at = Number(log.timestamp);
    }
  }
  return at;
}

export type RepricingReason =
  | { kind: "claim"; poolId: number; amount: bigint }
  | { kind: "deposits"; amount: bigint }
  | { kind: "withdrawals"; amount: bigint }
  | { kind: "cover"; amount: bigint };

/** What moved the price since `since`: valid claims on other pools, deposits, withdrawals and exits, new cover in this pool. */
export function repricingReasons(logs: readonly MetaPoolLog[], since: number, poolId: number): RepricingReason[] {
  const reasons: RepricingReason[] = [];
  let deposits = 0n;
  let withdrawals = 0n;
  let cover = 0n;
  for (const log of logs) {
    if (Number(log.timestamp) <= since) continue;
    if (log.eventName === "ClaimResolved" && log.args.valid && log.args.poolId !== poolId)
      reasons.push({ kind: "claim", poolId: log.args.poolId, amount: log.args.payout });
    else if (log.eventName === "Deposited") deposits += log.args.assets;
    else if (log.eventName === "WithdrawalCompleted" || log.eventName === "Exited") withdrawals += log.args.assets;
    else if (log.eventName === "PurchaseMatured" && log.args.poolId === poolId) cover += log.args.accepted;
  }
  if (deposits > 0n) reasons.push({ kind: "deposits", amount: deposits });
  if (withdrawals > 0n) reasons.push({ kind: "withdrawals", amount: withdrawals });
  if (cover > 0n) reasons.push({ kind: "cover", amount: cover });
  return reasons;
}
