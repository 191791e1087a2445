// A JSON reporter for `node --test` (Node 20 ships spec, tap, dot, junit and lcov, none of them JSON):
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//        --test-reporter=./scripts/lib/node-test-json-reporter.mjs --test-reporter-destination=report.json
// Writes one document when the run ends: every test and suite that finished, with its outcome, and the runner's
// own closing counts ("tests 9", "pass 3", ...) as numbers. scripts/lib/test-reports.mjs reads it.

function outcome(event) {
  const { data } = event;
  if (data.skip !== undefined) return "skipped";
  if (data.todo !== undefined) return "todo";
  if (event.type === "test:pass") return "passed";
  return data.details?.error?.failureType === "cancelledByParent" ? "cancelled" : "failed";
}

export default async function* nodeTestJsonReporter(source) {
  const tests = [];
  const summary = {};
  for await (const event of source) {
    if (event.type === "test:pass" || event.type === "test:fail") {
      const { name, nesting, file, details } = event.data;
      const error = details?.error;
      tests.push({
        name,
        file,
        nesting,
        kind: details?.type === "suite" ? "suite" : "test",
        outcome: outcome(event),
        ...(error ? { error: String(error.cause?.message ?? error.message ?? error) } : {}),
      });
    } else if (event.type === "test:diagnostic" && event.data.nesting === 0) {
      const m = /^(\w+) ([\d.]+)$/.exec(event.data.message);
      if (m) summary[m[1]] = Number(m[2]);
    }
  }
  yield `${JSON.stringify({ tests, summary }, null, 1)}\n`;
}
