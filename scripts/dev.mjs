#!/usr/bin/env node
// `npm run dev`: one command for the whole app on a local chain.
//  1. Anvil on 127.0.0.1:8545 (reused if one already answers; FORK_URL=<rpc> forks that chain)
//  2. the contracts, deployed unless the chain already has them: lib/deployments/<chainId>.json (a fork of a chain
//     where Canopy is deployed finds it there), else .dev/deployments/<chainId>.json (what dev deployed on a fork
//     before); a fresh deploy on Anvil's own chain (31337) writes the registry, on a fork .dev/ (the registry keeps
//     real deployments only). The app and the indexer are pointed at the deployment through the environment.
//  3. Next.js on http://localhost:3000, started as soon as the deployment's addresses are known (on Anvil's own chain:
//     at once, so it compiles `/` while 2 and 4 run); once `/` is compiled, the other routes in the background
//  4. the demo market (scripts/seed.mjs), seeded unless the chain already has MetaPools
//  5. the indexer (indexer/, Ponder) on http://localhost:42069, following that chain (indexer/scripts/dev.mjs), once
//     every route is compiled: a developer's first visits are not slowed by Ponder's start-up taking the cores (the
//     pages read the chain until it answers); it runs at a lower CPU priority, so the developer's browser goes first
// Ctrl-C stops exactly what this script started.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { INDEXER_PORT, ponderBin, startIndexer } from "../indexer/scripts/dev.mjs";
import { chainIdAt, rpc, startAnvil, waitForRpc } from "./lib/anvil.mjs";
import { deploymentEnv, devDeploymentFile, LOCAL_CHAIN_ID, readDeployment, registryFile } from "./lib/deployments.mjs";
import { repoDir } from "./lib/paths.mjs";
import { lowerPriority } from "./lib/priority.mjs";
import { warmRoutes } from "./lib/warmup.mjs";

const RPC_PORT = Number(process.env.RPC_PORT ?? 8545);
const RPC_URL = `http://127.0.0.1:${RPC_PORT}`;
const APP_PORT = Number(process.env.PORT ?? 3000);
const started = [];
/** The background warm-up (scripts/lib/warmup.mjs) once Next runs, unless DEV_WARMUP=0. */
let warmup = null;
/** How long the indexer's start waits for the warm-up (on 2 cores it takes ~20–30 s after `/`). */
const WARMUP_WAIT_MS = 120_000;

// Each step says when it began (seconds since `npm run dev`), to see where a start spends its time.
const launched = performance.now();
const step = (msg) =>
  console.log(`\x1b[32m▸\x1b[0m ${msg} \x1b[2m(${((performance.now() - launched) / 1000).toFixed(1)} s)\x1b[0m`);

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

/** The deployment whose factory has code on this chain: the registry's, else the one dev made before; or null. */
async function findDeployment(chainId) {
  for (const file of [registryFile(chainId), devDeploymentFile(chainId)]) {
    const deployment = readDeployment(file);
    if (!deployment) continue;
    const code = await rpc(RPC_URL, "eth_getCode", [deployment.metaPoolFactory, "latest"]);
    if (code && code !== "0x") return { deployment, file };
  }
  return null;
}

/** Runs a node script with inherited output; resolves with its exit code (async: the warm-up runs meanwhile). */
function runScript(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoDir, stdio: "inherit" });
    started.push(child);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function deploy(chainId) {
  const file = chainId === LOCAL_CHAIN_ID ? registryFile(chainId) : devDeploymentFile(chainId);
  const out = chainId === LOCAL_CHAIN_ID ? [] : ["--out", file];
  const code = await runScript(["scripts/deploy.mjs", "--rpc", RPC_URL, ...out]);
  if (code !== 0) stopAll(code);
  return { deployment: readDeployment(file), file };
}

/**
 * Next.js dev server on APP_PORT (Turbopack; DEV_BUNDLER=webpack for webpack, which `npm run bench:dev` compares),
 * then every route warmed in the background. `env` points the app at the deployment; without it the app reads
 * lib/deployments/<chainId>.json, which a deploy on Anvil's own chain rewrites (Next reloads it).
 */
