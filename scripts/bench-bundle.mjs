#!/usr/bin/env node
// `npm run bench:bundle`: the JavaScript each route makes a first-time visitor download, against a bare page.
//   1. `next build` of the app into its own dist dir (default .next-e2e-bundle, never a developer's .next), and of
//      scripts/bench-bundle/bare (a Next page with wagmi and RainbowKit, injected wallets only) in a temp folder.
//   2. `next start` for each, then every route in a fresh headless Chromium context (empty cache): every script
//      response until the network is idle, lazy chunks included, gzipped as `next start` sends them (zlib level 6).
// Next's own "First Load JS" table leaves out the root layout's chunks, so it is printed too but not relied on.
// Routes read the chain at NEXT_PUBLIC_RPC_URL (127.0.0.1:8545, seeded by `npm run dev`); a MetaPool page needs one.
// Options: --no-build (reuse the app's build), --dist-dir <dir>, --port <first of two ports, 3610>. The bare page
// is rebuilt only when its sources or the installed packages changed.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { chromium } from "@playwright/test";

import { repoDir } from "./lib/paths.mjs";

const { values: opts } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "dist-dir": { type: "string", default: ".next-e2e-bundle" },
    port: { type: "string", default: "3610" },
  },
});
const distDir = opts["dist-dir"];
const bareDir = join(tmpdir(), "canopy-bench-bare");
const nextBin = join(repoDir, "node_modules", ".bin", "next");
const appPort = Number(opts.port);
const barePort = appPort + 1;
const kb = (bytes) => Number((bytes / 1024).toFixed(1));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** Runs a command to completion, echoing nothing; returns its output, throws with it on failure. */
function run(cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")}:\n${out}`))));
  });
}

/** The bare project in a temp folder that resolves packages from the repo's node_modules. */
function writeBare() {
  rmSync(bareDir, { recursive: true, force: true });
  mkdirSync(bareDir, { recursive: true });
  cpSync(join(repoDir, "scripts", "bench-bundle", "bare"), bareDir, { recursive: true });
  symlinkSync(join(repoDir, "node_modules"), join(bareDir, "node_modules"), "dir");
  writeFileSync(join(bareDir, "package.json"), '{ "private": true }\n');
}

/** Next's route table from the build output ("Route (app) … First Load JS shared by all …"). */
function buildTable(out) {
  const start = out.indexOf("Route (app)");
  const end = out.indexOf("○  (Static)");
  return start < 0 ? "(no table)" : out.slice(start, end < 0 ? undefined : end).trimEnd();
}

async function build(what, cwd, env) {
  const t0 = performance.now();
  console.log(`▸ next build of ${what} (load average ${load()} on ${cpus().length} cores)`);
  const out = await run(nextBin, ["build"], { cwd, env });
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s, load average now ${load()}`);
  return out;
}

async function serve(cwd, port, env) {
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

function stop(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/**
 * Every script a first visit downloads (fresh context), gzipped; `ready` is awaited before the network settles.
 * Link prefetches are refused: they fetch other routes' code at idle, which is not this route's cost.
 */
async function measure(browser, url, ready) {
  const context = await browser.newContext();
  await context.route("**/*", (route) =>
    route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue(),
  );
  const page = await context.newPage();
  const scripts = new Map();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), gzipSync(await response.body(), { level: 6 }).length);
    } catch {
      // a redirect or an aborted load has no body
    }
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  if (ready) await ready(page).catch(() => {});
  await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(1500); // chunks a component loads once its data arrived
  await context.close();
  const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
  const urls = Object.fromEntries([...scripts].map(([u, b]) => [new URL(u).pathname.replace(/^.*\/chunks\//, ""), b]));
  return { bytes, files: scripts.size, urls };
}

if (!opts["no-build"]) {
  // next build adds its dist dir's types to tsconfig.json; that shared file is put back as it was.
  const tsconfig = join(repoDir, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    const out = await build(`the app → ${distDir}`, repoDir, { NEXT_DIST_DIR: distDir, NEXT_SKIP_CHECKS: "1" });
    writeFileSync(join(repoDir, distDir, "bench-build.log"), out);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}
if (!existsSync(join(repoDir, distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run without --no-build`);
// The bare page is rebuilt only when its sources or the installed Next, wagmi or RainbowKit changed.
const bareStamp = JSON.stringify([
  ...["next", "wagmi", "@rainbow-me/rainbowkit", "viem"].map(
    (name) => JSON.parse(readFileSync(join(repoDir, "node_modules", name, "package.json"), "utf8")).version,
  ),
  ...["app/layout.tsx", "app/page.tsx", "app/providers.tsx", "next.config.mjs"].map((f) =>
    readFileSync(join(repoDir, "scripts", "bench-bundle", "bare", f), "utf8"),
  ),
]);
const stampFile = join(bareDir, "stamp.json");
if (
  !existsSync(join(bareDir, ".next", "BUILD_ID")) ||
  !existsSync(stampFile) ||
  readFileSync(stampFile, "utf8") !== bareStamp
) {
  writeBare();
  await build("the bare page", bareDir, {});
  writeFileSync(stampFile, bareStamp);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const app = await serve(repoDir, appPort, { NEXT_DIST_DIR: distDir });
const bare = await serve(bareDir, barePort, {});
const rows = [];
const details = {};
try {
  const base = await measure(browser, `http://localhost:${barePort}/`);
  details.bare = base.urls;
  rows.push({
    route: "bare Next + wagmi + RainbowKit",
    "JS gzip KB": kb(base.bytes),
    files: base.files,
    "over bare KB": 0,
  });
  // A MetaPool's address from Explore's first row (the seeded chain), else a page that says it is not one.
  const probe = await browser.newPage();
  await probe.goto(`http://localhost:${appPort}/`, { waitUntil: "load" });
  const href = await probe
    .locator('a[href^="/metapool/0x"]')
    .first()
    .getAttribute("href", { timeout: 30_000 })
    .catch(() => "/metapool/0x0000000000000000000000000000000000000001");
  await probe.close();
  const routes = ["/", "/create", href, "/arbiter", "/portfolio", "/how-it-works"];
  for (const route of routes) {
    const ready = route === href ? (page) => page.getByTestId("metapool-name").waitFor({ timeout: 30_000 }) : undefined;
    const m = await measure(browser, `http://localhost:${appPort}${route}`, ready);
    const name = route === href ? "/metapool/[address]" : route;
    details[name] = m.urls;
    rows.push({ route: name, "JS gzip KB": kb(m.bytes), files: m.files, "over bare KB": kb(m.bytes - base.bytes) });
  }
} finally {
  await browser.close();
  stop(app);
  stop(bare);
}
writeFileSync(join(repoDir, distDir, "bench-bundle.json"), JSON.stringify(details, null, 2));
console.log(`\nJS transferred on a first visit (gzip, link prefetches refused), load average ${load()}:`);
console.table(rows);
const log = join(repoDir, distDir, "bench-build.log");
if (existsSync(log))
  console.log(`\nnext build's own table (layout chunks left out):\n${buildTable(readFileSync(log, "utf8"))}`);
