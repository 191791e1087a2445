// The scale bench's indexer on PostgreSQL (DATABASE_URL set, as indexer/scripts/with-postgres.sh does): e2e's own
// fixture always starts it on PGlite. A fresh schema at each start (the bench indexes from block 0 at every
// checkpoint) and, first, what Ponder kept of chain 31337 forgotten (a new Anvil reuses its block numbers).
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";

import { e2eEnv } from "../../e2e/fixtures/env";
import { assertNothingServes, startDetached } from "../../e2e/fixtures/processes";
import { forgetChainInPostgres } from "../scripts/local-chain.mjs";

export async function startIndexerOnPostgres(databaseUrl: string): Promise<ChildProcess> {
  await assertNothingServes(`${e2eEnv.indexerUrl}/health`, "E2E_INDEXER_PORT");
  await forgetChainInPostgres(databaseUrl, 31_337);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    CANOPY_RPC_URL: e2eEnv.rpcUrl,
    CANOPY_CHAIN_ID: "31337",
    DATABASE_URL: databaseUrl,
  };
  delete env.PORT; // Ponder prefers PORT to --port
  delete env.DATABASE_PRIVATE_URL;
  const schema = `canopy_scale_${Date.now()}`;
  const args = ["start", "--schema", schema, "--port", String(e2eEnv.indexerPort), "--hostname", "127.0.0.1"];
  return startDetached(process.execPath, [e2eEnv.ponderBin, ...args], join(e2eEnv.artifactsDir, "indexer.log"), {
    cwd: join(e2eEnv.repoRoot, "indexer"),
    env,
  });
}