function startNext(chainId, env) {
  step(`Starting the app on http://localhost:${APP_PORT}`);
  // Both bundlers compile less in dev than `next build` does: next.config.ts leaves out unused wallet SDKs.
  const bundlerArgs = process.env.DEV_BUNDLER === "webpack" ? [] : ["--turbopack"];
  // The indexer's URL is known before it starts; it answers once the market is seeded (the app falls back to the
  // chain until then).
  const indexerUrl = existsSync(ponderBin) ? `http://localhost:${INDEXER_PORT}` : null;
  const next = spawn(join(repoDir, "node_modules", ".bin", "next"), ["dev", ...bundlerArgs, "-p", String(APP_PORT)], {
    cwd: repoDir,
    stdio: "inherit",
    env: {
      ...process.env,
      ...env,
      NEXT_PUBLIC_RPC_URL: RPC_URL,
      NEXT_PUBLIC_CHAIN_ID: String(chainId),
      ...(indexerUrl ? { NEXT_PUBLIC_INDEXER_URL: indexerUrl } : {}),
    },
  });
  started.push(next);
  next.on("exit", (code) => stopAll(code ?? 0));
  if (process.env.DEV_WARMUP !== "0") {
    step("Compiling / now, then the other routes in the background (DEV_WARMUP=0 skips it)");
    warmup = warmRoutes(`http://localhost:${APP_PORT}`);
  }
}

async function main() {
  const chainId = await ensureChain();
  let found = await findDeployment(chainId);
  // Next boots and compiles while the contracts build, deploy and the market seeds (a fresh clone's forge build
  // alone takes about a minute): on Anvil's own chain the app reads the registry file the deploy writes; elsewhere
  // it needs the deployment's addresses first.
  const nextEarly = found !== null || chainId === LOCAL_CHAIN_ID;
  if (nextEarly) startNext(chainId, found ? deploymentEnv(found.deployment) : {});
  if (found) {
    step(`Contracts already deployed on this chain (${found.file.slice(repoDir.length + 1)})`);
  } else {
    step("Deploying the contracts (contracts/script/Deploy.s.sol)");
    found = await deploy(chainId);
    step(`Addresses written to ${found.file.slice(repoDir.length + 1)}`);
  }
  // The indexer (and Next, when it starts now) follow this deployment whichever file holds it.
  Object.assign(process.env, deploymentEnv(found.deployment));
  if (!nextEarly) startNext(chainId, {});
  if (chainId === LOCAL_CHAIN_ID) {
    step("Seeding the demo market (scripts/seed.mjs; skipped when the chain already has MetaPools)");
    const code = await runScript(["scripts/seed.mjs", "--rpc", RPC_URL]);
    if (code !== 0) stopAll(code);
    step("Demo market ready");
  } else {
    step(`No demo market on chain ${chainId}: demo tokens live on Anvil's own chain; MetaPools here use real assets`);
  }
  const announce = () =>
    console.log(
      `\n  Canopy is running: \x1b[1mhttp://localhost:${APP_PORT}\x1b[0m  (chain ${chainId} at ${RPC_URL})\n`,
    );
  if (warmup) {
    // Ponder's start-up (bundling its config, PGlite, the backfill: some 25 CPU seconds) would take the 2 cores of a
    // small machine from the route compiles, and a developer clicking on waits for those: the routes come first (on
    // this 2-core machine the indexer answers ~6 s later, and the pages read the chain until it does).
    await warmup.first;
    announce();
    step("Compiling the other routes before starting the indexer");
    // Bounded: a route whose compile hangs must not keep the indexer from starting.
    await Promise.race([warmup.all, new Promise((resolve) => setTimeout(resolve, WARMUP_WAIT_MS))]);
  }
  step("Starting the indexer (indexer/, Ponder; DATABASE_URL for PostgreSQL, else embedded PGlite)");
  const indexer = await startIndexer({ rpcUrl: RPC_URL, chainId });
  if (indexer) {
    started.push(indexer.child);
    // Ponder's start-up (bundling, PGlite, the backfill: some 25 CPU seconds) runs while the developer browses; at a
    // lower priority it takes the cores the browser and any recompile leave idle.
    lowerPriority(indexer.child.pid);
  }
  if (!warmup) announce();
}

main().catch((err) => {
  console.error(err);
  stopAll(1);
});
