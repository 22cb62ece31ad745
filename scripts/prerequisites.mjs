// Lookup of the system programs the test suite drives for real: Debian's Chromium and the
// PostgreSQL server binaries. Shared by scripts/test.mjs, .ci/run (through the CLI below) and
// packages/server/src/test-support/postgres-cluster.ts, so all three agree on what "installed" means.
//
// CLI (no dependencies, works before `npm install`):
//   node scripts/prerequisites.mjs postgres-bindir   prints the bin dir, exit 1 when none
//   node scripts/prerequisites.mjs chromium          prints the Chromium path, exit 1 when missing
//   node scripts/prerequisites.mjs check             exit 1 with install instructions when anything is missing
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_MISSING_MESSAGE = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\``;

export const POSTGRES_MISSING_MESSAGE =
  'PostgreSQL server binaries not found: install them with `apt-get install postgresql` (Debian) or set PG_BIN';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A directory holding the server programs (not just the client tools of libpq/postgresql-client). */
function hasServerBinaries(dir) {
  return isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'postgres'));
}

function pgConfigBindir() {
  try {
    return execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** Debian layout: /usr/lib/postgresql/<major>/bin, newest major first. */
function debianBindirs() {
  const root = '/usr/lib/postgresql';
  let versions;
  try {
    versions = readdirSync(root);
  } catch {
    return [];
  }
  return versions
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((name) => path.join(root, name, 'bin'));
}

/**
 * Directory of `initdb` and `postgres`: $PG_BIN, else `pg_config --bindir`, else the newest
 * /usr/lib/postgresql/<major>/bin, else a PATH entry. Null when none holds both programs.
 * An explicit PG_BIN that lacks them is an error rather than silently ignored.
 */
export function findPostgresBinDir(env = process.env) {
  if (env.PG_BIN) {
    if (hasServerBinaries(env.PG_BIN)) return env.PG_BIN;
    throw new Error(`PG_BIN=${env.PG_BIN} does not contain initdb and postgres. ${POSTGRES_MISSING_MESSAGE}`);
  }
  const candidates = [pgConfigBindir(), ...debianBindirs(), ...(env.PATH ?? '').split(path.delimiter)];
  for (const dir of candidates) {
    if (dir && hasServerBinaries(dir)) return dir;
  }
  return null;
}

export function chromiumInstalled() {
  return isExecutable(CHROMIUM_PATH);
}

/** Human-readable problems, empty when every prerequisite is present. */
export function missingPrerequisites(env = process.env) {
  const problems = [];
  if (!chromiumInstalled()) problems.push(CHROMIUM_MISSING_MESSAGE);
  try {
    if (!findPostgresBinDir(env)) problems.push(POSTGRES_MISSING_MESSAGE);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

function main(command) {
  switch (command) {
    case 'postgres-bindir': {
      const dir = findPostgresBinDir();
      if (!dir) {
        console.error(POSTGRES_MISSING_MESSAGE);
        return 1;
      }
      console.log(dir);
      return 0;
    }
    case 'chromium':
      if (!chromiumInstalled()) {
        console.error(CHROMIUM_MISSING_MESSAGE);
        return 1;
      }
      console.log(CHROMIUM_PATH);
      return 0;
    case 'check': {
      const problems = missingPrerequisites();
      for (const problem of problems) console.error(problem);
      return problems.length === 0 ? 0 : 1;
    }
    default:
      console.error('usage: node scripts/prerequisites.mjs postgres-bindir|chromium|check');
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv[2]);
}
