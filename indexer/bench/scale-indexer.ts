// bench:scale-app's indexer, rebuilt from block 0 on PGlite (e2e's fixture) or PostgreSQL at each checkpoint.
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";

import { e2eEnv } from "../../e2e/fixtures/env";
import { startIndexer } from "../../e2e/fixtures/indexer";
import { stopGroup, waitUntil } from "../../e2e/fixtures/processes";
import type { Chain } from "../test/harness/chain";
import { startIndexerOnPostgres } from "./postgres-indexer";

export type Database = "PGlite" | "PostgreSQL";

/** Stops `previous`, starts the indexer on `database` and waits until it has indexed the chain's head. */
export async function restartIndexer(
  previous: ChildProcess | undefined,
  chain: Chain,
  metaPools: number,
  database: Database,
  databaseUrl: string | undefined,
): Promise<ChildProcess> {
  if (previous?.pid) await stopGroup(previous.pid);
  if (database === "PostgreSQL" && !databaseUrl)
    throw new Error("SCALE_APP_DATABASES names postgres: set DATABASE_URL");
  const head = Number(await chain.client.getBlockNumber());
  const started = performance.now();
  const child = database === "PostgreSQL" ? await startIndexerOnPostgres(databaseUrl!) : await startIndexer();
  await waitUntil(
    "indexer",
    async () => {
      const status = (await (await fetch(`${e2eEnv.indexerUrl}/canopy/status`)).json()) as {
        ready: boolean;
        indexedBlock: number | null;
      };
      return status.ready && (status.indexedBlock ?? 0) >= head;
    },
    { timeoutMs: 60 * 60_000, child, logFile: join(e2eEnv.artifactsDir, "indexer.log") },
  );
  console.log(
    `indexer (${database}) at ${metaPools} MetaPools: block ${head} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return child;
}
