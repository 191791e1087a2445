// Times how long Ponder takes to index a chain as it stands: shared by the indexing and scale benchmarks.
import type { Address } from "viem";

import type { Chain } from "../test/harness/chain";
import { startPonder, type Indexer } from "../test/harness/ponder";

export type BenchRow = Record<string, string | number>;

export async function countLogs(chain: Chain, fromBlock: bigint, chunk = 2_000n) {
  const head = await chain.client.getBlockNumber();
  let logs = 0;
  // In chunks: one getLogs over a 1 000-MetaPool market would answer tens of megabytes at once.
  for (let from = fromBlock; from <= head; from += chunk) {
    const to = from + chunk - 1n < head ? from + chunk - 1n : head;
    logs += (await chain.client.getLogs({ fromBlock: from, toBlock: to })).length;
  }
  return { head, logs };
}

/**
 * Starts Ponder on the chain as it stands and times it: until its HTTP server answers (database opened, tables
 * created), then until every table reflects the head. The chain first moves 40 empty blocks on, so every event is
 * older than Anvil's 30-block finality window and goes through the backfill, as history does on a real chain.
 */
export async function timeBackfill(
  name: string,
  chain: Chain,
  factory: Address,
  startBlock: number,
  options: { databaseUrl?: string; timeoutMs?: number } = {},
): Promise<{ indexer: Indexer; row: BenchRow }> {
  // One block a request: Anvil holding a 1 000-MetaPool state takes longer than viem's 10 s timeout for 40 at once.
  for (let i = 0; i < 40; i++) await chain.testClient.mine({ blocks: 1 });
  const { head, logs } = await countLogs(chain, BigInt(startBlock));
  const started = performance.now();
  const indexer = await startPonder({ rpcUrl: chain.rpcUrl, factory, startBlock, databaseUrl: options.databaseUrl });
  try {
    while (
      !(await indexer.status().then(
        () => true,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 50));
    const up = performance.now();
    await indexer.waitForBlock(Number(head), options.timeoutMs ?? 30 * 60_000);
    const indexing = (performance.now() - up) / 1000;
    const row = {
      market: name,
      database: options.databaseUrl ? "PostgreSQL" : "PGlite",
      blocks: Number(head) - startBlock,
      logs,
      "startup s": ((up - started) / 1000).toFixed(1),
      "backfill s": indexing.toFixed(1),
      "logs/s": Math.round(logs / indexing),
    };
    return { indexer, row };
  } catch (error) {
    await indexer.stop();
    throw error;
  }
}
