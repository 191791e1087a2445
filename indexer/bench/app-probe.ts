/// <reference lib="dom" />
// Times one page of the production app in headless Chromium, the way a first visit loads it: from navigation start
// until a selector (the figures a user waits for) is in the page, and the requests made until then, RPC and indexer
// apart. Also counts what an open tab keeps asking while idle. Used by bench/scale-app.ts.
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";

import { shortAddress } from "../../e2e/fixtures/connect";
import { e2eEnv } from "../../e2e/fixtures/env";
import { testWalletInfo } from "../../e2e/wallet/info";
import { TestWallet } from "../../e2e/wallet/TestWallet";

type Kind = "rpc" | "indexer" | "app" | "other";

interface Hit {
  kind: Kind;
  start: number;
  end: number | undefined;
  bytes: number;
  /** JSON-RPC calls in the request (a batch counts each). */
  calls: number;
  getLogs: number;
  methods: string[];
}

export interface Traffic {
  requests: number;
  calls: number;
  getLogs: number;
  kB: number;
  /** JSON-RPC methods by count, the most called first ("eth_call×12 eth_getBlockByNumber×2"). */
  methods: string;
}

export interface Visit {
  /** Navigation start → the selector's count reached; undefined when it never was within the time allowed. */
  ms: number | undefined;
  /** First contentful paint. */
  fcpMs: number | undefined;
  rpc: Traffic;
  indexer: Traffic;
  app: Traffic;
  /** How many elements matched at the end (e.g. the Portfolio's MetaPools). */
  matched: number;
  /** RPC and indexer requests until then, ms from navigation start: "rpc 900-1400 (3 calls)", … */
  timeline: string;
}

export interface Target {
  /** What the visit waits for: `count` elements matching `selector`. */
  selector: string;
  count: number;
  timeoutMs: number;
}

const kindOf = (url: string, appUrl: string): Kind =>
  url.startsWith(e2eEnv.rpcUrl)
    ? "rpc"
    : url.startsWith(e2eEnv.indexerUrl)
      ? "indexer"
      : url.startsWith(appUrl)
        ? "app"
        : "other";

function jsonRpcCalls(request: Request): { calls: number; getLogs: number; methods: string[] } {
  try {
    const body = JSON.parse(request.postData() ?? "null") as { method?: string } | { method?: string }[] | null;
    const calls = Array.isArray(body) ? body : body ? [body] : [];
    const methods = calls.map((c) => c.method ?? "?");
    return { calls: calls.length, getLogs: methods.filter((m) => m === "eth_getLogs").length, methods };
  } catch {
    return { calls: 0, getLogs: 0, methods: [] };
  }
}

const tally = (methods: string[]) =>
  Object.entries(methods.reduce<Record<string, number>>((n, m) => ({ ...n, [m]: (n[m] ?? 0) + 1 }), {}))
    .sort(([, a], [, b]) => b - a)
    .map(([m, n]) => `${m}×${n}`)
    .join(" ");

/** Records every request of `page` with its bytes on the wire (headers and encoded bodies, both ways). */
function record(page: Page, appUrl: string) {
  const hits = new Map<Request, Hit>();
  const settled: Promise<void>[] = [];
  page.on("request", (request) => {
    const kind = kindOf(request.url(), appUrl);
    const rpc = kind === "rpc" ? jsonRpcCalls(request) : { calls: 0, getLogs: 0, methods: [] };
    hits.set(request, { kind, start: Date.now(), end: undefined, bytes: 0, ...rpc });
  });
  const finish = (request: Request, failed: boolean) => {
    const hit = hits.get(request);
    if (!hit) return;
    // The browser's own clock for when the response ended: the event reaches this process later, by up to seconds
    // on a loaded machine, and a page shown meanwhile counted none of the requests it was shown from (Explore at 4
    // MetaPools, load 13: a row with live figures and "RPC req 0").
    const timing = request.timing();
    hit.start = timing.startTime > 0 ? timing.startTime : hit.start;
    hit.end = timing.startTime > 0 && timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now();
    if (failed) return;
    settled.push(
      request.sizes().then(
        (s) => void (hit.bytes = s.requestHeadersSize + s.requestBodySize + s.responseHeadersSize + s.responseBodySize),
        () => undefined,
      ),
    );
  };
  page.on("requestfinished", (request) => finish(request, false));
  page.on("requestfailed", (request) => finish(request, true));
  return {
    /** Forgets what came before (an idle window starts). */
    reset: () => hits.clear(),
    /** The RPC and indexer requests finished by `until`, in order, ms after `origin` (epoch ms). */
    timeline(origin: number, until = Infinity): string {
      return [...hits.values()]
        .filter((h) => (h.kind === "rpc" || h.kind === "indexer") && h.end !== undefined && h.end <= until)
        .sort((a, b) => a.start - b.start)
        .map((h) => {
          const [from, to] = [h.start, h.end!].map((t) => Math.round(t - origin));
          return `${h.kind} ${from}-${to}${h.calls > 1 ? ` (${h.calls} calls)` : ""}`;
        })
        .join(", ");
    },
    /** Requests finished by `until` (epoch ms), per kind. */
    async totals(until = Infinity): Promise<Record<Kind, Traffic>> {
      await Promise.all(settled);
      const empty = (): Traffic => ({ requests: 0, calls: 0, getLogs: 0, kB: 0, methods: "" });
      const out: Record<Kind, Traffic> = { rpc: empty(), indexer: empty(), app: empty(), other: empty() };
      const methods: string[] = [];
      for (const hit of hits.values()) {
        if (hit.end === undefined || hit.end > until) continue;
        const t = out[hit.kind];
        t.requests++;
        t.calls += hit.calls;
        t.getLogs += hit.getLogs;
        t.kB += hit.bytes / 1000;
        methods.push(...hit.methods);
      }
      for (const t of Object.values(out)) t.kB = Math.round(t.kB);
      out.rpc.methods = tally(methods);
      return out;
    },
  };
}

