// What the load benches share: a production `next build` into a dist dir of its own and `next start` to measure.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

import { repoDir } from "./paths.mjs";

export const nextBin = join(repoDir, "node_modules", ".bin", "next");

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Runs a command to completion, echoing nothing; returns its output, throws with it on failure. */
export function run(cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")}:\n${out}`))));
  });
}

/** `next build` in `cwd`; returns its output. */
export async function build(what, cwd, env) {
  const t0 = performance.now();
  console.log(`▸ next build of ${what} (load average ${load()} on ${cpus().length} cores)`);
  const out = await run(nextBin, ["build"], { cwd, env });
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s, load average now ${load()}`);
  return out;
}

/**
 * The app's production build into `distDir` (types and lint skipped: `npm run typecheck` and `lint` check them).
 * next build adds its dist dir's types to tsconfig.json; that shared file is put back as it was.
 */
export async function buildApp(distDir) {
  const tsconfig = join(repoDir, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    const out = await build(`the app → ${distDir}`, repoDir, { NEXT_DIST_DIR: distDir, NEXT_SKIP_CHECKS: "1" });
    writeFileSync(join(repoDir, distDir, "bench-build.log"), out);
    return out;
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

/** `next start` in its own process group; resolves once it answers. Refuses a port another server holds. */
export async function serve(cwd, port, env) {
  const busy = await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`something already answers on port ${port}: stop it or pass another --port`);
  const child = spawn(nextBin, ["start", "-p", String(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(2000) });
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`next start on ${port} did not answer`);
}

/**
 * Stops a process group started here and waits for it: `next start` may outlive SIGTERM (it waits for keep-alive
 * connections to close), and a server left on the port would answer the next run with an old build.
 */
export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

/** Next's route table from the build output ("Route (app) … First Load JS shared by all …"). */
export function buildTable(out) {
  const start = out.indexOf("Route (app)");
  const end = out.indexOf("○  (Static)");
  return start < 0 ? "(no table)" : out.slice(start, end < 0 ? undefined : end).trimEnd();
}

/**
 * The address of a MetaPool of the chain the app reads: Explore's first row, found with the given Playwright browser;
 * a page that says "not a MetaPool" when the chain has none.
 */
export async function firstMetaPoolRoute(browser, appUrl) {
  const probe = await browser.newPage();
  try {
    await probe.goto(`${appUrl}/`, { waitUntil: "load" });
    return await probe
      .locator('a[href^="/metapool/0x"]')
      .first()
      .getAttribute("href", { timeout: 30_000 })
      .catch(() => "/metapool/0x0000000000000000000000000000000000000001");
  } finally {
    await probe.close();
  }
}
