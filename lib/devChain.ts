import { createTestClient, http, type Chain } from "viem";

/**
 * viem's test client on a local Anvil: time travel (increaseTime, setNextBlockTimestamp, mine)
 * and snapshots (snapshot, revert). The app, the Playwright journeys and the chain suites all
 * move time through it.
 */
export function anvilTestClient(chain: Chain, rpcUrl: string) {
  return createTestClient({ mode: "anvil", chain, transport: http(rpcUrl) });
}

export type AnvilTestClient = ReturnType<typeof anvilTestClient>;

/**
 * Moves a local chain's clock forward and mines a block, so the new time is what the next read
 * and transaction see (increaseTime alone only applies to the next mined block).
 */
export async function advanceChainTime(
  client: Pick<AnvilTestClient, "increaseTime" | "mine">,
  seconds: bigint | number,
): Promise<void> {
  if (BigInt(seconds) <= 0n)
    throw new RangeError(`advanceChainTime needs a positive number of seconds, got ${seconds}`);
  await client.increaseTime({ seconds: Number(seconds) });
  await client.mine({ blocks: 1 });
}
