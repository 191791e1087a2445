#!/usr/bin/env node
// Deploys the protocol with contracts/script/Deploy.s.sol and writes lib/deployments/<chainId>.json (and adds the
// chain to lib/deployments/index.ts), the registry the app, the reads, dev, e2e and the indexer read.
//   node scripts/deploy.mjs [--rpc http://127.0.0.1:8545] [--out <file>]
// --out writes the addresses there instead and leaves the registry as it was: a fork or a test chain whose id is a
// real chain's must never replace that chain's committed deployment. The app and the indexer are then pointed at it
// through NEXT_PUBLIC_FACTORY_ADDRESS / CANOPY_FACTORY (scripts/lib/deployments.mjs `deploymentEnv`).
// The key defaults to Anvil's first account (local chains); set DEPLOYER_PRIVATE_KEY for others.
// Demo tokens are deployed on Anvil's own chain (31337) only; every other chain uses its real assets.
// --slow sends each transaction after the previous one is mined: Anvil sometimes left a burst queued forever.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

import { ANVIL_DEPLOYER_KEY, rpc } from "./lib/anvil.mjs";
import { registryFile, writeRegistryIndex } from "./lib/deployments.mjs";
import { contractsDir, foundryBin } from "./lib/paths.mjs";

const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rpcUrl = option("--rpc") ?? process.env.RPC_URL ?? "http://127.0.0.1:8545";
const out = option("--out") && resolve(option("--out"));
const key = process.env.DEPLOYER_PRIVATE_KEY ?? ANVIL_DEPLOYER_KEY;

const chainId = Number(await rpc(rpcUrl, "eth_chainId"));
const file = registryFile(chainId);
const before = existsSync(file) ? readFileSync(file, "utf8") : null;
const broadcast = join(contractsDir, "broadcast", "Deploy.s.sol", String(chainId));
const hadBroadcast = existsSync(broadcast);

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
if (result.status !== 0) process.exit(result.status ?? 1);

if (out) {
  // Deploy.s.sol always writes the registry file: move it to --out and put the registry back.
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, readFileSync(file, "utf8"));
  if (before === null) rmSync(file);
  else writeFileSync(file, before);
  // forge's record of the transactions belongs with a registry deployment only.
  if (!hadBroadcast) rmSync(broadcast, { recursive: true, force: true });
  console.log(`Deployed on chain ${chainId}: addresses in ${out}`);
} else {
  if (before === null) writeRegistryIndex();
  console.log(`Deployed on chain ${chainId}: addresses in lib/deployments/${chainId}.json`);
}
