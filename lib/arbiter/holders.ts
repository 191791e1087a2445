// Holders of a cover token from its transfers (the chain-only arbiter desk; the indexer keeps balances instead).
import type { Address } from "viem";

export interface TransferLike {
  from: Address;
  to: Address;
  value: bigint;
}

/** Distinct holders with a non-zero balance after replaying a token's transfers (mints from 0x0, burns to 0x0). */
export function countHolders(transfers: readonly TransferLike[]): number {
  const zero = "0x0000000000000000000000000000000000000000";
  const balances = new Map<string, bigint>();
  for (const t of transfers) {
    const from = t.from.toLowerCase();
    const to = t.to.toLowerCase();
    if (from !== zero) balances.set(from, (balances.get(from) ?? 0n) - t.value);
    if (to !== zero) balances.set(to, (balances.get(to) ?? 0n) + t.value);
  }
  let n = 0;
  for (const b of balances.values()) if (b > 0n) n++;
  return n;
}
