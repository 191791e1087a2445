// A local chain (Anvil, or a fork on this machine) reuses block numbers every time it restarts, but Ponder keeps the
// blocks and logs it fetched (schema ponder_sync) keyed by chain id and block number and reads its backfill from
// there: a second chain with the same id would be indexed from the first one's logs. So before Ponder starts on a
// local chain, what it kept of that chain id goes.
import { rmSync } from "node:fs";
import { join } from "node:path";

import pg from "pg";

/** PGlite: the whole directory (the indexer rebuilds its tables from the chain at every dev start anyway). */
export function forgetPglite(directory) {
  rmSync(directory, { recursive: true, force: true });
}

/** PostgreSQL: the rows of `chainId` in every ponder_sync table that has them. */
export async function forgetChainInPostgres(databaseUrl, chainId) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      `select table_name from information_schema.columns where table_schema = 'ponder_sync' and column_name = 'chain_id'`,
    );
    for (const { table_name: table } of rows) {
      await db.query(`delete from ponder_sync."${table}" where chain_id = $1`, [chainId]);
    }
  } finally {
    await db.end();
  }
}

export const defaultPgliteDir = (indexerDir) => join(indexerDir, ".ponder", "pglite");
