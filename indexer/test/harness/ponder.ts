// Runs `ponder start` on a chain, as the app would reach it: SQL over HTTP through `@ponder/client`, GraphQL, and
// /canopy/status. PGlite in a fresh directory unless DATABASE_URL is set, then a fresh PostgreSQL schema.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createClient } from "@ponder/client";
import pg from "pg";

import * as schema from "../../ponder.schema";
import { forgetChainInPostgres } from "../../scripts/local-chain.mjs";
import type { IndexingStatus } from "../../src/api/status";

export const indexerDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ponderBin = join(indexerDir, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");

export interface PonderOptions {
  rpcUrl: string;
  factory: string;
  startBlock: number;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
}

export type Indexer = Awaited<ReturnType<typeof startPonder>>;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPonder(options: PonderOptions) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const pgliteDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "canopy-indexer-"));
  const dbSchema = `canopy_test_${process.pid}_${Date.now()}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    CANOPY_RPC_URL: options.rpcUrl,
    CANOPY_CHAIN_ID: "31337",
    CANOPY_FACTORY: options.factory,
    CANOPY_START_BLOCK: String(options.startBlock),
    CANOPY_POLLING_MS: "100",
  };
  delete env.PORT; // Ponder prefers PORT over --port
  delete env.DATABASE_PRIVATE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.CANOPY_PGLITE_DIR = pgliteDir;
  }
  // A PostgreSQL database outlives the chains tested on it; PGlite starts in a new directory.
  if (options.databaseUrl) await forgetChainInPostgres(options.databaseUrl, 31_337);
  const log: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ponderBin,
      "start",
      "--schema",
      dbSchema,
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
      "--log-format",
      "json",
    ],
    { cwd: indexerDir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const logFile = process.env.INDEXER_TEST_PONDER_LOG; // every line Ponder writes, for a closer look
  const collect = (chunk: Buffer) => {
    if (logFile) appendFileSync(logFile, chunk);
    log.push(chunk.toString());
    if (log.length > 4000) log.splice(0, log.length - 4000);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  const client = createClient(`${url}/sql`, { schema });

  async function status(): Promise<IndexingStatus> {
    const res = await fetch(`${url}/canopy/status`);
    if (!res.ok) throw new Error(`/canopy/status: ${res.status} ${await res.text()}`);
    return res.json() as Promise<IndexingStatus>;
  }

  /** Waits until every table reflects block `block` (the chain head when omitted). */
  async function waitForBlock(block?: number, timeoutMs = 120_000) {
    const until = Date.now() + timeoutMs;
    let last: IndexingStatus | undefined;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`ponder exited (${child.exitCode}):\n${tail()}`);
      try {
        last = await status();
        const target = block ?? last.headBlock ?? Infinity;
        if (last.ready && last.indexedBlock >= target) return last;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`indexer stuck at ${JSON.stringify(last)}:\n${tail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function graphql<T>(query: string): Promise<T> {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  const tail = () => log.join("").split("\n").slice(-60).join("\n");

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killed);
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    if (options.databaseUrl) {
      const db = new pg.Client({ connectionString: options.databaseUrl });
      await db.connect();
      await db.query(`DROP SCHEMA IF EXISTS "${dbSchema}" CASCADE`);
      await db.end();
    }
  }

  return { url, client, db: client.db, status, waitForBlock, graphql, stop, tail, dbSchema };
}
