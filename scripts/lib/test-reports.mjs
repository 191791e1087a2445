// Counts of one test run, read from the runner's machine report (never from its coloured text): forge `--junit`,
// Vitest `--reporter=json`, Playwright `--reporter=json`, node --test with ./node-test-json-reporter.mjs.
// Each counter takes the report's text and returns { passed, failed, skipped }, or null when the text is not a
// report of that runner (the run died before writing one: a compile error, a crash); `npm test` counts that as a
// failure. Samples of every report, produced by running the tools, are in ./test-report-samples.

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** forge test --junit: <testsuites><testsuite name="<path>:<Contract>"><testcase name="<test>()">…</testcase>… */
export function forgeCounts(text) {
  const cases = forgeTestcases(text);
  return cases === null ? null : countForgeCases(cases);
}

function countForgeCases(cases) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const body of cases) {
    if (/<skipped\b/.test(body)) counts.skipped += 1;
    else if (/<(failure|error)\b/.test(body)) counts.failed += 1;
    else counts.passed += 1;
  }
  return counts;
}

/**
 * vitest run --reporter=json: one entry per file with its tests' statuses. A file that failed outside its tests
 * (it did not import, a hook threw) has no failed test of its own; it counts as one failure.
 */
export function vitestCounts(text) {
  const report = parse(text);
  if (!Array.isArray(report?.testResults)) return null;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report.testResults) {
    const statuses = (file.assertionResults ?? []).map((test) => test.status);
    counts.passed += statuses.filter((s) => s === "passed").length;
    const failed = statuses.filter((s) => s === "failed").length;
    counts.failed += failed || (file.status === "failed" ? 1 : 0);
    counts.skipped += statuses.filter((s) => s !== "passed" && s !== "failed").length;
  }
  return counts;
}

/**
 * playwright test --reporter=json: `stats` counts tests by outcome. "flaky" failed, then passed on a retry: it
 * passed. Errors outside any test (global setup, a file that does not load) count one failure each.
 */
export function playwrightCounts(text) {
  const report = parse(text);
  const stats = report?.stats;
  if (!isObject(stats) || typeof stats.expected !== "number") return null;
  return {
    passed: stats.expected + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

/** node --test with ./node-test-json-reporter.mjs: tests as node counts them (suites are not tests). */
export function nodeTestCounts(text) {
  const report = parse(text);
  if (!Array.isArray(report?.tests)) return null;
  const tests = report.tests.filter((test) => test.kind === "test");
  const count = (...outcomes) => tests.filter((test) => outcomes.includes(test.outcome)).length;
  return { passed: count("passed"), failed: count("failed", "cancelled"), skipped: count("skipped", "todo") };
}

// forge's JUnit report (its JSON report carries every call trace: 160 MB for the default profile, past what
// node can hold as one string under the CI profile).
const xmlText = (text) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const testsuitePattern = /<testsuite\s+name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testsuite>)/g;
const testcasePattern = /<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;
const systemOut = (body) =>
  [...(body ?? "").matchAll(/<system-out>([\s\S]*?)<\/system-out>/g)].map((m) => xmlText(m[1]));

function forgeSuites(text) {
  if (typeof text !== "string" || !/<testsuites\b/.test(text)) return null;
  return [...text.matchAll(testsuitePattern)].map(([, name, body = ""]) => {
    const cases = [...body.matchAll(testcasePattern)].map((m) => m[1] ?? "");
    const own = body.replace(testcasePattern, "");
    return { name: xmlText(name), cases, result: systemOut(own).join("\n") };
  });
}

function forgeTestcases(text) {
  const suites = forgeSuites(text);
  return suites && suites.flatMap((suite) => suite.cases);
}

/**
 * forge's report for people, in forge's own words: each suite's tests ([PASS] / [FAIL: reason and counterexample or
 * call sequence] / [SKIP]), its "Suite result" line, and a closing table of suites. `npm test` reads forge's JUnit
 * report, so this is what it prints for the contracts. Text that is not a report (a compile error) comes back as it is.
 */
export function formatForgeReport(text) {
  const suites = forgeSuites(text);
  if (suites === null) return text;
  const total = forgeCounts(text);
  const lines = [];
  const rows = [["suite", "passed", "failed", "skipped"]];
  for (const suite of suites) {
    const n = countForgeCases(suite.cases);
    lines.push("", `Ran ${suite.cases.length} test${suite.cases.length === 1 ? "" : "s"} for ${suite.name}`);
    for (const body of suite.cases) lines.push(...systemOut(body));
    lines.push(suite.result);
    rows.push([suite.name.split(":").pop(), n.passed, n.failed, n.skipped].map(String));
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  lines.push(
    "",
    ...rows.map((row) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "),
    ),
  );
  lines.push(
    "",
    `Ran ${rows.length - 1} test suites: ${total.passed} tests passed, ${total.failed} failed, ${total.skipped} skipped`,
  );
  return lines.join("\n");
}
