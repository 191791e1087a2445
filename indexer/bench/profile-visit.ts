/// <reference lib="dom" />
// One visit's main-thread long tasks, section paint times and CPU profile (self and total time by function and chunk
// location, minified: look the location up in the build's chunk), against an app bench:scale-app serves in its iterate
// mode. PROFILE_URL, PROFILE_PATH, PROFILE_SELECTOR, PROFILE_ACCOUNT (-1: none), PROFILE_CPU=0 (times only), PROFILE_OUT;
//   cd indexer && E2E_RPC_PORT=… E2E_INDEXER_PORT=… PROFILE_URL=http://127.0.0.1:<app> npx vitest run -c bench/vitest.profile.config.ts
import { writeFileSync } from "node:fs";

import { test } from "vitest";

import { e2eEnv } from "../../e2e/fixtures/env";
import { TestWallet } from "../../e2e/wallet/TestWallet";
import { connectOnLightPage, launch } from "./app-probe";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

test("profile one visit", async () => {
  const appUrl = process.env.PROFILE_URL ?? e2eEnv.appUrl;
  const path = process.env.PROFILE_PATH ?? "/portfolio";
  const selector = process.env.PROFILE_SELECTOR ?? '[data-testid="portfolio-metapool"]';
  const account = process.env.PROFILE_ACCOUNT ? Number(process.env.PROFILE_ACCOUNT) : 7;
  const browser = await launch();
  const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const wallet = await TestWallet.create(e2eEnv.rpcUrl);
  await wallet.attach(page);
  await page.addInitScript((sel) => {
    const w = window as unknown as { __tasks: string[]; __shown?: number };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`);
    }).observe({ type: "longtask", buffered: true });
    const at: Record<number, number> = {};
    (w as unknown as { __at: Record<number, number> }).__at = at;
    const obs = new MutationObserver(() => {
      const n = document.querySelectorAll(sel).length;
      for (const k of [1, 10, 20]) if (n >= k && at[k] === undefined) at[k] = performance.now();
      if (w.__shown === undefined && n > 0) w.__shown = performance.now();
      if (at[20] !== undefined) obs.disconnect();
    });
    obs.observe(document, { childList: true, subtree: true });
  }, selector);
  if (account >= 0) {
    await connectOnLightPage(page, wallet, account);
  }
  const cpu = process.env.PROFILE_CPU !== "0";
  const cdp = await context.newCDPSession(page);
  if (cpu) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const requests: string[] = [];
  page.on("requestfinished", (r) => {
    const t = r.timing();
    const body = r.postData() ?? "";
    const calls = body.startsWith("[") ? (JSON.parse(body) as unknown[]).length : 1;
    if (!r.url().startsWith(appUrl))
      requests.push(`${r.url().slice(0, 30)} ${Math.round(t.startTime)}+${Math.round(t.responseEnd)} (${calls})`);
  });
  await page.goto(path);
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown, null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  if (!cpu) {
    const at = await page.evaluate(() => (window as unknown as { __at: Record<number, number> }).__at);
    console.log(`sections shown at (ms): ${JSON.stringify(at)}`);
    await browser.close();
    return;
  }
  const { profile } = (await cdp.send("Profiler.stop")) as {
    profile: { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
  };
  const { shown, tasks, origin, at } = await page.evaluate(() => {
    const w = window as unknown as { __tasks: string[]; __shown?: number; __at: Record<number, number> };
    return { shown: w.__shown, tasks: w.__tasks, origin: performance.timeOrigin, at: w.__at };
  });
  console.log(
    `shown at ${Math.round(shown ?? -1)} ms (1/10/20 sections: ${JSON.stringify(at)}); long tasks (start+ms): ${tasks.join(" ")}`,
  );
  console.log(requests.map((r) => r.replace(/(\d{13})/, (m) => String(Math.round(Number(m) - origin)))).join("\n"));
  // Self time by function and location, over the whole profile.
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  // Total (inclusive) time: every distinct frame on a sample's stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log("--- total");
  for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 60))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  writeFileSync(process.env.PROFILE_OUT ?? "/tmp/profile.cpuprofile", JSON.stringify(profile));
  await browser.close();
}, 300_000);
