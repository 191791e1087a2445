import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { forgeCounts, formatForgeReport, nodeTestCounts, playwrightCounts, vitestCounts } from "./test-reports.mjs";

// Reports written by the real runners (how each was made: ./test-report-samples/README.md).
const sample = (name) => readFileSync(fileURLToPath(new URL(`./test-report-samples/${name}`, import.meta.url)), "utf8");

describe("forgeCounts", () => {
  it("counts every test of every suite in a passing run", () => {
    expect(forgeCounts(sample("forge-passing.xml"))).toEqual({ passed: 52, failed: 0, skipped: 0 });
  });

  it("counts failed unit, fuzz and invariant tests, and skipped tests apart", () => {
    expect(forgeCounts(sample("forge-failing.xml"))).toEqual({ passed: 3, failed: 3, skipped: 1 });
  });

  it("has no count when forge printed a compile error instead of a report", () => {
    expect(forgeCounts(sample("forge-compile-failed.txt"))).toBeNull();
  });

  it("reads no other runner report as its own", () => {
    for (const other of ["vitest-mixed.json", "playwright-mixed.json", "node-test-mixed.json"]) {
      expect(forgeCounts(sample(other))).toBeNull();
    }
  });
});

describe("formatForgeReport", () => {
  const text = formatForgeReport(sample("forge-failing.xml"));

  it("names each test's outcome and each failure's reason and counterexample", () => {
    expect(text).toContain("[PASS] test_passes() (gas: 3148)");
    expect(text).toContain("[SKIP] test_skipped()");
    expect(text).toContain("[FAIL: one is not two: 1 != 2] test_fails() (gas: 3371)");
    expect(text).toMatch(
      /\[FAIL: small: 3 >= 3; counterexample: calldata=0x[0-9a-f]+ args=\[3\]\] testFuzz_fails\(uint8\)/,
    );
    expect(text).toMatch(
      /\[FAIL: grows: \d+ >= 5\]\n\[Sequence\] \(original: \d+, shrunk: 1\)\nsender=0x[0-9a-fA-F]+ addr=\[test\/tmp\/Sample.t.sol:Counter\]/,
    );
  });

  it("closes each suite and the run with their counts", () => {
    expect(text).toContain("Suite result: FAILED. 2 passed; 2 failed; 1 skipped;");
    expect(text).toContain("Suite result: FAILED. 1 passed; 1 failed; 0 skipped;");
    expect(text).toMatch(/SampleTest +2 +2 +1/);
    expect(text).toContain("Ran 2 test suites: 3 tests passed, 3 failed, 1 skipped");
  });

  it("passes a compile error through as forge printed it", () => {
    const compileError = sample("forge-compile-failed.txt");
    expect(formatForgeReport(compileError)).toBe(compileError);
  });
});

describe("vitestCounts", () => {
  it("counts every failed test of a run where all fail (the text counter saw one failure)", () => {
    expect(vitestCounts(sample("vitest-all-failing.json"))).toEqual({ passed: 0, failed: 4, skipped: 0 });
  });

  it("counts a file that failed to import as one failure, and skipped and todo tests as skipped", () => {
    expect(vitestCounts(sample("vitest-mixed.json"))).toEqual({ passed: 2, failed: 2, skipped: 2 });
  });

  it("has no count without a Vitest report", () => {
    expect(vitestCounts("")).toBeNull();
    expect(vitestCounts(sample("playwright-mixed.json"))).toBeNull();
  });
});

describe("playwrightCounts", () => {
  it("counts a test that passed on retry (flaky) as passed", () => {
    expect(playwrightCounts(sample("playwright-mixed.json"))).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });

  it("counts each test that failed every attempt once", () => {
    expect(playwrightCounts(sample("playwright-all-failing.json"))).toEqual({ passed: 0, failed: 2, skipped: 0 });
  });

  it("counts a global setup that threw as a failure", () => {
    expect(playwrightCounts(sample("playwright-setup-failed.json"))).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("has no count without a Playwright report", () => {
    expect(playwrightCounts(sample("vitest-mixed.json"))).toBeNull();
  });
});

describe("nodeTestCounts", () => {
  it("counts tests and subtests as node does, suites apart", () => {
    // node's own closing lines for this run: tests 9, suites 1, pass 3, fail 4, skipped 1, todo 1.
    const report = sample("node-test-mixed.json");
    expect(nodeTestCounts(report)).toEqual({ passed: 3, failed: 4, skipped: 2 });
    const { summary } = JSON.parse(report);
    expect([summary.pass, summary.fail, summary.skipped + summary.todo]).toEqual([3, 4, 2]);
  });

  it("counts every test a failing before() hook stopped as failed", () => {
    expect(nodeTestCounts(sample("node-test-before-failed.json"))).toEqual({ passed: 0, failed: 2, skipped: 0 });
  });

  it("counts a file that throws on import as one failure", () => {
    expect(nodeTestCounts(sample("node-test-import-failed.json"))).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  describe("the JSON reporter under this node", () => {
    const dir = mkdtempSync(join(tmpdir(), "node-test-reporter-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reports what node --test ran, while the spec reporter still prints", () => {
      writeFileSync(
        join(dir, "sample.check.mjs"),
        [
          "import { test } from 'node:test';",
          "test('passes', () => {});",
          "test('fails', () => { throw new Error('boom'); });",
          "test('is skipped', { skip: true }, () => {});",
        ].join("\n"),
      );
      const reporter = fileURLToPath(new URL("./node-test-json-reporter.mjs", import.meta.url));
      const reportFile = join(dir, "report.json");
      const run = spawnSync(
        process.execPath,
        [
          "--test",
          "--test-reporter=spec",
          "--test-reporter-destination=stdout",
          `--test-reporter=${reporter}`,
          `--test-reporter-destination=${reportFile}`,
          "sample.check.mjs",
        ],
        { cwd: dir, encoding: "utf8" },
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("ℹ fail 1");
      expect(nodeTestCounts(readFileSync(reportFile, "utf8"))).toEqual({ passed: 1, failed: 1, skipped: 1 });
    });
  });
});
