/**
 * Adds up Vitest's JSON reports into one closing line: "npm test: N passed, N failed, N skipped",
 * after a line naming the suites skipped because ../shared is not beside the repository and
 * one naming every test that passed only on its second attempt (the e2e config retries once),
 * with the first attempt's error, so a flaky test is seen rather than hidden.
 */
import { readFileSync } from 'node:fs';
import { NEEDS_SHARED } from '../tests/support/shared-corpus';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; fullName: string; status: string; failureMessages: string[] }[] }[];
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const needShared = new Set<string>();
const passedOnRetry: string[] = [];
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const result of report.testResults) {
    for (const assertion of result.assertionResults) {
      const suite = assertion.ancestorTitles.find((title) => title.endsWith(NEEDS_SHARED));
      if (suite) needShared.add(suite.slice(0, -NEEDS_SHARED.length).trim());
      // Vitest keeps the errors of earlier attempts on a test that passed at last.
      if (assertion.status === 'passed' && assertion.failureMessages.length > 0) {
        passedOnRetry.push(`${assertion.fullName}\n    first attempt: ${assertion.failureMessages[0]!.split('\n')[0]}`);
      }
    }
  }
}
if (needShared.size > 0) {
  console.log(`\nSkipped ${needShared.size} suites that read ../shared, which is not beside the repository: ${[...needShared].join('; ')}.`);
  console.log('They run where the corpora are: `npm run corpora` fetches the public ones at pinned commits; see "Corpora" in the README.');
}
if (passedOnRetry.length > 0) {
  console.log(`\n${passedOnRetry.length} tests passed only on their second attempt (flaky; fix them):\n  ${passedOnRetry.join('\n  ')}`);
}
console.log(`\nnpm test: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
