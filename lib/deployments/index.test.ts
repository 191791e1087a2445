import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { deploymentFiles } from ".";

describe("lib/deployments", () => {
  it("lists every committed deployment file, each under its own chain id", () => {
    const files = readdirSync(__dirname).filter((f) => /^\d+\.json$/.test(f));
    const onDisk = files.map((f) => JSON.parse(readFileSync(join(__dirname, f), "utf8")) as { chainId: number });
    expect(files.map((f) => Number(f.replace(".json", "")))).toEqual(onDisk.map((d) => d.chainId));
    expect(deploymentFiles.map((d) => d.chainId).sort()).toEqual(onDisk.map((d) => d.chainId).sort());
  });
});
