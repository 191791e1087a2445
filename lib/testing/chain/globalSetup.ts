/**
 * Vitest globalSetup of the chain suites (vitest.chain.config.ts): a fresh native Anvil on 127.0.0.1:8550
 * (CHAIN_TEST_PORT), the protocol deployed by scripts/deploy.mjs, the deployment handed to the tests through
 * `inject('chain')`. Stops exactly the Anvil it started.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { anvil as anvilChain } from "viem/chains";
import type { TestProject } from "vitest/node";

// Plain ESM helpers of the Node scripts (typed from their JSDoc through allowJs).
import { chainIdAt, startAnvil, waitForRpc } from "../../../scripts/lib/anvil.mjs";
import { repoDir } from "../../../scripts/lib/paths.mjs";
import { anvilTestClient } from "../../devChain";
import type { ChainTestContext } from "./context";

let anvil: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const port = Number(process.env.CHAIN_TEST_PORT ?? 8550);
  const rpcUrl = `http://127.0.0.1:${port}`;
  if ((await chainIdAt(rpcUrl)) !== null) throw new Error(`${rpcUrl} is taken; set CHAIN_TEST_PORT`);
  anvil = startAnvil({ port, forkUrl: undefined, stateFile: undefined }) as ChildProcess;
  await waitForRpc(rpcUrl);

  // scripts/deploy.mjs writes lib/deployments/31337.json; addresses on a fresh Anvil are deterministic, but never
  // leave the committed file changed (as scripts/seed.check.mjs does).
  const deploymentFile = join(repoDir, "lib", "deployments", "31337.json");
  const committed = readFileSync(deploymentFile, "utf8");
  const started = Date.now();
  const deploy = spawnSync(process.execPath, ["scripts/deploy.mjs", "--rpc", rpcUrl], {
    cwd: repoDir,
    encoding: "utf8",
  });
  const deployed = readFileSync(deploymentFile, "utf8");
  if (deployed !== committed) writeFileSync(deploymentFile, committed);
  if (deploy.status !== 0) {
    await teardown();
    throw new Error(`deploy failed:\n${deploy.stdout}${deploy.stderr}`);
  }
  // Transactions are mined one by one by `send` (lib/testing/chain/client.ts), each at the time a test set for it.
  await anvilTestClient(anvilChain, rpcUrl).setAutomine(false);
  const context: ChainTestContext = { rpcUrl, deployment: JSON.parse(deployed) };
  project.provide("chain", context);
  console.log(`chain tests: Anvil on ${rpcUrl}, deployed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function teardown(): Promise<void> {
  const child = anvil;
  anvil = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
