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
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { chromium } from "@playwright/test";

import { build, buildApp, buildTable, firstMetaPoolRoute, load, serve, stop } from "./lib/next-bench.mjs";
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
const appPort = Number(opts.port);
const barePort = appPort + 1;
const kb = (bytes) => Number((bytes / 1024).toFixed(1));

/** The bare project in a temp folder that resolves packages from the repo's node_modules. */
function writeBare() {
  rmSync(bareDir, { recursive: true, force: true });
  mkdirSync(bareDir, { recursive: true });
  cpSync(join(repoDir, "scripts", "bench-bundle", "bare"), bareDir, { recursive: true });
  symlinkSync(join(repoDir, "node_modules"), join(bareDir, "node_modules"), "dir");
  writeFileSync(join(bareDir, "package.json"), '{ "private": true }\n');
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

if (!opts["no-build"]) await buildApp(distDir);
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
  const href = await firstMetaPoolRoute(browser, `http://localhost:${appPort}`);
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
  await Promise.all([stop(app), stop(bare)]);
}
writeFileSync(join(repoDir, distDir, "bench-bundle.json"), JSON.stringify(details, null, 2));
console.log(`\nJS transferred on a first visit (gzip, link prefetches refused), load average ${load()}:`);
console.table(rows);
const log = join(repoDir, distDir, "bench-build.log");
if (existsSync(log))
  console.log(`\nnext build's own table (layout chunks left out):\n${buildTable(readFileSync(log, "utf8"))}`);
