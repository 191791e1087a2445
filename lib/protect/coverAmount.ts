import { formatAmount } from "@/lib/format";
import { checkAmount, type AmountCheck } from "@/lib/forms/amount";
import { mulDivDown, saturatingSub } from "@/lib/protocol";

/** The pool figures a cover withdrawal pays from (SPEC §5): K, the epoch's token supply, the claim debt. */
export interface CoverPool {
  active: bigint;
  supply: bigint;
  debt: bigint;
}

/** What `tokens` pay through `withdrawProtection`: floor(tokens × (K − debt) / supply). */
export function coverAssetsFor(tokens: bigint, pool: CoverPool): bigint {
  if (pool.supply === 0n) return 0n;
  return mulDivDown(tokens, saturatingSub(pool.active, pool.debt), pool.supply);
}

/**
 * Cover tokens to burn for an asset amount typed by the seeker: the most tokens whose payment,
 * floor(tokens × (K − debt) / supply), is still at most the amount typed, so the seeker receives
 * exactly what they typed when a token unit allows it and never more (what rounding leaves, less
 * than one base unit, stays in the pool). K only falls between this read and the transaction
 * (premium), which pays less still, never more.
 */
export function coverTokensFor(assets: bigint, pool: CoverPool): bigint {
  const worth = saturatingSub(pool.active, pool.debt);
  if (worth === 0n) return 0n;
  // floor(t × worth / supply) ≤ assets  ⟺  t × worth < (assets + 1) × supply.
  return ((assets + 1n) * pool.supply - 1n) / worth;
}

export type CoverWithdrawalCheck =
  | { ok: true; tokens: bigint; assets: bigint; all: boolean }
  | { ok: false; error: string };

/**
 * A cover withdrawal typed as an asset amount, checked before sending: a valid amount, at most the
 * holding's worth, and enough to burn at least one base unit of cover token. `all` (the Max
 * button, or the whole worth typed) burns the exact balance, so no dust of tokens is left behind.
 */
export function checkCoverWithdrawalAssets(
  text: string,
  rules: { decimals: number; symbol: string; tokens: bigint; pool: CoverPool; all: boolean },
): CoverWithdrawalCheck {
  const worth = coverAssetsFor(rules.tokens, rules.pool);
  if (rules.all) return rules.tokens > 0n ? { ok: true, tokens: rules.tokens, assets: worth, all: true } : noCover();
  const check: AmountCheck = checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    max: [{ value: worth, reason: "what your cover is worth now" }],
  });
  if (!check.ok) return check;
  if (check.value === worth) return { ok: true, tokens: rules.tokens, assets: worth, all: true };
  const tokens = coverTokensFor(check.value, rules.pool);
  if (tokens === 0n) {
    const least = formatAmount(coverAssetsFor(1n, rules.pool), rules.decimals, {
      symbol: rules.symbol,
      maxDecimals: rules.decimals,
    });
    return { ok: false, error: `Enter at least ${least}: less than that buys back no cover token.` };
  }
  return { ok: true, tokens, assets: coverAssetsFor(tokens, rules.pool), all: false };
}

function noCover(): CoverWithdrawalCheck {
  return { ok: false, error: "You hold no cover in this pool." };
}
