import type { ReplacementReason } from "viem";

/** A failure the app already has the sentence for (no decoding needed). */
export class SentenceError extends Error {}

/**
 * A transaction the wallet swapped for another before it was mined. Only a speed-up
 * ("repriced": same call, higher fee) is still the user's action; a cancel or a different
 * transaction with the same nonce means this action did not happen.
 */
export function replacementFailure(reason: ReplacementReason, action: string): SentenceError | null {
  if (reason === "repriced") return null;
  if (reason === "cancelled") {
    return new SentenceError(
      `You cancelled this transaction in your wallet, so nothing was done: ${action} did not happen.`,
    );
  }
  return new SentenceError(
    `Your wallet replaced this transaction with a different one before it was mined, so ${action} did not happen.`,
  );
}
