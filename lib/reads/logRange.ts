/**
 * How far one eth_getLogs may reach, and which refusals mean "ask for fewer blocks". Hosted RPCs bound a log
 * query's block range (500 to 10 000 blocks) or its result count, each with its own error; the reader starts at
 * NEXT_PUBLIC_LOG_BLOCK_RANGE blocks and halves the range whenever a provider refuses one.
 */

export const DEFAULT_LOG_BLOCK_RANGE = 5_000n;

/** NEXT_PUBLIC_LOG_BLOCK_RANGE as a positive block count; the default when unset. */
export function parseLogBlockRange(raw: string | undefined): bigint {
  if (raw === undefined || raw.trim() === "") return DEFAULT_LOG_BLOCK_RANGE;
  if (!/^\d+$/.test(raw.trim()) || BigInt(raw.trim()) === 0n) {
    throw new Error(`NEXT_PUBLIC_LOG_BLOCK_RANGE must be a whole number of blocks ≥ 1, got "${raw}"`);
  }
  return BigInt(raw.trim());
}

// Literal read so Next inlines it into the client bundle.
export const logBlockRange: bigint = parseLogBlockRange(process.env.NEXT_PUBLIC_LOG_BLOCK_RANGE);

/** [from, to] split into inclusive ranges of at most `size` blocks. */
export function blockRanges(
  fromBlock: bigint,
  toBlock: bigint,
  size: bigint,
): { fromBlock: bigint; toBlock: bigint }[] {
  if (size <= 0n) throw new RangeError(`a block range must hold at least one block, got ${size}`);
  const ranges: { fromBlock: bigint; toBlock: bigint }[] = [];
  for (let start = fromBlock; start <= toBlock; start += size) {
    const end = start + size - 1n;
    ranges.push({ fromBlock: start, toBlock: end < toBlock ? end : toBlock });
  }
  return ranges;
}

// What providers answer to a range or result count they will not serve: Alchemy ("Log response size exceeded",
// "up to a 2K block range"), Infura ("query returned more than 10000 results"), QuickNode ("eth_getLogs is limited to
// a 10,000 range"), geth/reth ("exceed maximum block range"), Cloudflare and others (-32005 "limit exceeded"),
// public endpoints ("block range is too wide", "range too large").
const REFUSAL = /range|too (?:many|large|wide|big)|exceed|limit|more than \d+ results|response size|query timeout/i;

/** Whether a failed eth_getLogs is a provider refusing the range (ask for fewer blocks), not a node down. */
export function isRangeRefusal(error: unknown): boolean {
  // A rate limit is not cured by smaller ranges (more requests would make it worse).
  if (/rate.?limit|too many requests|status: 429/i.test(String((error as { message?: unknown })?.message ?? ""))) {
    return false;
  }
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, message, details } = e as { code?: unknown; message?: unknown; details?: unknown };
    if (code === -32005) return true;
    if ([message, details].some((text) => typeof text === "string" && REFUSAL.test(text))) return true;
  }
  return false;
}
