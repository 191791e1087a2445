/**
 * The `Synced` event carries every coverage pool's state after the sync packed in one word (issue #11: 32 bytes of
 * log data less per pool): `pools[i] = K_i | debt_i << 128`. Both fit 128 bits, since amounts are bounded by
 * `uint128` (contracts/README.md, decision 3).
 */

const LOW_128 = (1n << 128n) - 1n;

/** One coverage pool as a `Synced` event reports it. */
export interface SyncedPool {
  /** K_i, active cover after the sync. */
  active: bigint;
  /** The claim's premium debt after the sync (0 without a pending claim). */
  debt: bigint;
}

/** Splits one word of `Synced.pools` into K and debt. */
export function unpackSyncedPool(word: bigint): SyncedPool {
  if (word < 0n || word >> 256n !== 0n) throw new RangeError(`not a uint256: ${word}`);
  return { active: word & LOW_128, debt: word >> 128n };
}

/** The word `Synced.pools` holds for `pool` (tests and synthetic logs). */
export function packSyncedPool({ active, debt }: SyncedPool): bigint {
  if (active < 0n || active > LOW_128 || debt < 0n || debt > LOW_128)
    throw new RangeError(`not a uint128 pair: ${active}, ${debt}`);
  return active | (debt << 128n);
}
