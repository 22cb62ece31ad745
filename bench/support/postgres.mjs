// A PostgreSQL server for benchmarks: DATABASE_URL when set, else a local cluster made with the
// Debian server binaries (as packages/server/src/test-support/postgres-cluster.ts does for tests).
// The cluster's directory is kept between runs, so a generated catalogue is generated only once;
// `--fresh` (or removing the directory) starts over.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { findPostgresBinDir, POSTGRES_MISSING_MESSAGE } from '../../scripts/prerequisites.mjs';

const SUPERUSER = 'assay';

/** PostgreSQL refuses to run as root: run it as `postgres` (or `nobody`) then. */
function runAs() {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      const id = (flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // try the next one
    }
  }
  throw new Error('Running as root but neither the `postgres` nor the `nobody` user exists');
}

function command(program, args, user) {
  return user
    ? {
        file: 'setpriv',
        args: [
          '--reuid',
          String(user.uid),
          '--regid',
          String(user.gid),
          '--clear-groups',
          '--',
          program,
          ...args,
        ],
      }
    : { file: program, args };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function accepts(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The admin URL of a server to benchmark on, and how to stop it. `directory` holds the kept cluster.
 * Settings are those of a small dedicated server (shared_buffers 1 GB, durability off: bench data
 * is disposable).
 */
export async function benchPostgres({ directory, fresh = false }) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error(POSTGRES_MISSING_MESSAGE);
  const user = runAs();
  const dataDir = path.join(directory, 'data');
  if (fresh) rmSync(directory, { recursive: true, force: true });
  if (!existsSync(dataDir)) {
    mkdirSync(directory, { recursive: true });
    if (user) chownSync(directory, user.uid, user.gid);
    const initdb = command(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '--auth=trust', '-U', SUPERUSER, '--encoding=UTF8', '--locale=C', '--no-sync'],
      user,
    );
    execFileSync(initdb.file, initdb.args, { stdio: 'ignore', cwd: directory });
  }
  const port = await freePort();
  const log = openSync(path.join(directory, 'postgres.log'), 'a');
  const server = command(
    path.join(binDir, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      directory,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'shared_buffers=1GB',
      '-c',
      'work_mem=16MB',
      '-c',
      'maintenance_work_mem=512MB',
      '-c',
      'max_wal_size=4GB',
      '-c',
      'max_connections=100',
    ],
    user,
  );
  const child = spawn(server.file, server.args, { stdio: ['ignore', log, log], cwd: directory });
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 60_000;
  while (!(await accepts(url))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(
        `PostgreSQL did not start:\n${readFileSync(path.join(directory, 'postgres.log'), 'utf8').slice(-3000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  process.once('exit', () => child.kill('SIGQUIT'));
  return { url, stop };
}

/** The URL of database `name` on the same server, created when missing. */
export async function benchDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
