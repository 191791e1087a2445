#!/usr/bin/env node
// `npm test`: every suite, in order, each timed: ABI freshness, typecheck, lint, forge (unit, fuzz,
// invariant), Vitest, the chain suite (TS vs Anvil), the seeded demo market on a fresh Anvil, Playwright smoke and journeys. Under CI=true forge uses the deep `ci` profile.
// Ends with the summed count of tests as one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { repoDir } from './lib/paths.mjs';

const ci = Boolean(process.env.CI);
const suites = [
  { name: 'abis up to date', cmd: 'node', args: ['scripts/check-abis.mjs'] },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  {
    name: 'forge test',
    cmd: 'node',
    args: ['scripts/forge.mjs', 'test', ...(ci ? ['--summary', '--detailed'] : [])],
    env: { FOUNDRY_PROFILE: ci ? 'ci' : 'default' },
    count: (out) => sumMatches(out, /Suite result: \w+\. (\d+) passed; (\d+) failed/g),
  },
  {
    name: 'vitest',
    cmd: 'npx',
    args: ['vitest', 'run'],
    count: vitestCount,
  },
  {
    name: 'vitest chain (Anvil)',
    cmd: 'npx',
    args: ['vitest', 'run', '-c', 'vitest.chain.config.ts'],
    count: vitestCount,
  },
  {
    name: 'seeded demo market',
    cmd: 'node',
    args: ['--test', '--test-reporter=spec', 'scripts/seed.check.mjs'],
    count: (out) => {
      const p = lastMatch(out, /ℹ pass (\d+)/g);
      const f = lastMatch(out, /ℹ fail (\d+)/g);
      return p ? [p[0], f ? f[0] : 0] : null;
    },
  },
  { name: 'playwright smoke', cmd: 'npx', args: ['playwright', 'test', '--project=smoke'], count: playwrightCount },
  {
    name: 'playwright journeys',
    cmd: 'npx',
    args: ['playwright', 'test', '--project=full', '--workers=1'],
    count: playwrightCount,
  },
];

// A test that failed once and passed on CI's retry is reported "flaky": it ran and passed, so it counts
// as passed here, and Playwright's own output above names it.
function playwrightCount(out) {
  const p = lastMatch(out, /(\d+) passed/g);
  const f = lastMatch(out, /(\d+) failed/g);
  const flaky = lastMatch(out, /(\d+) flaky/g);
  if (!p && !f && !flaky) return null;
  return [(p ? p[0] : 0) + (flaky ? flaky[0] : 0), f ? f[0] : 0];
}

function vitestCount(out) {
  const passed = lastMatch(out, /Tests\s+(?:(\d+) failed \| )?(\d+) passed/g);
  return passed ? [passed[1], passed[0]] : null;
}

const stripColours = (text) => text.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '');

function lastMatch(text, re) {
  let m;
  let last = null;
  while ((m = re.exec(stripColours(text)))) last = m.slice(1).map((x) => Number(x ?? 0));
  return last;
}

function sumMatches(text, re) {
  let m;
  let sum = null;
  while ((m = re.exec(stripColours(text)))) {
    sum ??= [0, 0];
    sum[0] += Number(m[1]);
    sum[1] += Number(m[2]);
  }
  return sum;
}

function run(suite) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    const child = spawn(suite.cmd, suite.args, {
      cwd: repoDir,
      env: { ...process.env, ...suite.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code, seconds: (Date.now() - started) / 1000, out }));
  });
}

let passed = 0;
let failed = 0;
const rows = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const { code, seconds, out } = await run(suite);
  const counts = suite.count?.(out);
  if (counts) {
    passed += counts[0];
    failed += counts[1];
  }
  rows.push({ suite: suite.name, result: code === 0 ? 'ok' : `FAILED (${code})`, seconds: seconds.toFixed(1), tests: counts ? `${counts[0]} passed, ${counts[1]} failed` : '' });
  if (code !== 0) {
    failed += counts ? 0 : 1;
    console.table(rows);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(code || 1);
  }
}
console.table(rows);
console.log(`\n${passed} passed, ${failed} failed`);
