#!/usr/bin/env node
// Runs the native forge from @foundry-rs/forge-linux-amd64 inside contracts/.
// (node_modules/.bin/forge is a node shim; calling the binary directly keeps signals and PIDs simple.)
import { spawnSync } from "node:child_process";

import { contractsDir, foundryBin } from "./lib/paths.mjs";

const result = spawnSync(foundryBin("forge"), process.argv.slice(2), { cwd: contractsDir, stdio: "inherit" });
process.exit(result.status ?? 1);
