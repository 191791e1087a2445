#!/usr/bin/env node
// `npm run bench:lighthouse`: Lighthouse's score, LCP, TBT and main-thread CPU time per route of the seeded market.
//   1. `next build` of the app into its own dist dir (default .next-e2e-lighthouse, never a developer's .next), then
//      `next start` on it.
//   2. Chromium (CHROME_PATH, default /usr/bin/chromium, headless) audited by the pinned `lighthouse` package with its
//      desktop preset and its default mobile one (simulated throttling), `--runs` times per route and preset; the
//      table shows each metric's median over the runs.
// Routes read the chain at NEXT_PUBLIC_RPC_URL (127.0.0.1:8545, seeded by `npm run dev`); the MetaPool page is
// Explore's first row. Options: --no-build (reuse the build), --dist-dir <dir>, --port <app port, 3620; Chromium's
// debugging port is the next one>, --runs <3>, --routes </,/create,…> (a subset; "metapool" stands for the MetaPool).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";
import lighthouse, { desktopConfig } from "lighthouse";

import { buildApp, firstMetaPoolRoute, load, serve, stop } from "./lib/next-bench.mjs";
import { repoDir } from "./lib/paths.mjs";

const { values: opts } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    "dist-dir": { type: "string", default: ".next-e2e-lighthouse" },
    port: { type: "string", default: "3620" },
    runs: { type: "string", default: "3" },
    routes: { type: "string", default: "/,/create,metapool,/arbiter,/portfolio,/how-it-works" },
  },
});
const distDir = opts["dist-dir"];
const appPort = Number(opts.port);
const debugPort = appPort + 1;
const runs = Number(opts.runs);
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const appUrl = `http://localhost:${appPort}`;
const presets = [
  { name: "desktop", config: desktopConfig },
  { name: "mobile", config: undefined }, // Lighthouse's default: a mid-range phone, slow 4G, 4× CPU slowdown
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Headless Chromium with a debugging port for Lighthouse, in a throwaway profile. */
async function launchChrome() {
  const profile = mkdtempSync(join(tmpdir(), "canopy-lighthouse-"));
  const child = spawn(
    chromePath,
    [
      "--headless=new",
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${profile}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "about:blank",
    ],
    { stdio: "ignore", detached: true },
  );
  for (let i = 0; i < 120; i++) {
    try {
      await fetch(`http://127.0.0.1:${debugPort}/json/version`, { signal: AbortSignal.timeout(1000) });
      return { child, profile };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Chromium at ${chromePath} did not open its debugging port ${debugPort}`);
}

/** The trace's three largest layout shifts (no recent input), each with the boxes it moved. */
function traceShifts(events) {
  const rect = (r) => (r ?? []).map(Math.round).join(",");
  return events
    .filter((e) => e.name === "LayoutShift" && !e.args?.data?.had_recent_input)
    .map((e) => ({
      score: Number((e.args.data.weighted_score_delta ?? e.args.data.score ?? 0).toFixed(4)),
      moved: (e.args.data.impacted_nodes ?? []).map((n) => `${rect(n.old_rect)} → ${rect(n.new_rect)}`),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
}

/** One Lighthouse navigation: the performance category only. */
async function audit(url, config) {
  const result = await lighthouse(
    url,
    { port: debugPort, output: "json", logLevel: "error", onlyCategories: ["performance"] },
    config,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: metric("first-contentful-paint"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    // Lighthouse's CPU benchmark of this machine at that moment: lower means a busier (slower) CPU, inflating TBT.
    cpu: lhr.environment.benchmarkIndex,
    // What LCP waited for (Lighthouse's element audits fail on this Chromium: their RootCauses gatherer throws on
    // "frame_sequence", so that error is kept instead), and the largest layout shifts read from the trace itself, with
    // each moved box before → after as x,y,width,height (bench-lighthouse.json keeps them).
    lcpElement:
      lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ??
      lhr.audits["largest-contentful-paint-element"]?.errorMessage,
    shifts: traceShifts(result.artifacts?.Trace?.traceEvents ?? []),
    // Main-thread CPU time by kind (script, layout, parse…) and by script: steadier than TBT on a shared machine.
    mainThread: lhr.audits["mainthread-work-breakdown"]?.numericValue ?? NaN,
    byKind: Object.fromEntries(
      (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? []).map((i) => [i.group, Math.round(i.duration)]),
    ),
    byScript: (lhr.audits["bootup-time"]?.details?.items ?? []).slice(0, 6).map((i) => ({
      script: i.url.replace(/^.*\/chunks\//, ""),
      ms: Math.round(i.total),
      scripting: Math.round(i.scripting),
    })),
  };
}

if (!opts["no-build"]) await buildApp(distDir);
if (!existsSync(join(repoDir, distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run without --no-build`);

const app = await serve(repoDir, appPort, { NEXT_DIST_DIR: distDir });
let chrome;
const rows = [];
const details = {};
try {
  const probeBrowser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu"] });
  const metaPool = await firstMetaPoolRoute(probeBrowser, appUrl).finally(() => probeBrowser.close());
  const routes = opts.routes.split(",").map((route) => (route === "metapool" ? metaPool : route));
  chrome = await launchChrome();
  console.log(`▸ Lighthouse on ${routes.length} routes × ${presets.length} presets × ${runs} runs (load ${load()})`);
  for (const route of routes) {
    const name = route === metaPool ? "/metapool/[address]" : route;
    // A first request warms next start's route (its server render is not what a repeat visitor waits for).
    await fetch(`${appUrl}${route}`).catch(() => {});
    for (const preset of presets) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await audit(`${appUrl}${route}`, preset.config));
      details[`${preset.name} ${name}`] = samples;
      rows.push({
        route: name,
        preset: preset.name,
        score: median(samples.map((s) => s.score)),
        "FCP s": Number((median(samples.map((s) => s.fcp)) / 1000).toFixed(2)),
        "LCP s": Number((median(samples.map((s) => s.lcp)) / 1000).toFixed(2)),
        "TBT ms": Math.round(median(samples.map((s) => s.tbt))),
        "main thread ms": Math.round(median(samples.map((s) => s.mainThread))),
        CLS: Number(median(samples.map((s) => s.cls)).toFixed(3)),
        scores: samples.map((s) => s.score).join(" "),
        "CPU index": Math.round(median(samples.map((s) => s.cpu))),
      });
      console.log(`  ${preset.name} ${name}: ${samples.map((s) => s.score).join(" ")} (load ${load()})`);
    }
  }
} finally {
  if (chrome) {
    await stop(chrome.child);
    rmSync(chrome.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
  await stop(app);
}
writeFileSync(join(repoDir, distDir, "bench-lighthouse.json"), JSON.stringify(details, null, 2));
console.log(`\nLighthouse ${runs}× per route and preset, medians (load average ${load()}):`);
console.table(rows);
