// Start the built application (server + web bundle) the way an operator would, against an embedded
// PGlite database in a fresh data dir and a capturing SMTP server, for one e2e test file.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../packages/server/src/test-support/postgres-cluster.js';
import { type SmtpCapture, startSmtpCapture } from '../../packages/server/src/test-support/smtp-capture.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const serverMain = path.join(repoRoot, 'packages/server/dist/main.js');
export const webIndex = path.join(repoRoot, 'packages/web/dist/index.html');

export interface StartAppOptions {
  /** Extra or overriding environment for the server (e.g. `{ DEMO_SEED: 'off' }`). */
  env?: Record<string, string>;
  /** How long to wait for GET /api/health to answer 200 (default 60 s). */
  startTimeoutMs?: number;
}

export interface RunningApp {
  /** `http://localhost:<port>`: open this in the browser (Secure cookies work on localhost). */
  baseUrl: string;
  port: number;
  /** The server's DATA_DIR (embedded PGlite database, generated secrets); removed by stop(). */
  dataDir: string;
  /** Every mail the server sent. */
  smtp: SmtpCapture;
  /** The server's stdout and stderr so far (last 200 kB). */
  output(): string;
  /** SIGTERM the server and wait for it, stop the SMTP capture, remove the data dir. Safe to call twice. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Environment of the test process minus what must not leak into the application under test. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (
      key === 'DATABASE_URL' ||
      key === 'NODE_OPTIONS' ||
      key.startsWith('VITEST') ||
      key.startsWith('ASSAY_TEST')
    )
      continue;
    env[key] = value;
  }
  return env;
}

/**
 * Start `node packages/server/dist/main.js serve` on a free loopback port with demo data seeded,
 * mail going to a fresh SMTP capture and the database embedded (no DATABASE_URL).
 * Requires `npm run build` to have run. Set ASSAY_E2E_SERVER_LOG=1 to echo the server's output.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  for (const file of [serverMain, webIndex]) {
    if (!existsSync(file))
      throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first`);
  }
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const smtp = await startSmtpCapture();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'assay-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...inheritedEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    DEMO_SEED: 'on',
    WEB_DIST: path.join(repoRoot, 'packages/web/dist'),
    ...options.env,
  };

  const child = spawn(process.execPath, [serverMain, 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const echo = process.env.ASSAY_E2E_SERVER_LOG === '1';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-200_000);
    if (echo) process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('error', (error) => collect(Buffer.from(`\n[spawn error] ${error.message}\n`)));

  const removeDataDir = () =>
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  // If the test process dies without running stop(), take the server down with it.
  const killNow = () => {
    if (!exited(child)) child.kill('SIGKILL');
    try {
      removeDataDir();
    } catch {
      // best effort
    }
  };
  process.on('exit', killNow);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (!exited(child)) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 15_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
      process.off('exit', killNow);
      await smtp.stop();
      removeDataDir();
    })();
    return stopping;
  };

  const healthUrl = `http://127.0.0.1:${port}/api/health`;
  const deadline = Date.now() + startTimeoutMs;
  let lastProblem = 'no answer yet';
  while (true) {
    if (exited(child)) {
      await stop();
      throw new Error(
        `The server exited during startup (code ${child.exitCode ?? child.signalCode}). Output:\n${output}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `GET ${healthUrl} did not answer 200 within ${startTimeoutMs} ms (${lastProblem}). Server output:\n${output}`,
      );
    }
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
      lastProblem = `last status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }

  return { baseUrl, port, dataDir, smtp, output: () => output, stop };
}
