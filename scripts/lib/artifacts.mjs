// ABIs for the Node scripts, read at run time from the forge artifacts (contracts/out), the same source
// `npm run abis` generates abis/index.ts from; scripts cannot import that TypeScript file under Node 20.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { contractsDir, foundryBin } from "./paths.mjs";

/** ABI of `contract` from contracts/out/<file>/<contract>.json, building the contracts once if it is missing. */
export function forgeAbi(contract, file = `${contract}.sol`) {
  const path = join(contractsDir, "out", file, `${contract}.json`);
  if (!existsSync(path)) {
    const build = spawnSync(foundryBin("forge"), ["build", "--quiet"], { cwd: contractsDir, stdio: "inherit" });
    if (build.status !== 0 || !existsSync(path)) throw new Error(`no forge artifact at ${path}`);
  }
  return JSON.parse(readFileSync(path, "utf8")).abi;
}

/** Every item of several ABIs once (errors and events shared by both MetaPool facets appear in both). */
function mergeAbis(...abis) {
  const seen = new Set();
  return abis.flat().filter((item) => {
    const key = `${item.type}:${item.name ?? ""}(${(item.inputs ?? []).map((i) => i.type).join(",")})`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A MetaPool clone answers both facets: its own actions, and the views and settlement its fallback delegates. */
export const metaPoolCloneAbi = () => mergeAbis(forgeAbi("MetaPool"), forgeAbi("MetaPoolExtension"));
export const metaPoolFactoryAbi = () => forgeAbi("MetaPoolFactory");
export const demoTokenAbi = () => forgeAbi("DemoToken");
