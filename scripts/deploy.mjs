#!/usr/bin/env node
// Deploys the protocol with contracts/script/Deploy.s.sol and writes lib/deployments/<chainId>.json.
//   node scripts/deploy.mjs [--rpc http://127.0.0.1:8545]
// The key defaults to Anvil's first account (local chains); set DEPLOYER_PRIVATE_KEY for others.
// --slow sends each transaction after the previous one is mined: Anvil sometimes left a burst queued forever.
import { spawnSync } from "node:child_process";

import { ANVIL_DEPLOYER_KEY } from "./lib/anvil.mjs";
import { contractsDir, foundryBin } from "./lib/paths.mjs";

const rpcArg = process.argv.indexOf("--rpc");
const rpcUrl = rpcArg > 0 ? process.argv[rpcArg + 1] : (process.env.RPC_URL ?? "http://127.0.0.1:8545");
const key = process.env.DEPLOYER_PRIVATE_KEY ?? ANVIL_DEPLOYER_KEY;

const result = spawnSync(
  foundryBin("forge"),
  [
    "script",
    "script/Deploy.s.sol:Deploy",
    "--rpc-url",
    rpcUrl,
    "--broadcast",
    "--slow",
    "--private-key",
    key,
    "--quiet",
  ],
  { cwd: contractsDir, stdio: "inherit" },
);
process.exit(result.status ?? 1);
