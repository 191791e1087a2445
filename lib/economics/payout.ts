import { mulDivDown, WAD } from "@/lib/protocol";

/**
 * One word for one number. A pool's payout is P_i (SPEC §3): what a valid claim on the pool takes from
 * capital and pays its cover holders on top of returning their cover. The premium is charged on it.
 * "Cover" is the protection a deposit buys, never the deposit itself.
 */
export type PayoutKind = "pool" | "mine" | "mineAfter";

export const PAYOUT_LABEL: Record<PayoutKind, string> = {
  pool: "Pool payout now",
  mine: "Your share of the payout now",
  mineAfter: "Your share of the payout after this purchase",
};

/** The one sentence that says what every payout figure is. */
export const PAYOUT_MEANING =
  "paid from capital if a claim on this pool is upheld, on top of returning the cover (less premium owed during the claim)";

/** A holding's share of the pool's payout: tokens / supply × P, rounded down. */
export function payoutShare(payout: bigint, tokens: bigint, supply: bigint): bigint {
  return supply === 0n ? 0n : mulDivDown(payout, tokens, supply);
}

/** P / K as WAD ("pays ≈ 16× your deposit"): every holding's payout over its cover; null without cover. */
export function payoutMultiple(payout: bigint, active: bigint): bigint | null {
  return active === 0n ? null : mulDivDown(payout, WAD, active);
}

/** The creation parameter: 0 is uncapped (K + F), else K + min(F, (m − 1) K). */
export function payoutCapLabel(payoutMultiple: number | bigint): string {
  return BigInt(payoutMultiple) === 0n ? "uncapped" : `${payoutMultiple}× cap`;
}
