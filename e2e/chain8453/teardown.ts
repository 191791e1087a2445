import { existsSync, readFileSync, rmSync } from "node:fs";

import { stopGroup } from "../fixtures/processes";
import { base8453 } from "./env";

/** Stops exactly the Anvil and app the 8453 setup started. */
export default async function teardown(): Promise<void> {
  if (!existsSync(base8453.pidsFile)) return;
  const pids = JSON.parse(readFileSync(base8453.pidsFile, "utf8")) as number[];
  rmSync(base8453.pidsFile);
  await Promise.all(pids.map((pid) => stopGroup(pid)));
}
