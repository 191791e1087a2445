/**
 * The chain's clock: the latest block's timestamp plus the wall time since that block was first
 * seen. A local chain may run days ahead of the wall (time travel) or behind (a reverted
 * snapshot), and contracts judge every delay by block time, so countdowns count on this clock.
 */
export interface ChainClock {
  blockNumber: bigint;
  /** The block's timestamp, unix seconds. */
  timestamp: bigint;
  /** Wall time (ms since the epoch) when this block was first seen. */
  seenAtMs: number;
}

/**
 * The clock after a block is seen at `wallMs`: a new block (another number or timestamp, which a
 * reverted chain can bring back at a lower height) rebases it; the same block seen again (a
 * refetch, another component) keeps the first sighting, so every reader counts from one base.
 */
export function observeBlock(
  clock: ChainClock | undefined,
  block: { number: bigint; timestamp: bigint },
  wallMs: number,
): ChainClock {
  if (clock && clock.blockNumber === block.number && clock.timestamp === block.timestamp) return clock;
  return { blockNumber: block.number, timestamp: block.timestamp, seenAtMs: wallMs };
}

/** The chain's "now" in unix seconds at wall time `wallMs` (never before the block's own time). */
export function chainNowAt(clock: ChainClock, wallMs: number): bigint {
  const elapsedSeconds = Math.max(0, Math.floor((wallMs - clock.seenAtMs) / 1000));
  return clock.timestamp + BigInt(elapsedSeconds);
}
