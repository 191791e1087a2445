import { coverTokenSymbol, formatAmount } from "@/lib/format";
import type { ClaimPoolOption } from "@/lib/forms/claim";

/**
 * The pool picker's details, beside it rather than in its options: each option holds only the pool's
 * name, so it fits a 375 px screen, and what is held, or why a pool is unavailable, wraps here
 * instead of being cut by the browser's menu.
 */
export function ClaimPoolHint({
  options,
  poolId,
  decimals,
  pools,
}: {
  options: readonly ClaimPoolOption[];
  poolId: number | null;
  decimals: number;
  /** The MetaPool's pools, for each held token's epoch. */
  pools: readonly { epoch: number }[];
}) {
  const lines = options.flatMap((o) => {
    if (o.blocked) return [`${o.name}: ${o.blocked}.`];
    if (o.poolId !== poolId) return [];
    return [
      `You hold ${formatAmount(o.tokens, decimals, { symbol: coverTokenSymbol(o.poolId, pools[o.poolId]!.epoch) })}.`,
    ];
  });
  return (
    <span data-testid="claim-pool-detail">
      {[...lines, "Only pools where you hold current cover are listed."].join(" ")}
    </span>
  );
}
