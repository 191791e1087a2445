// #14's scale benchmark, app half: the production app (`next build` + `next start`, e2e's fixtures) in headless
// Chromium against a market that grows on one Anvil to each checkpoint (SCALE_APP_CHECKPOINTS, default 4,200,1000
// MetaPools × 16 pools over SCALE_ACCOUNTS, default 200, accounts), with the indexer (PGlite, rebuilt from block 0
// at each checkpoint) and without it (a second build without NEXT_PUBLIC_INDEXER_URL, the chain-only fallback):
//   - Explore: navigation start → the first MetaPool row with its live figures, and the requests and bytes until then;
//   - Portfolio of Anvil account 7 (in ~1 MetaPool of 30; at the last checkpoint it enters 200 more);
//   - at the last checkpoint, a MetaPool with ~5 000 events of history (its three history charts drawn), and JSON-RPC
//     calls per idle minute per route.
// A measurement, not a test with a time limit:
//   npm --prefix indexer run bench:scale-app
// Ports and dirs are e2e's variables (E2E_RPC_PORT, E2E_APP_PORT, E2E_INDEXER_PORT, E2E_DIST_DIR, E2E_ARTIFACTS_DIR);
// the chain-only build is served on E2E_APP_PORT + 1 from E2E_DIST_DIR + "-chain". SCALE_APP_REUSE_BUILD=1 serves
// builds already there even if sources changed since; SCALE_APP_RUNS (3) visits per figure with the indexer,
// SCALE_APP_CHAIN_RUNS (1) without; SCALE_APP_TIMEOUT_S (180) per visit; SCALE_APP_MODES (indexer,chain); SCALE_APP_IDLE_S (60); SCALE_APP_WIDE (200) and
// SCALE_APP_HISTORY_EVENTS (5 000) size the two extras; results as JSON in
// SCALE_APP_OUT (default indexer/.bench/scale-app.json). With DATABASE_URL the indexer runs on PostgreSQL, and
// SCALE_APP_DATABASES=pglite,postgres measures both on one chain:
//   SCALE_APP_DATABASES=pglite,postgres indexer/scripts/with-postgres.sh npm --prefix indexer run bench:scale-app
// SCALE_APP_ITERATE=1 keeps the last checkpoint's chain and indexer up afterwards (Anvil cannot reopen a dumped
// chain for Ponder, which reads historical state): each time the file `iterate` appears in E2E_ARTIFACTS_DIR, the
// apps are rebuilt if their sources changed, served again and Explore and the Portfolio measured again; the file
// `stop` there ends the run. Minutes per change instead of a market rebuilt each time. SCALE_APP_MAX_LOAD (e.g. 2.5)
// holds each Explore figure until the machine's 1-minute load average is that low (every row notes its load).
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";

import type { Browser } from "@playwright/test";
import { getAddress } from "viem";
import { expect, test } from "vitest";

import { buildAppIfChanged, startApp, type AppTarget } from "../../e2e/fixtures/app";
import { e2eEnv } from "../../e2e/fixtures/env";
import { stopGroup } from "../../e2e/fixtures/processes";
import local from "../../lib/deployments/31337.json";
import { startChain } from "../test/harness/chain";
import { indexerDir } from "../test/harness/ponder";
import { idle, launch, visit, type Target, type Visit } from "./app-probe";
import { addBusyMetaPool, addWideAccount } from "./scale-extras";
import { restartIndexer, type Database } from "./scale-indexer";
import { buildScaleMarket } from "./scale-market";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const checkpoints = (process.env.SCALE_APP_CHECKPOINTS ?? "4,200,1000").split(",").map(Number);
const accountCount = env("SCALE_ACCOUNTS", 200);
const runs = env("SCALE_APP_RUNS", 3);
const chainRuns = env("SCALE_APP_CHAIN_RUNS", 1);
const timeoutMs = env("SCALE_APP_TIMEOUT_S", 180) * 1000;
const idleSeconds = env("SCALE_APP_IDLE_S", 60);
const wideMetaPools = env("SCALE_APP_WIDE", 200);
const historyEvents = env("SCALE_APP_HISTORY_EVENTS", 5_000);
const iterate = process.env.SCALE_APP_ITERATE === "1";
/**
 * SCALE_APP_MAX_LOAD: each Explore figure waits (up to SCALE_APP_LOAD_WAIT_S, 600) for the 1-minute load average to
 * drop to this, so that Explore at 4, 200 and 1 000 is taken under similar load on a shared machine; every row notes
 * the load it was measured at either way.
 */
