import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const contractsDir = join(repoDir, "contracts");

/** Path of a native Foundry binary (forge, anvil, cast) shipped by npm's @foundry-rs packages. */
export function foundryBin(tool) {
  const arch = process.arch === "arm64" ? "arm64" : "amd64";
  const platform = process.platform === "darwin" ? "darwin" : "linux";
  const bin = join(repoDir, "node_modules", "@foundry-rs", `${tool}-${platform}-${arch}`, "bin", tool);
  if (!existsSync(bin)) throw new Error(`${tool} not found at ${bin}: run npm install`);
  return bin;
}
