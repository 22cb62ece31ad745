// A throwaway PostgreSQL server for the `server-postgres` test project: initdb into a temp dir,
// start `postgres` on a free loopback port with durability switched off, remove everything on stop.
// Started once per test run by scripts/vitest/postgres-global-setup.ts; test files then create
// their own database from the admin URL (`inject('postgresAdminUrl')`).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type {} from 'vitest';
import { findPostgresBinDir, POSTGRES_MISSING_MESSAGE } from '../../../../scripts/prerequisites.mjs';

declare module 'vitest' {
  interface ProvidedContext {
    /** `postgres://assay@127.0.0.1:<port>/postgres`, superuser of the temporary cluster (server-postgres only). */
    postgresAdminUrl: string;
  }
}

export interface TemporaryCluster {
  /** Superuser connection URL, e.g. `postgres://assay@127.0.0.1:54321/postgres` (trust auth, no password). */
  adminUrl: string;
  port: number;
  /** Temp directory holding the data dir, socket dir and `postgres.log`; removed by stop(). */
  directory: string;
  /** Fast shutdown, wait for exit, remove the directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface TemporaryClusterOptions {
  /** How long to wait for the server to accept connections (default 30 s). */
  startTimeoutMs?: number;
}

const SUPERUSER = 'assay';
const DIR_PREFIX = 'assay-pg-';

interface RunAs {
  uid: number;
  gid: number;
  user: string;
}

/** As root, PostgreSQL refuses to run: use the `postgres` system user when present, else `nobody`. */
function unprivilegedUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) =>
        Number(
          execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
        );
      return { user, uid: id('-u'), gid: id('-g') };
    } catch {
      // no such user, try the next one
    }
  }
  throw new Error(
    'Running as root but neither the `postgres` nor the `nobody` user exists to run PostgreSQL',
  );
}

let setprivAvailable: boolean | undefined;
function hasSetpriv(): boolean {
  if (setprivAvailable === undefined) {
    try {
      execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
      setprivAvailable = true;
    } catch {
      setprivAvailable = false;
    }
  }
  return setprivAvailable;
}

/**
 * Command line running `program` as `runAs` (or as ourselves). setpriv execs in place, so the
 * spawned pid is the program itself, and `--pdeathsig SIGQUIT` makes the postmaster shut down
 * immediately if this process dies without running its exit handlers (e.g. SIGKILL).
 */
function command(program: string, args: string[], runAs: RunAs | null, dieWithParent: boolean) {
  if (hasSetpriv()) {
    const prefix = runAs
      ? ['--reuid', String(runAs.uid), '--regid', String(runAs.gid), '--clear-groups']
      : [];
    if (dieWithParent) prefix.push('--pdeathsig', 'SIGQUIT');
    if (prefix.length > 0) return { file: 'setpriv', args: [...prefix, '--', program, ...args] };
  } else if (runAs) {
    return { file: 'runuser', args: ['-u', runAs.user, '--', program, ...args] };
  }
  return { file: program, args };
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function readLog(file: string, maxChars = 8000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
  } catch {
    return '(no log)';
  }
}

/** Remove directories left by runs whose owning process died without cleaning up. */
function removeStaleClusters(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const directory = path.join(parent, name);
    try {
      const owner = Number(readFileSync(path.join(directory, 'owner.pid'), 'utf8'));
      if (!Number.isInteger(owner) || isAlive(owner)) continue;
      const pid = postmasterPid(path.join(directory, 'data'));
      if (pid && isAlive(pid)) {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmdline.includes(directory)) continue;
        process.kill(pid, 'SIGQUIT');
      }
      rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // not ours, unreadable or already gone
    }
  }
}

