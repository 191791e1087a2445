// Counts of one test run, read from the runner's JSON report (never from its coloured text): forge `--json`,
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

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** forge test --json: { "<path>:<Contract>": { test_results: { "<test>()": { status, ... } } } } */
export function forgeCounts(text) {
  const report = parse(text);
  if (!isObject(report) || !Object.values(report).every((suite) => isObject(suite?.test_results))) return null;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const suite of Object.values(report)) {
    for (const test of Object.values(suite.test_results)) {
      if (test.status === 'Success') counts.passed += 1;
      else if (test.status === 'Skipped') counts.skipped += 1;
      else counts.failed += 1; // "Failure", and any status this version of forge does not name
    }
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
    counts.passed += statuses.filter((s) => s === 'passed').length;
    const failed = statuses.filter((s) => s === 'failed').length;
    counts.failed += failed || (file.status === 'failed' ? 1 : 0);
    counts.skipped += statuses.filter((s) => s !== 'passed' && s !== 'failed').length;
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
  if (!isObject(stats) || typeof stats.expected !== 'number') return null;
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
  const tests = report.tests.filter((test) => test.kind === 'test');
  const count = (...outcomes) => tests.filter((test) => outcomes.includes(test.outcome)).length;
  return { passed: count('passed'), failed: count('failed', 'cancelled'), skipped: count('skipped', 'todo') };
}

const forgeKindLine = (kind) => {
  if (kind?.Unit) return `(gas: ${kind.Unit.gas})`;
  if (kind?.Fuzz) return `(runs: ${kind.Fuzz.runs}, μ: ${kind.Fuzz.mean_gas}, ~: ${kind.Fuzz.median_gas})`;
  if (kind?.Invariant) return `(runs: ${kind.Invariant.runs}, calls: ${kind.Invariant.calls}, reverts: ${kind.Invariant.reverts})`;
  return '';
};

const forgeCounterexample = (example) => {
  if (example?.Single) return `; counterexample: args=[${example.Single.args}]`;
  if (example?.Sequence) {
    const calls = example.Sequence[1] ?? [];
    return `; sequence of ${calls.length} calls:\n${calls.map((c) => `\t${c.contract_name ?? c.addr}.${c.func_name ?? c.calldata}(${c.args ?? ''}) from ${c.sender}`).join('\n')}`;
  }
  return '';
};

/**
 * forge's report for people, in forge's own words: each suite's tests ([PASS] / [FAIL: reason] / [SKIP]), the
 * logs of failing tests and of invariant campaigns (the handlers' call summaries), "Suite result" lines and a
 * closing table of suites. `--json` replaces forge's text, so this is what `npm test` prints for the contracts.
 * Text that is not a report (a compile error) comes back as it is.
 */
export function formatForgeReport(text) {
  const total = forgeCounts(text);
  if (total === null) return text;
  const lines = [];
  const rows = [['suite', 'passed', 'failed', 'skipped', 'duration']];
  for (const [suiteName, suite] of Object.entries(parse(text)).sort(([a], [b]) => a.localeCompare(b))) {
    const tests = Object.entries(suite.test_results).sort(([a], [b]) => a.localeCompare(b));
    lines.push('', `Ran ${tests.length} test${tests.length === 1 ? '' : 's'} for ${suiteName}`);
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const [name, test] of tests) {
      const outcome = test.status === 'Success' ? 'passed' : test.status === 'Skipped' ? 'skipped' : 'failed';
      n[outcome] += 1;
      const label = { passed: 'PASS', skipped: 'SKIP' }[outcome] ?? `FAIL: ${test.reason ?? test.status}${forgeCounterexample(test.counterexample)}`;
      lines.push(`[${label}] ${name} ${forgeKindLine(test.kind)}`);
      if ((outcome === 'failed' || test.kind?.Invariant) && test.decoded_logs?.length) {
        lines.push('Logs:', ...test.decoded_logs.map((log) => `  ${log}`));
      }
    }
    lines.push(`Suite result: ${n.failed ? 'FAILED' : 'ok'}. ${n.passed} passed; ${n.failed} failed; ${n.skipped} skipped; finished in ${suite.duration}`);
    rows.push([suiteName.split(':').pop(), n.passed, n.failed, n.skipped, suite.duration].map(String));
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  lines.push('', ...rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')));
  lines.push('', `Ran ${rows.length - 1} test suites: ${total.passed} tests passed, ${total.failed} failed, ${total.skipped} skipped`);
  return lines.join('\n');
}