const maxLoad = process.env.SCALE_APP_MAX_LOAD ? Number(process.env.SCALE_APP_MAX_LOAD) : undefined;
const loadWaitMs = env("SCALE_APP_LOAD_WAIT_S", 600) * 1000;
/** Set (indexer/scripts/with-postgres.sh): the indexer can run on PostgreSQL. */
const databaseUrl = process.env.DATABASE_URL;
/**
 * SCALE_APP_DATABASES (pglite, postgres or both, comma-separated; default postgres with DATABASE_URL, else pglite):
 * at each checkpoint the indexer is rebuilt from block 0 on each in turn and the indexer's rows measured again, on
 * the same chain and app build; the chain-only rows once.
 */
const databases: Database[] = (process.env.SCALE_APP_DATABASES ?? (databaseUrl ? "postgres" : "pglite"))
  .split(",")
  .map((d) => (d.trim() === "postgres" ? "PostgreSQL" : "PGlite"));
let database: Database = databases[0]!;
const out = process.env.SCALE_APP_OUT ?? join(indexerDir, ".bench", "scale-app.json");
/** An Anvil-unlocked account (the test wallet signs with those), entered into 200 MetaPools at the last checkpoint. */
const WIDE_ACCOUNT = 7;
const BUSY_METAPOOL = 1;

type Mode = "indexer" | "chain";
const modes = (process.env.SCALE_APP_MODES ?? "indexer,chain").split(",") as Mode[];
const targets: Record<Mode, AppTarget> = {
  indexer: { withIndexer: true, distDir: e2eEnv.distDir, appPort: e2eEnv.appPort, logSuffix: "-indexer" },
  chain: { withIndexer: false, distDir: `${e2eEnv.distDir}-chain`, appPort: e2eEnv.appPort + 1, logSuffix: "-chain" },
};
const urlOf = (t: AppTarget) => `http://127.0.0.1:${t.appPort}`;

const explore: Target = { selector: '[data-testid="metapool-row"]', count: 1, timeoutMs };
const portfolio: Target = { selector: '[data-testid="portfolio-metapool"]', count: 1, timeoutMs };
const history: Target = { selector: 'section[aria-labelledby="history-heading"] svg[role="img"]', count: 3, timeoutMs };

/** Routes (by mode) visited once since their app server started. */
const warmed = new Set<string>();

type Row = Record<string, string | number>;
const rows: Row[] = [];
const idleRows: Row[] = [];

/**
 * Waits for SCALE_APP_MAX_LOAD (when set, up to SCALE_APP_LOAD_WAIT_S) before the Explore rows, which are compared
 * across checkpoints; returns the 1-minute load average then.
 */
async function quietEnough(what: string): Promise<number> {
  const until = performance.now() + loadWaitMs;
  while (what.startsWith("Explore") && maxLoad !== undefined && loadavg()[0]! > maxLoad && performance.now() < until)
    await new Promise((r) => setTimeout(r, 5_000));
  return Math.round(loadavg()[0]! * 10) / 10;
}

