// Totals the Vitest JSON reports of every suite into the one line CI reads:
// "N passed, N failed". A suite whose report is missing although the run failed (format,
// lint or typecheck stopped it, or a runner crashed) counts as one failure, so a broken
// run can never read as green.
import { existsSync, readFileSync } from 'node:fs';

const [status, ...files] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let missing = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the suite did not run)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const files = r.testResults ?? [];
  const failedTests = files.reduce(
    (n, f) => n + f.assertionResults.filter((a) => a.status === 'failed').length,
    0,
  );
  // A file that failed outside any test (an error in a hook or at import) adds one failure
  // of its own; Vitest's suite counts also include describe blocks, so they are not used.
  const fileFailures = files.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  const suiteFailures = Math.max(r.numFailedTests, failedTests) + fileFailures;
  console.log(
    `${file}: ${r.numPassedTests} passed, ${suiteFailures} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
  passed += r.numPassedTests;
  failed += suiteFailures;
}

if (Number(status) !== 0 && failed === 0) failed = Math.max(1, missing);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