async function acceptsConnections(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
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

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Create and start a temporary PostgreSQL cluster (superuser `assay`, trust auth, UTF8, locale C,
 * fsync off). Throws with install instructions when the server binaries are missing, and with
 * the server log when it does not come up within `startTimeoutMs`.
 */
export async function startTemporaryCluster(
  options: TemporaryClusterOptions = {},
): Promise<TemporaryCluster> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error(POSTGRES_MISSING_MESSAGE);
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const runAs = unprivilegedUser();
  // Under root the unprivileged user must be able to reach the directory: /tmp always allows that.
  const parent = runAs ? '/tmp' : tmpdir();
  removeStaleClusters(parent);

  const directory = mkdtempSync(path.join(parent, DIR_PREFIX));
  const removeDirectory = () =>
    rmSync(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  const dataDir = path.join(directory, 'data');
  const socketDir = path.join(directory, 'sock');
  const logFile = path.join(directory, 'postgres.log');
  let child: ChildProcess | null = null;

  const killNow = () => {
    const pid = postmasterPid(dataDir) ?? child?.pid;
    if (pid && child && child.exitCode === null && child.signalCode === null) signal(pid, 'SIGQUIT');
    try {
      removeDirectory();
    } catch {
      // removed by the next run's stale-directory sweep
    }
  };
  process.on('exit', killNow);

  try {
    writeFileSync(path.join(directory, 'owner.pid'), String(process.pid));
    mkdirSync(socketDir);
    if (runAs) {
      chownSync(directory, runAs.uid, runAs.gid);
      chownSync(socketDir, runAs.uid, runAs.gid);
    }

    const initdb = command(
      path.join(binDir, 'initdb'),
      [
        '-D',
        dataDir,
        '--auth=trust',
        '-U',
        SUPERUSER,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      runAs,
      false,
    );
    try {
      execFileSync(initdb.file, initdb.args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        cwd: directory,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`initdb failed (${binDir}):\n${stdout ?? ''}${stderr ?? ''}`);
    }

    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const logFd = openSync(logFile, 'a');
      const server = command(
        path.join(binDir, 'postgres'),
        [
          '-D',
          dataDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-k',
          socketDir,
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=200',
        ],
        runAs,
        true,
      );
      const started = spawn(server.file, server.args, { stdio: ['ignore', logFd, logFd], cwd: directory });
      child = started;
      closeSync(logFd);
      started.on('error', () => {}); // reported through exitCode below

      const deadline = Date.now() + startTimeoutMs;
      let ready = false;
      while (Date.now() < deadline) {
        if (started.exitCode !== null || started.signalCode !== null) break;
        if (await acceptsConnections(port)) {
          ready = true;
          break;
        }
        await sleep(100);
      }
      if (ready) {
        const current = started;
        let stopping: Promise<void> | null = null;
        const stop = () => {
          stopping ??= (async () => {
            const pid = postmasterPid(dataDir) ?? current.pid;
            if (pid && current.exitCode === null && current.signalCode === null) {
              signal(pid, 'SIGINT'); // fast shutdown
              if (!(await waitForExit(current, 15_000))) {
                signal(pid, 'SIGQUIT'); // immediate shutdown
                if (!(await waitForExit(current, 5_000))) current.kill('SIGKILL');
              }
            }
            process.off('exit', killNow);
            removeDirectory();
          })();
          return stopping;
        };
        return { adminUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, port, directory, stop };
      }

      const log = readLog(logFile);
      if (started.exitCode === null && started.signalCode === null) {
        started.kill('SIGQUIT');
        await waitForExit(started, 5_000);
        throw new Error(
          `PostgreSQL did not accept connections on 127.0.0.1:${port} within ${startTimeoutMs} ms. Server log:\n${log}`,
        );
      }
      // Another process may have taken the port between freePort() and bind(): try another one.
      if (attempt < 3 && /could not (bind|create listen socket)/i.test(log)) continue;
      throw new Error(
        `PostgreSQL exited during startup (code ${started.exitCode ?? started.signalCode}). Server log:\n${log}`,
      );
    }
  } catch (error) {
    process.off('exit', killNow);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (existsSync(directory)) removeDirectory();
    throw error;
  }
}
