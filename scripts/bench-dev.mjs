#!/usr/bin/env node
// `npm run bench:dev`: how long `npm run dev` makes a developer wait, per bundler, from a cold start.
// For each bundler (default: webpack, then Turbopack) it removes the dev build folder, runs scripts/dev.mjs with
// DEV_BUNDLER set, and times in headless Chromium, from the moment dev.mjs starts Next (the chain is seeded):
//   first page  `/` opened when dev.mjs says "Canopy is running", until it lists a seeded MetaPool; timed from the
//               start of Next, from `npm run dev` and from the moment the chain is seeded (dev.mjs starts Next
//               before deploying and seeding on Anvil's own chain, so these differ)
//   each route  its first visit, opened as soon as the page before it is ready (a developer clicking straight on, the
//               worst case), until the page has loaded and shows its heading (a MetaPool page: its name). dev.mjs
//               warms the routes one by one in the background from "Canopy is running" on: a route whose warm-up
//               compile is still running counts that wait, and one the warm-up has not reached compiles on the visit
//   indexer     when it first answered (it runs at a lower CPU priority; until then the pages read the chain)
// The chain on 127.0.0.1:<rpc port> is reused, or started here and seeded by dev.mjs on the first run.
// Options: --bundler webpack|turbopack (one only), --warm (keep the build folder), --port <app port, 3000>,
// --rpc-port <Anvil, 8545>, --indexer-port <42069>, --dist-dir <Next's build folder, NEXT_DIST_DIR or .next>; with
// the last three set, a run shares nothing with a developer's `npm run dev` (the indexer's PGlite goes in the system's
// temporary folder then).
// It prints the machine's load average with the numbers: two busy cores double them. The `cpu s` column (CPU
// seconds the dev server's processes spent in the step, from /proc) moves far less with the machine's load;
// `indexer cpu s` is the indexer's (Ponder's) part of it, the work that competes with a step's compile.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";

import { chainIdAt, startAnvil, waitForRpc } from "./lib/anvil.mjs";
import { repoDir } from "./lib/paths.mjs";

const { values: opts } = parseArgs({
  options: {
    bundler: { type: "string" },
    warm: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    "rpc-port": { type: "string", default: "8545" },
    "indexer-port": { type: "string", default: "42069" },
    "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR || ".next" },
  },
});
const bundlers = opts.bundler ? [opts.bundler] : ["webpack", "turbopack"];
const appUrl = `http://localhost:${opts.port}`;
const rpcUrl = `http://127.0.0.1:${opts["rpc-port"]}`;
const distDir = join(repoDir, opts["dist-dir"]);
const routeTimeoutMs = 600_000; // a busy 2-core machine takes minutes

const round = (x) => Number(x.toFixed(1));
const seconds = (ms) => round(ms / 1000);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function portAnswers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU seconds (user + system, children reaped included) of every process in group `pgid`, and of the indexer's
 * (Ponder's) among them; Linux only.
 */
function groupCpuSeconds(pgid) {
  let ticks = 0;
  let indexerTicks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat, cmdline;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after "(comm)": state ppid pgrp ... utime(14) stime(15) cutime(16) cstime(17), numbered from pid = 1.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    const own = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    ticks += own;
    if (cmdline.includes("ponder")) indexerTicks += own;
  }
  return { all: ticks / 100, indexer: indexerTicks / 100 }; // USER_HZ
}

/**
 * Runs scripts/dev.mjs. Resolves `nextStarted` when it starts Next ("Starting the app") and `seeded` when the chain
 * is ready for the app ("Demo market ready", or the indexer's start on a chain without a demo market).
 */
function startDev(bundler) {
  const launched = performance.now();
  const child = spawn(process.execPath, ["scripts/dev.mjs"], {
    cwd: repoDir,
    env: {
      ...process.env,
      DEV_BUNDLER: bundler,
      PORT: opts.port,
      RPC_PORT: opts["rpc-port"],
      INDEXER_PORT: opts["indexer-port"],
      NEXT_DIST_DIR: opts["dist-dir"],
      ...(opts["indexer-port"] !== "42069" && {
        CANOPY_PGLITE_DIR: join(tmpdir(), `canopy-bench-dev-pglite-${opts["indexer-port"]}`),
      }),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it also stops what Next spawned (Turbopack's PostCSS workers).
    detached: true,
  });
  let log = "";
  const waitFor = (marker) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (log.includes(marker)) resolve(performance.now());
      };
      child.stdout.on("data", check);
      child.on("exit", (code) => reject(new Error(`dev.mjs exited (${code}) before "${marker}":\n${log}`)));
    });
  child.stdout.on("data", (d) => (log += d));
  const nextStarted = waitFor("Starting the app");
  const seeded = Promise.race([waitFor("Demo market ready"), waitFor("Starting the indexer")]);
  // What a developer waits for before opening the browser.
  const running = waitFor("Canopy is running");
  // When the indexer first answered (indexer/scripts/dev.mjs says so), or null: until then the pages read the chain.
  let indexerReady = null;
  child.stdout.on("data", () => {
    if (indexerReady === null && log.includes(`ready at http://localhost:${opts["indexer-port"]}`)) {
      indexerReady = performance.now();
    }
  });
  child.stderr.on("data", (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    await new Promise((r) => setTimeout(r, 1000));
    try {
      process.kill(-child.pid, "SIGKILL"); // whatever of the group outlived SIGTERM
    } catch {
      // the group is gone
    }
    while (await portAnswers(appUrl)) await new Promise((r) => setTimeout(r, 250));
  };
  const cpu = () => groupCpuSeconds(child.pid);
  return { launched, nextStarted, seeded, running, indexerReady: () => indexerReady, stop, log: () => log, cpu };
}

