// `npm test`: prerequisites, lint, typecheck, build, then every vitest project against real
// PostgreSQL, PGlite, SMTP and Chromium. Stops at the first failing step. Ends with a per-project
// summary whose very last line is `Tests: N passed, M failed`; exits non-zero when anything
// failed or when no test ran at all.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPrerequisites } from './prerequisites.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = path.join(root, 'test-results');
const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');

/** Vitest runs: unit and server projects share the 2 cores; e2e (server + browser) runs alone afterwards. */
const RUNS = [
  {
    label: 'unit and server',
    projects: ['core', 'web', 'server-pglite', 'server-postgres'],
    report: 'vitest',
  },
  { label: 'end-to-end', projects: ['e2e'], report: 'vitest-e2e' },
];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(text) {
  console.log(`\n━━━ ${text} ━━━`);
}

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

function readSummary(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  const lines = [];
  let passed = 0;
  let failed = 0;
  let failedStep = null;

  banner('prerequisites');
  const problems = missingPrerequisites();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${problem}`);
    console.error(
      'The test suite drives a real Chromium and a real PostgreSQL server; it cannot run without them.',
    );
    failedStep = 'prerequisites';
  } else {
    console.log('✓ Chromium and PostgreSQL server binaries found');
  }

  for (const script of ['lint', 'typecheck', 'build']) {
    if (failedStep) break;
    banner(`npm run ${script}`);
    const start = Date.now();
    const code = await run('npm', ['run', script]);
    if (code !== 0) failedStep = `npm run ${script} (exit code ${code})`;
    else console.log(`✓ ${script} (${seconds(start)})`);
  }

  if (!failedStep && !existsSync(vitestBin)) failedStep = 'vitest is not installed: run `npm install`';

  if (!failedStep) rmSync(resultsDir, { recursive: true, force: true });
  for (const { label, projects, report } of RUNS) {
    if (failedStep) {
      for (const project of projects) lines.push(`${project}: not run`);
      continue;
    }
    banner(`vitest: ${label} (${projects.join(', ')})`);
    const start = Date.now();
    const summaryFile = path.join(resultsDir, `${report}-projects.json`);
    const code = await run(
      process.execPath,
      [
        vitestBin,
        'run',
        ...projects.flatMap((project) => ['--project', project]),
        '--passWithNoTests',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=test-results/${report}.json`,
        '--reporter=./scripts/vitest/project-summary-reporter.mjs',
      ],
      { ASSAY_VITEST_SUMMARY: summaryFile },
    );
    console.log(`(${label}: ${seconds(start)})`);
    const summary = readSummary(summaryFile);
    let runFailures = 0;
    for (const project of projects) {
      const counts = summary?.projects?.[project];
      if (!counts || counts.files === 0) {
        lines.push(`${project}: no tests`);
        continue;
      }
      const broken = counts.brokenFiles.length;
      passed += counts.passed;
      failed += counts.failed + broken;
      runFailures += counts.failed + broken;
      const parts = [`${counts.passed} passed`];
      if (counts.failed > 0) parts.push(`${counts.failed} failed`);
      if (broken > 0) parts.push(`${broken} file(s) failed outside tests: ${counts.brokenFiles.join(', ')}`);
      if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
      lines.push(`${project}: ${parts.join(', ')}`);
    }
    if (summary?.unhandledErrors > 0) {
      lines.push(`unhandled errors (${label}): ${summary.unhandledErrors}`);
      failed += summary.unhandledErrors;
      runFailures += summary.unhandledErrors;
    }
    if (code !== 0) {
      // e.g. a globalSetup that threw before any test ran: still a failure to count.
      if (runFailures === 0) {
        lines.push(`vitest (${label}) exited with code ${code} without a failing test: see the output above`);
        failed += 1;
      }
      failedStep = `vitest ${label}`;
    }
  }

  banner('summary');
  for (const line of lines) console.log(line);
  if (failedStep) console.log(`FAILED at: ${failedStep}`);
  else if (passed + failed === 0) console.log('FAILED: no test ran at all');
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  return failedStep || failed > 0 || passed === 0 ? 1 : 0;
}

process.exitCode = await main();
