/**
 * Vitest reporter that ends the run with one plain line, `tests: N passed, N failed,
 * N skipped`, which CI reads to tell a run that tested nothing from one that passed.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') {
          passed++;
        } else if (state === 'failed') {
          failed++;
        } else {
          skipped++;
        }
      }
      if (testModule.state() === 'failed' && testModule.children.size === 0) {
        // A file that failed to load has no test cases; count it so the line cannot read 0 failed.
        failed++;
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