/** Navigates until the server answers (it may not listen yet), then waits for `ready` on the page. */
async function visit(page, path, ready) {
  const started = performance.now();
  for (;;) {
    try {
      await page.goto(appUrl + path, { waitUntil: "load", timeout: routeTimeoutMs });
      break;
    } catch (err) {
      // A reset connection while Next compiles can surface as a navigation to Chromium's error page.
      if (!/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|chrome-error:/.test(String(err))) throw err;
      if (performance.now() - started > routeTimeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await ready.waitFor({ state: "visible", timeout: routeTimeoutMs });
  return performance.now();
}

async function benchOne(browser, bundler) {
  if (!opts.warm) rmSync(distDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 });
  const loadBefore = load();
  const dev = startDev(bundler);
  const page = await browser.newPage();
  const rows = [];
  try {
    const t0 = await dev.nextStarted;
    const cpu0 = dev.cpu();
    // CPU seconds spent since `before` by the dev server's processes, and by the indexer among them.
    const cpuSince = (before, now) => ({
      "cpu s": round(now.all - before.all),
      "indexer cpu s": round(now.indexer - before.indexer),
    });
    const firstRow = page.locator('a[href^="/metapool/0x"]').first();
    const seeded = await dev.seeded;
    await dev.running;
    const t1 = await visit(page, "/", firstRow);
    let cpu = dev.cpu();
    rows.push({ step: "first page: / with its MetaPools", seconds: seconds(t1 - t0), ...cpuSince(cpu0, cpu) });
    rows.push({ step: "  … from `npm run dev`", seconds: seconds(t1 - dev.launched), "cpu s": "" });
    rows.push({ step: "  … after the chain is seeded", seconds: seconds(t1 - seeded), "cpu s": "" });
    const metaPool = await firstRow.getAttribute("href");
    const heading = page.locator("main h1");
    const routes = [
      ["/create", heading],
      [metaPool, page.getByTestId("metapool-name")],
      ["/arbiter", heading],
      ["/portfolio", heading],
      ["/how-it-works", heading],
    ];
    for (const [path, ready] of routes) {
      const started = performance.now();
      const cpuBefore = cpu;
      const done = await visit(page, path, ready);
      cpu = dev.cpu();
      rows.push({ step: `first visit: ${path}`, seconds: seconds(done - started), ...cpuSince(cpuBefore, cpu) });
    }
    rows.push({
      step: "all routes, from the start of Next",
      seconds: seconds(performance.now() - t0),
      ...cpuSince(cpu0, cpu),
    });
    const indexerReady = dev.indexerReady();
    rows.push({
      step: "indexer answering, from the start of Next",
      seconds: indexerReady === null ? "not yet" : seconds(indexerReady - t0),
      "cpu s": "",
    });
  } catch (err) {
    console.error(dev.log());
    throw err;
  } finally {
    await page.close();
    await dev.stop();
  }
  // Next's own account of its compiles, for telling server compile time from the browser's wait.
  const compiles = dev.log().match(/✓ Compiled .+ in [\d.]+m?s/g) ?? [];
  // dev.mjs's steps with the second each began, and the warm-up's summary.
  const steps = dev.log().match(/▸.*\(\d+\.\d s\)|routes warmed in .*/g) ?? [];
  return { bundler, rows, compiles, steps, load: `${loadBefore} → ${load()}` };
}

if (await portAnswers(appUrl)) throw new Error(`${appUrl} already answers: stop that server or pass --port`);
let anvil = null;
if ((await chainIdAt(rpcUrl)) === null) {
  anvil = startAnvil({ port: Number(opts["rpc-port"]) });
  await waitForRpc(rpcUrl);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const results = [];
try {
  for (const bundler of bundlers) {
    console.log(`\n▸ ${bundler}${opts.warm ? "" : ", cold"}: load average ${load()} on ${cpus().length} cores`);
    const result = await benchOne(browser, bundler);
    console.table(result.rows);
    console.log(`  ${result.compiles.join("\n  ")}`);
    console.log(`  ${result.steps.join("\n  ").replace(/\x1b\[\d+m/g, "")}`);
    console.log(`  load average (1, 5, 15 min) before → after: ${result.load}`);
    results.push(result);
  }
} finally {
  await browser.close();
  anvil?.kill("SIGTERM");
}
if (results.length > 1) {
  const table = results[0].rows.map((row, i) =>
    Object.fromEntries([
      ["step", row.step],
      ...results.flatMap((r) => [
        [`${r.bundler} s`, r.rows[i]?.seconds],
        [`${r.bundler} cpu s`, r.rows[i]?.["cpu s"]],
      ]),
    ]),
  );
  console.log("\nbefore → after");
  console.table(table);
}
