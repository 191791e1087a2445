#!/usr/bin/env node
// `npm run dev`: one command for the whole app on a local chain.
//  1. Anvil on 127.0.0.1:8545 (reused if one already answers; FORK_URL=<rpc> forks that chain)
//  2. the contracts, deployed unless the chain already has them (lib/deployments/<chainId>.json)
//  3. the demo market (scripts/seed.mjs), seeded unless the chain already has MetaPools
//  4. the indexer (indexer/, Ponder) on http://localhost:42069, following that chain (indexer/scripts/dev.mjs)
//  5. Next.js on http://localhost:3000
// Ctrl-C stops exactly what this script started.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { startIndexer } from "../indexer/scripts/dev.mjs";
import { chainIdAt, rpc, startAnvil, waitForRpc } from "./lib/anvil.mjs";
import { repoDir } from "./lib/paths.mjs";

const RPC_PORT = Number(process.env.RPC_PORT ?? 8545);
const RPC_URL = `http://127.0.0.1:${RPC_PORT}`;
const APP_PORT = Number(process.env.PORT ?? 3000);
const started = [];

const step = (msg) => console.log(`\x1b[32m▸\x1b[0m ${msg}`);

function stopAll(code = 0) {
  for (const child of started.reverse()) {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function ensureChain() {
  const existing = await chainIdAt(RPC_URL);
  if (existing !== null) {
    step(`Reusing the chain already answering at ${RPC_URL} (chain id ${existing})`);
    return existing;
  }
  const forkUrl = process.env.FORK_URL;
  step(forkUrl ? `Starting Anvil at ${RPC_URL}, forking ${forkUrl}` : `Starting Anvil at ${RPC_URL}`);
  const anvil = startAnvil({ port: RPC_PORT, forkUrl });
  started.push(anvil);
  anvil.on("exit", (code) => {
    if (code) console.error(`Anvil exited with code ${code}`);
  });
  await waitForRpc(RPC_URL);
  return chainIdAt(RPC_URL);
}

async function isDeployed(chainId) {
  const file = join(repoDir, "lib", "deployments", `${chainId}.json`);
  if (!existsSync(file)) return false;
  const { metaPoolFactory } = JSON.parse(readFileSync(file, "utf8"));
  const code = await rpc(RPC_URL, "eth_getCode", [metaPoolFactory, "latest"]);
  return code && code !== "0x";
}

async function main() {
  const chainId = await ensureChain();
  if (await isDeployed(chainId)) {
    step("Contracts already deployed on this chain");
  } else {
    step("Deploying the contracts (contracts/script/Deploy.s.sol)");
    const deploy = spawnSync(process.execPath, ["scripts/deploy.mjs", "--rpc", RPC_URL], {
      cwd: repoDir,
      stdio: "inherit",
    });
    if (deploy.status !== 0) stopAll(deploy.status ?? 1);
    step(`Addresses written to lib/deployments/${chainId}.json`);
  }
  step("Seeding the demo market (scripts/seed.mjs; skipped when the chain already has MetaPools)");
  const seed = spawnSync(process.execPath, ["scripts/seed.mjs", "--rpc", RPC_URL], { cwd: repoDir, stdio: "inherit" });
  if (seed.status !== 0) stopAll(seed.status ?? 1);
  step("Starting the indexer (indexer/, Ponder; DATABASE_URL for PostgreSQL, else embedded PGlite)");
  const indexer = await startIndexer({ rpcUrl: RPC_URL, chainId });
  if (indexer) started.push(indexer.child);
  step(`Starting the app on http://localhost:${APP_PORT}`);
  // Turbopack (npm run bench:dev compares it with webpack); DEV_BUNDLER=webpack runs the webpack dev server.
  // Both compile less in dev than `next build` does: next.config.ts leaves out unused wallet SDKs.
  const bundlerArgs = process.env.DEV_BUNDLER === "webpack" ? [] : ["--turbopack"];
  const next = spawn(join(repoDir, "node_modules", ".bin", "next"), ["dev", ...bundlerArgs, "-p", String(APP_PORT)], {
    cwd: repoDir,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_PUBLIC_RPC_URL: RPC_URL,
      NEXT_PUBLIC_CHAIN_ID: String(chainId),
      ...(indexer ? { NEXT_PUBLIC_INDEXER_URL: indexer.url } : {}),
    },
  });
  started.push(next);
  next.on("exit", (code) => stopAll(code ?? 0));
  console.log(`\n  Canopy is running: \x1b[1mhttp://localhost:${APP_PORT}\x1b[0m  (chain ${chainId} at ${RPC_URL})\n`);
}

main().catch((err) => {
  console.error(err);
  stopAll(1);
});
