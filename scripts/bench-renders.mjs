#!/usr/bin/env node
// `npm run bench:renders`: how many React components render per second on an idle page of the seeded market, and
// the main thread's long tasks, in a production build (a re-render storm shows here before Lighthouse's TBT).
//   1. `next start` on a build made by `npm run bench:lighthouse` (or `bench:bundle`): --dist-dir <dir> (default
//      .next-e2e-lighthouse), --port <app port, 3620>.
//   2. Headless Chromium opens each route with a stand-in for React DevTools' global hook, which React calls on every
//      commit (production builds too); each commit's tree is walked the way DevTools does to count the components
//      that ran, by name. After --settle <20> seconds the page is left idle for --seconds <30>.
// Routes: --routes </,metapool> ("metapool" is Explore's first MetaPool). The chain is NEXT_PUBLIC_RPC_URL's, as built.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";

import { firstMetaPoolRoute, load, serve, stop } from "./lib/next-bench.mjs";
import { repoDir } from "./lib/paths.mjs";

const { values: opts } = parseArgs({
  options: {
    "dist-dir": { type: "string", default: ".next-e2e-lighthouse" },
    port: { type: "string", default: "3620" },
    routes: { type: "string", default: "metapool" },
    settle: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
  },
});
const distDir = opts["dist-dir"];
const appUrl = `http://localhost:${opts.port}`;
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(join(repoDir, distDir, "BUILD_ID")))
  throw new Error(`no build in ${distDir}: npm run bench:lighthouse`);

/**
 * Runs in the page before React: the hook React's renderer registers with. A component ran in a commit when its
 * fiber is new (mounted) or carries React's PerformedWork flag, and a subtree whose child list was not cloned did
 * not render at all (what React DevTools' renderer does to highlight updates).
 */
function installRenderCounter() {
  const FUNCTION = 0;
  const CLASS = 1;
  const FORWARD_REF = 11;
  const SIMPLE_MEMO = 15;
  const PERFORMED_WORK = 1;
  const counter = { commits: 0, renders: 0, byName: {}, recording: false };
  const isComponent = (fiber) => [FUNCTION, CLASS, FORWARD_REF, SIMPLE_MEMO].includes(fiber.tag);
  const nameOf = (fiber) => {
    const type = fiber.type?.render ?? fiber.type;
    return type?.displayName || type?.name || "(anonymous)";
  };
  const count = (fiber) => {
    counter.renders += 1;
    const name = nameOf(fiber);
    counter.byName[name] = (counter.byName[name] ?? 0) + 1;
  };
  const walk = (fiber, mounted) => {
    for (let child = fiber.child; child; child = child.sibling) {
      const prev = child.alternate;
      const childMounted = mounted || prev === null;
      if (isComponent(child) && (childMounted || (child.flags & PERFORMED_WORK) !== 0)) count(child);
      if (childMounted || child.child !== prev.child) walk(child, childMounted);
    }
  };
  let nextId = 1;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = nextId++;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (!counter.recording) return;
      counter.commits += 1;
      const current = root.current;
      walk(current, current.alternate === null);
    },
  };
  window.__renderCounter = counter;
  // Long tasks (≥ 50 ms) on the main thread, with their blocking part (what TBT adds up after the first paint).
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    if (counter.recording) for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: false });
}

const app = await serve(repoDir, Number(opts.port), { NEXT_DIST_DIR: distDir });
const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu"] });
const rows = [];
try {
  const metaPool = await firstMetaPoolRoute(browser, appUrl);
  for (const route of opts.routes.split(",").map((r) => (r === "metapool" ? metaPool : r))) {
    const page = await browser.newPage();
    await page.addInitScript(installRenderCounter);
    await page.goto(`${appUrl}${route}`, { waitUntil: "load" });
    await page.waitForTimeout(Number(opts.settle) * 1000);
    await page.evaluate(() => {
      window.__renderCounter.recording = true;
    });
    await page.waitForTimeout(Number(opts.seconds) * 1000);
    const result = await page.evaluate(() => ({
      ...window.__renderCounter,
      longTasks: window.__longTasks,
      injected: window.__REACT_DEVTOOLS_GLOBAL_HOOK__.renderers.size,
    }));
    await page.close();
    if (result.injected === 0) throw new Error(`React did not register with the hook on ${route}`);
    const perSecond = (n) => Number((n / Number(opts.seconds)).toFixed(2));
    const top = Object.entries(result.byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, n]) => `${name} ${n}`)
      .join(", ");
    rows.push({
      route: route === metaPool ? "/metapool/[address]" : route,
      "commits/s": perSecond(result.commits),
      "component renders/s": perSecond(result.renders),
      "long tasks/min": Number(((result.longTasks.length * 60) / Number(opts.seconds)).toFixed(1)),
      "blocking ms/min": Math.round(
        (result.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0) * 60) / Number(opts.seconds),
      ),
      "most rendered (count in window)": top || "none",
    });
  }
} finally {
  await browser.close();
  await stop(app);
}
console.log(`\nIdle ${opts.seconds} s after ${opts.settle} s settling, production build ${distDir} (load ${load()}):`);
console.table(rows);