/** `n` cold visits; the row shows the median time and the median visit's requests. */
async function measure(
  browser: Browser,
  what: string,
  metaPools: number,
  mode: Mode,
  path: string,
  target: Target,
  account?: number,
) {
  // A route's first request to a fresh `next start` loads its code on the server (a second or more at checkpoint 4,
  // FCP 1.0 s against 0.4 s later): one unmeasured visit first, so checkpoints compare the app, not the server's start.
  if (!warmed.has(`${mode} ${path}`)) {
    await visit(browser, urlOf(targets[mode]), path, target, account);
    warmed.add(`${mode} ${path}`);
  }
  const load = await quietEnough(what);
  const visits: Visit[] = [];
  for (let i = 0; i < (mode === "indexer" ? runs : chainRuns); i++)
    visits.push(await visit(browser, urlOf(targets[mode]), path, target, account));
  const done = visits.filter((v) => v.ms !== undefined).sort((a, b) => a.ms! - b.ms!);
  const v = done[Math.floor(done.length / 2)] ?? visits[0]!;
  const row: Row = {
    what,
    MetaPools: metaPools,
    mode: mode === "indexer" ? `indexer (${database})` : mode,
    "ms (median)": v.ms ?? `> ${timeoutMs / 1000} s`,
    "ms (all)": visits.map((x) => x.ms ?? "timeout").join(" "),
    load: `${load} → ${Math.round(loadavg()[0]! * 10) / 10}`,
    "FCP ms": v.fcpMs ?? "-",
    shown: v.matched,
    "RPC req": v.rpc.requests,
    "RPC calls": v.rpc.calls,
    getLogs: v.rpc.getLogs,
    "RPC kB": v.rpc.kB,
    "indexer req": v.indexer.requests,
    "indexer kB": v.indexer.kB,
    "app kB": v.app.kB,
    "RPC methods": v.rpc.methods,
  };
  console.log(JSON.stringify(row));
  console.log(`  requests of the ${v.ms ?? "unfinished"} ms visit: ${v.timeline}`);
  rows.push(row);
}

/**
 * SCALE_APP_ITERATE: on each `iterate` file, rebuild and serve the apps again, then measure Explore and Portfolio.
 * The file may name the modes to rebuild and measure ("indexer"), one build instead of two; empty means all. It may
 * also name a database ("pglite", "postgres"): the indexer is rebuilt on it first, so both compare on one chain.
 */
async function iterateOnChanges(
  browser: Browser,
  served: Map<Mode, ChildProcess>,
  size: number,
  switchDatabase: (db: Database) => Promise<void>,
) {
  const trigger = join(e2eEnv.artifactsDir, "iterate");
  const stop = join(e2eEnv.artifactsDir, "stop");
  console.log(`iterating: touch ${trigger} to measure again, ${stop} to end`);
  for (let round = 1; !existsSync(stop); ) {
    if (!existsSync(trigger)) {
      await new Promise((r) => setTimeout(r, 2_000));
      continue;
    }
    const words = readFileSync(trigger, "utf8")
      .split(/[\s,]+/)
      .filter(Boolean);
    const named = words.filter((w): w is Mode => w === "indexer" || w === "chain");
    const these = modes.filter((m) => named.length === 0 || named.includes(m));
    rmSync(trigger);
    const db = words.includes("pglite") ? "PGlite" : words.includes("postgres") ? "PostgreSQL" : undefined;
    if (db !== undefined && db !== database) {
      database = db;
      await switchDatabase(db);
    }
    for (const mode of these) {
      const t = targets[mode];
      const running = served.get(mode);
      if (running?.pid) await stopGroup(running.pid);
      console.log(`round ${round}: next build into ${t.distDir}: ${await buildAppIfChanged(t)}`);
      served.set(mode, await startApp(t));
      for (const key of [...warmed]) if (key.startsWith(`${mode} `)) warmed.delete(key);
    }
    for (const mode of these) {
      await measure(browser, `Explore (round ${round})`, size, mode, "/", explore);
      await measure(browser, `Portfolio (acct 7, round ${round})`, size, mode, "/portfolio", portfolio, WIDE_ACCOUNT);
    }
    round++;
    writeFileSync(out, JSON.stringify({ rows, idleRows }, null, 2));
  }
}

/**
 * Explore and the Portfolio of account 7 at every checkpoint (from the chain alone the Portfolio reads every MetaPool
 * of the factory, however few the account is in); at the last (`busy` set) the busy MetaPool's history and idle tabs.
 */
