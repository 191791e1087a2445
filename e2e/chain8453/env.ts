import path from "node:path";

/**
 * The chain-8453 run: its own Anvil (`--chain-id 8453`, Base's id), build and app, on ports apart from the main
 * e2e run's so both can run on one machine (E2E_8453_RPC_PORT, E2E_8453_APP_PORT, E2E_8453_DIST_DIR,
 * E2E_8453_ARTIFACTS_DIR).
 */
const rpcPort = Number(process.env.E2E_8453_RPC_PORT || 8548);
const appPort = Number(process.env.E2E_8453_APP_PORT || 3102);
const repoRoot = path.resolve(__dirname, "../..");
const artifactsDir = path.join(repoRoot, process.env.E2E_8453_ARTIFACTS_DIR || "e2e/.artifacts-8453");

export const base8453 = {
  chainId: 8453,
  repoRoot,
  rpcPort,
  appPort,
  rpcUrl: `http://127.0.0.1:${rpcPort}`,
  appUrl: `http://127.0.0.1:${appPort}`,
  distDir: process.env.E2E_8453_DIST_DIR || ".next-e2e-8453",
  artifactsDir,
  /** What setup deployed (scripts/deploy.mjs --out), plus the USDC-like token. */
  deploymentFile: path.join(artifactsDir, "deployment.json"),
  pidsFile: path.join(artifactsDir, "server-pids.json"),
  anvilBin: path.join(repoRoot, "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"),
  nextBin: path.join(repoRoot, "node_modules/next/dist/bin/next"),
} as const;

/** The deployment file setup writes: Deploy.s.sol's addresses and the 6-decimal token it added. */
export interface Deployment8453 {
  chainId: number;
  startBlock: number;
  metaPoolFactory: `0x${string}`;
  usdc: `0x${string}`;
}
