#!/usr/bin/env node
// `npm run bench:idle`: JSON-RPC calls a minute per idle route, with the indexer (e2e/full/idle.spec.ts on the
// seeded market: a fresh Anvil, the app built for it, the indexer caught up). Each route sits a full minute.
// The e2e ports and dirs apply (E2E_RPC_PORT, E2E_APP_PORT, E2E_INDEXER_PORT, E2E_DIST_DIR, E2E_ARTIFACTS_DIR).
//   IDLE_WINDOW_MS=60000 (default)   how long each route sits
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { repoDir } from "./lib/paths.mjs";

const windowMs = process.env.IDLE_WINDOW_MS || "60000";
const artifactsDir = path.join(repoDir, process.env.E2E_ARTIFACTS_DIR || "e2e/.artifacts");
const outputDir = process.env.E2E_OUTPUT_DIR || "test-results/bench-idle";

const run = spawnSync(
  process.execPath,
  [
    path.join(repoDir, "node_modules/@playwright/test/cli.js"),
    "test",
    "--project=full",
    "--workers=1",
    `--output=${outputDir}`,
    "e2e/full/idle.spec.ts",
  ],
  { cwd: repoDir, stdio: "inherit", env: { ...process.env, IDLE_WINDOW_MS: windowMs } },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const { routes } = JSON.parse(readFileSync(path.join(artifactsDir, "idle-rpc.json"), "utf8"));
console.log(`\nIdle JSON-RPC calls a minute per route (target ≤ 10), each route ${Number(windowMs) / 1000} s:`);
console.table(
  Object.fromEntries(
    Object.entries(routes).map(([route, t]) => [
      route,
      {
        "calls/min": t.rpcCallsPerMinute,
        "HTTP requests/min": t.rpcRequestsPerMinute,
        "indexer requests": t.indexerRequests,
        methods: Object.entries(t.byMethod)
          .map(([method, n]) => `${method} ${n}`)
          .join(", "),
      },
    ]),
  ),
);
