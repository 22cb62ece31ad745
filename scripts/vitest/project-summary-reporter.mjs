// Vitest reporter writing per-project test counts to $ASSAY_VITEST_SUMMARY (JSON). The built-in
// JSON reporter does not say which project a result belongs to, and the server test files run
// twice (server-pglite and server-postgres), so scripts/test.mjs reads this file instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export default class ProjectSummaryReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const file = process.env.ASSAY_VITEST_SUMMARY;
    if (!file) return;
    const projects = {};
    for (const testModule of testModules) {
      const name = testModule.project.name || 'default';
      projects[name] ??= { files: 0, passed: 0, failed: 0, skipped: 0, brokenFiles: [] };
      const counts = projects[name];
      counts.files += 1;
      let failedHere = 0;
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') {
          counts.failed += 1;
          failedHere += 1;
        } else counts.skipped += 1;
      }
      // A file that failed without a failing test: import error, failing beforeAll/afterAll, …
      if (testModule.state() === 'failed' && failedHere === 0)
        counts.brokenFiles.push(testModule.relativeModuleId);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify({ reason, unhandledErrors: unhandledErrors.length, projects }, null, 2)}\n`,
    );
  }
}
