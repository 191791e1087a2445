#!/usr/bin/env node
// `npm run bench:check`: fails when the committed gas figures are stale. Reruns the bench with its snapshots
// written to a temporary directory (the working tree is left alone), then compares them with
// contracts/snapshots/GasBench.json, and the README's gas table with the one that snapshot generates.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { gasTable, README, runBench, SNAPSHOT, withGasTable } from "./bench.mjs";
import { contractsDir } from "./lib/paths.mjs";

const dir = mkdtempSync(join(tmpdir(), "canopy-bench-"));
let fresh;
try {
  fresh = runBench(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const committed = JSON.parse(readFileSync(join(contractsDir, "snapshots", SNAPSHOT), "utf8"));
const problems = [];
for (const label of new Set([...Object.keys(committed), ...Object.keys(fresh)])) {
  if (committed[label] !== fresh[label]) {
    problems.push(`  ${label}: committed ${committed[label] ?? "(none)"}, measured ${fresh[label] ?? "(none)"}`);
  }
}
const readme = readFileSync(README, "utf8");
if (withGasTable(readme, gasTable(committed)) !== readme) {
  problems.push("  contracts/README.md: the gas table does not match snapshots/GasBench.json");
}
if (problems.length) {
  console.error(`Gas figures are stale; run \`npm run bench\` and commit:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`contracts/snapshots/${SNAPSHOT} and the README gas table match a fresh bench run`);
