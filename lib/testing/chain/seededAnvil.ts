// The seeded demo market on an Anvil of a test's own (scripts/deploy.mjs then scripts/seed.mjs), next to the chain
// suite's shared one (globalSetup.ts): for tests that need the demo market exactly as `npm run dev` seeds it.
import { spawnSync, type ChildProcess } from "node:child_process";

import { startAnvil, waitForRpc } from "@/scripts/lib/anvil.mjs";
import { repoDir } from "@/scripts/lib/paths.mjs";

/** Starts Anvil at `rpcUrl`, deploys and seeds it; `stop()` ends it; a failed start stops it too. */
export async function startSeededAnvil(rpcUrl: string): Promise<{ stop: () => void }> {
  const anvil = startAnvil({
    port: Number(new URL(rpcUrl).port),
    forkUrl: undefined,
    stateFile: undefined,
  }) as ChildProcess;
  const stop = () => void anvil.kill("SIGTERM");
  try {
    await waitForRpc(rpcUrl);
    for (const script of ["scripts/deploy.mjs", "scripts/seed.mjs"]) {
      const run = spawnSync(process.execPath, [script, "--rpc", rpcUrl], { cwd: repoDir, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}${run.stderr}`);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}
