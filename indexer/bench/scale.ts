// #14's scale benchmark, indexing half: SCALE_METAPOOLS (default 1 000) MetaPools × 16 coverage pools over
// SCALE_ACCOUNTS (default 200) accounts, then the time Ponder takes to index it from the factory's block, on PGlite,
// and on PostgreSQL too when DATABASE_URL is set. A measurement, not a test with a time limit:
//   npm --prefix indexer run bench:scale
//   indexer/scripts/with-postgres.sh npm --prefix indexer run bench:scale
// The chain is saved to indexer/.bench/scale-<N>.json (`anvil --load-state <file>` reopens it) for the app's
// measurements (latest state and logs; Anvil does not keep a loaded chain's historical state, which Ponder's handlers
// read, so the indexer always indexes the chain it was built on).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

import { expect, test } from "vitest";

import { startChain, type Chain, type Deployment } from "../test/harness/chain";
import { indexerDir } from "../test/harness/ponder";
import { countLogs, timeBackfill, type BenchRow } from "./backfill";
import { buildScaleMarket } from "./scale-market";

const metaPoolCount = Number(process.env.SCALE_METAPOOLS ?? 1_000);
const accountCount = Number(process.env.SCALE_ACCOUNTS ?? 200);
const port = Number(process.env.SCALE_RPC_PORT ?? 8567);
const dir = join(indexerDir, ".bench");
const stateFile = join(dir, `scale-${metaPoolCount}.json`);
const deploymentFile = join(dir, `scale-${metaPoolCount}.deployment.json`);

async function buildAndSave(chain: Chain): Promise<Deployment> {
  const deployment = await chain.deploy();
  console.log(`building the market on ${chain.rpcUrl}`);
  const market = await buildScaleMarket(chain, deployment, metaPoolCount, accountCount);
  const { head, logs } = await countLogs(chain, BigInt(deployment.startBlock));
  console.log(
    `market: ${market.transactions} transactions (${market.reverted} reverted) in ${market.seconds.toFixed(0)} s, ` +
      `${logs} logs over ${Number(head) - deployment.startBlock} blocks`,
  );
  expect(market.reverted, "every generated transaction should succeed").toBe(0);
  // A plain fetch: dumping 200 MB of state outlasts viem's 10 s request timeout on a busy machine.
  const res = await fetch(chain.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_dumpState", params: [] }),
  });
  const { result: dump } = (await res.json()) as { result: string };
  mkdirSync(dir, { recursive: true });
  writeFileSync(stateFile, gunzipSync(Buffer.from(dump.slice(2), "hex")));
  writeFileSync(deploymentFile, JSON.stringify(deployment, null, 2));
  console.log(`chain saved to ${stateFile}`);
  return deployment;
}

test(
  `index ${metaPoolCount} MetaPools × 16 pools over ${accountCount} accounts`,
  async () => {
    const chain = await startChain(port, ["--gas-limit", "1000000000"]);
    const rows: BenchRow[] = [];
    try {
      const deployment = await buildAndSave(chain);
      const label = `${metaPoolCount} MetaPools × 16 pools`;
      for (const databaseUrl of [undefined, process.env.DATABASE_URL].filter((v, i) => i === 0 || v)) {
        const { indexer, row } = await timeBackfill(label, chain, deployment.factory, deployment.startBlock, {
          databaseUrl,
          timeoutMs: 60 * 60_000,
        });
        rows.push(row);
        await indexer.stop();
      }
    } finally {
      await chain.stop();
    }
    console.table(rows);
  },
  4 * 3_600_000,
);