async function measureCheckpoint(
  browser: Browser,
  size: number,
  modes: Mode[],
  busy: { address: string; events: number } | undefined,
) {
  for (const mode of modes) await measure(browser, "Explore", size, mode, "/", explore);
  for (const mode of modes)
    await measure(browser, "Portfolio (acct 7)", size, mode, "/portfolio", portfolio, WIDE_ACCOUNT);
  if (!busy) return;
  const busyPath = `/metapool/${busy.address}`;
  for (const mode of modes) await measure(browser, `History (${busy.events} ev)`, size, mode, busyPath, history);
  for (const mode of modes) {
    const idlePages = [
      { path: "/", target: explore },
      { path: "/portfolio", target: portfolio, account: WIDE_ACCOUNT },
      { path: busyPath, target: history },
    ];
    for (const r of await idle(browser, urlOf(targets[mode]), idlePages, idleSeconds)) {
      const row = {
        route: r.path.replace(busy.address, "<busy>"),
        MetaPools: size,
        mode: mode === "indexer" ? `indexer (${database})` : mode,
        "RPC calls/min": Math.round((r.rpc.calls * 60) / idleSeconds),
        "RPC req/min": Math.round((r.rpc.requests * 60) / idleSeconds),
        "getLogs/min": Math.round((r.rpc.getLogs * 60) / idleSeconds),
        "RPC kB/min": Math.round((r.rpc.kB * 60) / idleSeconds),
        "indexer req/min": Math.round((r.indexer.requests * 60) / idleSeconds),
        "RPC methods": r.rpc.methods,
      };
      console.log(JSON.stringify(row));
      idleRows.push(row);
    }
  }
}

test(
  "the app at 4, 200 and 1 000 MetaPools, with the indexer and from the chain alone",
  async () => {
    mkdirSync(e2eEnv.artifactsDir, { recursive: true });
    for (const t of modes.map((m) => targets[m])) {
      const reuse =
        process.env.SCALE_APP_REUSE_BUILD === "1" && existsSync(join(e2eEnv.repoRoot, t.distDir, "BUILD_ID"));
      console.log(`next build into ${t.distDir}: ${reuse ? "reused as it is" : await buildAppIfChanged(t)}`);
    }
    const served = new Map<Mode, ChildProcess>();
    const chain = await startChain(e2eEnv.rpcPort, ["--gas-limit", "1000000000"]);
    let indexer: ChildProcess | undefined;
    let browser: Browser | undefined;
    try {
      const deployment = await chain.deploy();
      // The builds read the factory from lib/deployments/31337.json: the same deployer and nonces give the same address.
      expect(getAddress(deployment.factory)).toBe(getAddress(local.metaPoolFactory));
      for (const mode of modes) served.set(mode, await startApp(targets[mode]));
      browser = await launch();
      let built = 0;
      for (const [c, size] of checkpoints.entries()) {
        const last = c === checkpoints.length - 1;
        const market = await buildScaleMarket(chain, deployment, size - built, accountCount, console.log, built);
        expect(market.reverted, "every generated transaction should succeed").toBe(0);
        built = size;
        let busy: { address: string; events: number } | undefined;
        if (last) {
          const entered = await addWideAccount(chain, deployment, accountCount, WIDE_ACCOUNT, wideMetaPools);
          console.log(`account ${WIDE_ACCOUNT} entered ${entered.length} more MetaPools`);
          busy = await addBusyMetaPool(chain, deployment, accountCount, BUSY_METAPOOL, historyEvents);
          console.log(`MetaPool ${busy.address} has ${busy.events} events`);
        }
        for (const [d, db] of databases.entries()) {
          database = db;
          // The chain-only rows do not depend on the indexer: measured with the first database only.
          const modesNow = modes.filter((m) => m === "indexer" || d === 0);
          indexer = await restartIndexer(indexer, chain, size, database, databaseUrl);
          await measureCheckpoint(browser, size, modesNow, busy);
        }
      }
      if (iterate)
        await iterateOnChanges(browser, served, built, async () => {
          indexer = await restartIndexer(indexer, chain, built, database, databaseUrl);
        });
    } finally {
      await browser?.close();
      if (indexer?.pid) await stopGroup(indexer.pid);
      await Promise.all([...served.values()].map((child) => child.pid && stopGroup(child.pid)));
      await chain.stop();
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify({ rows, idleRows }, null, 2));
    }
    console.table(rows);
    console.table(idleRows);
  },
  6 * 3_600_000,
);
