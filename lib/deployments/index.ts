// The committed deployments, one file per chain. scripts/deploy.mjs rewrites this list when it adds a chain
// (lib/deployments/index.test.ts fails when a file is missing from it).
import type { DeploymentFile } from "./registry";

import d31337 from "./31337.json";

export const deploymentFiles: readonly DeploymentFile[] = [d31337];
