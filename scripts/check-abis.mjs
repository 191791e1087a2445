#!/usr/bin/env node
// Fails when abis/ is stale: rebuilds the contracts, regenerates the ABIs and asks git whether anything changed.
import { execSync } from "node:child_process";

import { repoDir } from "./lib/paths.mjs";

const run = (cmd) => execSync(cmd, { cwd: repoDir, stdio: "inherit" });
run("node scripts/forge.mjs build --quiet");
run("npx wagmi generate");
const diff = execSync("git status --porcelain -- abis", { cwd: repoDir }).toString().trim();
if (diff) {
  console.error(`abis/ is stale; run \`npm run abis\` and commit:\n${diff}`);
  process.exit(1);
}
console.log("abis/ is up to date with the contracts");
