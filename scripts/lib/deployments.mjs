// The deployment registry as the Node scripts see it: lib/deployments/<chainId>.json (committed, bundled by the app
// through lib/deployments/index.ts) and the environment that points the app and the indexer at a deployment kept
// elsewhere (a fork's, a test chain's).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { repoDir } from "./paths.mjs";

export const registryDir = join(repoDir, "lib", "deployments");
export const LOCAL_CHAIN_ID = 31337;

export const registryFile = (chainId) => join(registryDir, `${chainId}.json`);

/** Where `npm run dev` keeps what it deploys on a chain other than Anvil's own (a fork): never in the registry. */
export const devDeploymentFile = (chainId) => join(repoDir, ".dev", "deployments", `${chainId}.json`);

/** The parsed file, or null when there is none. */
export function readDeployment(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** What the app (NEXT_PUBLIC_*) and the indexer (CANOPY_*) need to follow `deployment` without a registry file. */
export function deploymentEnv(deployment) {
  return {
    NEXT_PUBLIC_FACTORY_ADDRESS: deployment.metaPoolFactory,
    NEXT_PUBLIC_FACTORY_START_BLOCK: String(deployment.startBlock),
    CANOPY_FACTORY: deployment.metaPoolFactory,
    CANOPY_START_BLOCK: String(deployment.startBlock),
  };
}

/** Rewrites lib/deployments/index.ts to import every registry file (the app cannot list a folder at run time). */
export function writeRegistryIndex() {
  const ids = readdirSync(registryDir)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => Number(f.slice(0, -5)))
    .sort((a, b) => a - b);
  const lines = [
    "// The committed deployments, one file per chain. scripts/deploy.mjs rewrites this list when it adds a chain",
    "// (lib/deployments/index.test.ts fails when a file is missing from it).",
    'import type { DeploymentFile } from "./registry";',
    "",
    ...ids.map((id) => `import d${id} from "./${id}.json";`),
    "",
    `export const deploymentFiles: readonly DeploymentFile[] = [${ids.map((id) => `d${id}`).join(", ")}];`,
    "",
  ];
  writeFileSync(join(registryDir, "index.ts"), lines.join("\n"));
}
