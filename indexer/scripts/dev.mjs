// The indexer as `npm run dev` (scripts/dev.mjs) runs it: `ponder dev` on the dev chain, PGlite in
// indexer/.ponder unless DATABASE_URL names a PostgreSQL database, logs prefixed with [indexer] (warnings and errors
// only; INDEXER_LOG_LEVEL=info shows every block). Everything is rebuilt from the chain at every start: the dev chain
// may be a new one with the same id (scripts/local-chain.mjs).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { defaultPgliteDir, forgetChainInPostgres, forgetPglite } from "./local-chain.mjs";

export const indexerDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ponderBin = join(indexerDir, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");
export const INDEXER_PORT = Number(process.env.INDEXER_PORT ?? 42069);

const say = (msg) => console.log(`\x1b[35m[indexer]\x1b[0m ${msg}`);

/**
 * Starts the indexer on `rpcUrl` (chain `chainId`, deployment from lib/deployments/<chainId>.json).
 * Returns the child process and the URL the app reads, or null when the indexer is not installed.
 */
export async function startIndexer({ rpcUrl, chainId, port = INDEXER_PORT }) {
  if (!existsSync(ponderBin)) {
    say("not installed (npm --prefix indexer ci); the app reads the chain alone");
    return null;
  }
  if (process.env.DATABASE_URL) await forgetChainInPostgres(process.env.DATABASE_URL, chainId);
  else forgetPglite(process.env.CANOPY_PGLITE_DIR || defaultPgliteDir(indexerDir));
  const env = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    CANOPY_RPC_URL: rpcUrl,
    CANOPY_CHAIN_ID: String(chainId),
  };
  delete env.PORT; // Ponder prefers PORT to --port, and PORT is the app's
  const args = ["dev", "--disable-ui", "--port", String(port), "--log-level", process.env.INDEXER_LOG_LEVEL ?? "warn"];
  const child = spawn(process.execPath, [ponderBin, ...args], {
    cwd: indexerDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      // Normal on a dev chain: no .env.local, and no block while nobody sends a transaction.
      if (!/\.env\.local\) not found|No new block received/.test(line)) say(line);
    });
  }
  const url = `http://localhost:${port}`;
  child.on("exit", (code, signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT") say(`stopped (${signal ?? code}); the app reads the chain alone`);
  });
  announceWhenReady(url, child);
  return { child, url };
}

async function announceWhenReady(url, child) {
  const until = Date.now() + 10 * 60_000;
  while (child.exitCode === null && child.signalCode === null && Date.now() < until) {
    try {
      if ((await fetch(`${url}/ready`)).ok) {
        say(`ready at ${url}: SQL ${url}/sql (@ponder/client), GraphQL ${url}/graphql, lag ${url}/canopy/status`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
