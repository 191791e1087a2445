import { hexToBigInt, numberToHex, type Hex } from 'viem';

/**
 * Anything with an EIP-1193 `request`: a viem client or a raw provider. Typed loosely because
 * Anvil's test methods are not in viem's public RPC schema.
 */
export interface RequestClient {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
}

/**
 * Moves a local chain's clock forward and mines a block, so the new time is what the next read
 * and transaction see (evm_increaseTime alone only applies to the next mined block). Anvil and
 * Hardhat only.
 */
export async function advanceTime(client: RequestClient, seconds: bigint | number): Promise<void> {
  if (BigInt(seconds) <= 0n) throw new RangeError(`advanceTime needs a positive number of seconds, got ${seconds}`);
  await client.request({ method: 'evm_increaseTime', params: [numberToHex(seconds)] });
  await client.request({ method: 'evm_mine', params: [] });
}

/** The latest block's timestamp (unix seconds): the chain's "now", which time travel moves. */
export async function latestTimestamp(client: RequestClient): Promise<bigint> {
  const block = (await client.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as {
    timestamp: Hex;
  } | null;
  if (!block) throw new Error('The node returned no latest block.');
  return hexToBigInt(block.timestamp);
}
