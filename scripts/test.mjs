#!/usr/bin/env node
// `npm test`: every suite, in order, each timed: ABI freshness, typecheck, lint, the gas snapshot, forge (unit, fuzz,
// invariant), Vitest, the chain suite (TS vs Anvil), the indexer (typecheck, then Ponder on PGlite against Anvil), the
// seeded demo market on a fresh Anvil, Playwright smoke and journeys, the journey on chain 8453. Under CI=true forge
// uses the deep `ci` profile.
// Each runner's own output streams as it runs; the counts come from its JSON report (scripts/lib/test-reports.mjs),
// never from its coloured text. Ends with the summed count of tests as one line: "N passed, N failed".
// `node scripts/test.mjs vitest "forge test"` runs only the suites so named.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { repoDir } from "./lib/paths.mjs";
import { forgeCounts, formatForgeReport, nodeTestCounts, playwrightCounts, vitestCounts } from "./lib/test-reports.mjs";

const ci = Boolean(process.env.CI);
const reportDir = mkdtempSync(join(tmpdir(), "canopy-test-reports-"));
process.on("exit", () => rmSync(reportDir, { recursive: true, force: true }));
const reportFile = (suiteName) => join(reportDir, `${suiteName.replace(/\W+/g, "-")}.json`);

function vitest(name, configArgs) {
  const report = reportFile(name);
  return {
    name,
    cmd: "npx",
    args: ["vitest", "run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
    count: vitestCounts,
  };
}

// The config's reporters (list, and html under CI) stay; json is added for the counts.
function playwright(name, args, env = {}) {
  const report = reportFile(name);
  return {
    name,
    cmd: "npx",
    args: ["playwright", "test", ...args, `--reporter=${ci ? "list,html,json" : "list,json"}`],
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report, PLAYWRIGHT_HTML_OPEN: "never" },
    report,
    count: playwrightCounts,
  };
}

const seedReport = reportFile("seeded demo market");
const suites = [
  { name: "abis up to date", cmd: "node", args: ["scripts/check-abis.mjs"] },
  { name: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
  { name: "lint", cmd: "npm", args: ["run", "--silent", "lint"] },
  // The committed gas snapshot and README table must be what `npm run bench` measures now.
  { name: "gas snapshot up to date", cmd: "npm", args: ["run", "--silent", "bench:check"] },
  {
    // forge writes its JUnit report instead of its text, on stdout; formatForgeReport prints the text from it.
    name: "forge test",
    cmd: "node",
    args: ["scripts/forge.mjs", "test", "--junit"],
    env: { FOUNDRY_PROFILE: ci ? "ci" : "default" },
    report: "stdout",
    count: forgeCounts,
    show: formatForgeReport,
  },
  vitest("vitest", []),
  vitest("vitest chain (Anvil)", ["-c", "vitest.chain.config.ts"]),
  // The indexer has its own package and tsconfig (Ponder 0.16 types its handlers from the schema).
  { name: "indexer typecheck", cmd: "npm", args: ["--prefix", "indexer", "run", "--silent", "typecheck"] },
  vitest("indexer (Ponder on PGlite)", ["--root", "indexer"]),
  {
    name: "seeded demo market",
    cmd: "node",
    args: [
      "--test",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=./scripts/lib/node-test-json-reporter.mjs",
      `--test-reporter-destination=${seedReport}`,
      "scripts/seed.check.mjs",
    ],
    report: seedReport,
    count: nodeTestCounts,
  },
  playwright("playwright smoke", ["--project=smoke"]),
  playwright("playwright journeys", ["--project=full", "--workers=1"]),
  // The app with no indexer configured: lists, history, portfolio and desk from the chain alone. Its own build and
  // ports, so the main run's build is reused by the next `npm test`.
  playwright("playwright chain only (no indexer)", ["--project=chain-only", "--workers=1"], {
    E2E_NO_INDEXER: "1",
    E2E_DIST_DIR: ".next-e2e-chain-only",
    E2E_RPC_PORT: "8547",
    E2E_APP_PORT: "3101",
    E2E_ARTIFACTS_DIR: "e2e/.artifacts-chain-only",
  }),
  // The whole app on chain 8453 (Anvil with Base's id, `npm run deploy`, a USDC-like token): its own setup and build.
  playwright("playwright chain 8453", ["-c", "playwright.chain8453.config.ts"]),
];

function run(suite) {
  return new Promise((resolve) => {
    const started = Date.now();
    const reportOnStdout = suite.report === "stdout";
    let stdout = "";
    const child = spawn(suite.cmd, suite.args, {
      cwd: repoDir,
      env: { ...process.env, ...suite.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d) => {
      if (reportOnStdout) stdout += d;
      else process.stdout.write(d);
    });
    child.stderr.on("data", (d) => process.stderr.write(d));
    // A runner whose stdout is its report is silent until it ends (forge under CI: ~15 min).
    const heartbeat =
      reportOnStdout &&
      setInterval(() => {
        const minutes = Math.round((Date.now() - started) / 60_000);
        console.log(`  … ${suite.name}: running for ${minutes} min; its report prints when it ends`);
      }, 60_000);
    child.on("close", (code) => {
      clearInterval(heartbeat);
      resolve({ code, seconds: (Date.now() - started) / 1000, stdout });
    });
  });
}

function readReport(suite, stdout) {
  if (suite.report === "stdout") return stdout;
  return existsSync(suite.report) ? readFileSync(suite.report, "utf8") : "";
}

const only = process.argv.slice(2);
const selected = suites.filter((suite) => only.length === 0 || only.includes(suite.name));
let passed = 0;
let failed = 0;
const rows = [];

function finish(code) {
  console.table(rows);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

for (const suite of selected) {
  console.log(`\n=== ${suite.name} ===`);
  const { code, seconds, stdout } = await run(suite);
  const report = suite.count ? readReport(suite, stdout) : "";
  if (suite.show) console.log(suite.show(report));
  const counts = suite.count ? suite.count(report) : undefined;
  let result = code === 0 ? "ok" : `FAILED (exit ${code})`;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    // A runner can fail outside any test (an unhandled error, a teardown): that is one failure more.
    if (code !== 0 && counts.failed === 0) failed += 1;
    if (code === 0 && counts.failed > 0) result = "FAILED";
  } else if (counts === null) {
    // No report: the runner died before writing it (a compile error, a crash), whatever its exit code.
    failed += 1;
    result = `FAILED (no report; exit ${code})`;
  } else if (code !== 0) {
    failed += 1;
  }
  const skipped = counts?.skipped ? `, ${counts.skipped} skipped` : "";
  rows.push({
    suite: suite.name,
    result,
    seconds: seconds.toFixed(1),
    tests: counts ? `${counts.passed} passed, ${counts.failed} failed${skipped}` : "",
  });
  if (result !== "ok") finish(code || 1);
}
finish(0);