/** How long a visit waits, once shown, for the events of requests finished before then (they come late under load). */
const EVENTS_SETTLE_MS = 1_500;

/** Notes in the page when `count` elements match `selector` (performance.now(): ms since navigation start). */
function markWhenShown({ selector, count }: { selector: string; count: number }) {
  const scope = window as unknown as { __benchShownAt?: number };
  const check = () => {
    if (scope.__benchShownAt === undefined && document.querySelectorAll(selector).length >= count) {
      scope.__benchShownAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: e2eEnv.chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
}

/** A fresh context (cold cache) with the test wallet injected, `account` selected and, if given, connected. */
async function openPage(browser: Browser, appUrl: string, account: number | undefined, target: Target) {
  const context: BrowserContext = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const wallet = await TestWallet.create(e2eEnv.rpcUrl);
  await wallet.attach(page);
  await page.addInitScript(markWhenShown, { selector: target.selector, count: target.count });
  if (account !== undefined) {
    await connectOnLightPage(page, wallet, account);
  }
  return { context, page };
}

/**
 * Connects the test wallet's account `account` once on a light page, as a returning user is: wagmi reconnects by
 * itself on the load measured next.
 */
export async function connectOnLightPage(page: Page, wallet: TestWallet, account: number): Promise<void> {
  await wallet.useAccount(account);
  await page.goto("/how-it-works");
  await page.getByRole("banner").getByRole("button", { name: "Connect Wallet" }).click({ timeout: 60_000 });
  await page.getByRole("dialog").getByRole("button", { name: testWalletInfo.name }).click({ timeout: 30_000 });
  await page
    .getByRole("banner")
    .getByRole("button", { name: shortAddress(wallet.address) })
    .waitFor({ timeout: 60_000 });
}

/** Loads `path` and waits for `target`; `account` (an Anvil account index) is connected first when given. */
export async function visit(
  browser: Browser,
  appUrl: string,
  path: string,
  target: Target,
  account?: number,
): Promise<Visit> {
  const { context, page } = await openPage(browser, appUrl, account, target);
  try {
    const traffic = record(page, appUrl);
    await page.goto(path);
    const shown = await page
      .waitForFunction(() => (window as unknown as { __benchShownAt?: number }).__benchShownAt, null, {
        timeout: target.timeoutMs,
        polling: 100,
      })
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => undefined);
    const { origin, fcp, matched } = await page.evaluate((selector) => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        origin: performance.timeOrigin,
        fcp: paint?.startTime,
        matched: document.querySelectorAll(selector).length,
      };
    }, target.selector);
    // Requests the page had finished by then may reach this process later still: let their events arrive.
    await page.waitForTimeout(EVENTS_SETTLE_MS);
    const totals = await traffic.totals(shown === undefined ? Infinity : origin + shown);
    const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));
    const until = shown === undefined ? Infinity : origin + shown;
    return {
      ms: round(shown),
      fcpMs: round(fcp),
      matched,
      rpc: totals.rpc,
      indexer: totals.indexer,
      app: totals.app,
      timeline: traffic.timeline(Math.round(origin), until),
    };
  } finally {
    await context.close();
  }
}

/** Opens every page, waits for its target, then counts what each asks for during `seconds` of doing nothing. */
export async function idle(
  browser: Browser,
  appUrl: string,
  pages: { path: string; target: Target; account?: number }[],
  seconds: number,
): Promise<{ path: string; rpc: Traffic; indexer: Traffic }[]> {
  const opened = [];
  for (const p of pages) {
    const { context, page } = await openPage(browser, appUrl, p.account, p.target);
    await page.goto(p.path);
    await page
      .waitForFunction(() => (window as unknown as { __benchShownAt?: number }).__benchShownAt, null, {
        timeout: p.target.timeoutMs,
        polling: 250,
      })
      .catch(() => undefined);
    opened.push({ path: p.path, context, traffic: record(page, appUrl) });
  }
  try {
    for (const o of opened) o.traffic.reset();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return await Promise.all(
      opened.map(async (o) => {
        const t = await o.traffic.totals();
        return { path: o.path, rpc: t.rpc, indexer: t.indexer };
      }),
    );
  } finally {
    await Promise.all(opened.map((o) => o.context.close()));
  }
}
