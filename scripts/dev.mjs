// `npm run dev`: build core and server once, then run the API server (http://localhost:3000) and
// the Vite dev server (http://localhost:5173, proxying /api to the API) side by side.
// Output is prefixed per process; Ctrl-C stops both. Restart after changing server code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function pipe(stream, prefix, target) {
  createInterface({ input: stream }).on('line', (line) => target.write(`${prefix} ${line}\n`));
}

console.log('[dev] building core and server (tsc -b packages/server)…');
const build = spawn(process.execPath, [tsc, '-b', 'packages/server'], { cwd: root, stdio: 'inherit' });
const buildCode = await new Promise((resolve) => build.on('exit', (code) => resolve(code ?? 1)));
if (buildCode !== 0) {
  console.error('[dev] build failed');
  process.exit(buildCode);
}

const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
const children = new Map();

function start(name, command, args, env) {
  // Own process group, so stopping also reaches grandchildren (npm → vite).
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...colour, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  pipe(child.stdout, `[${name}]`, process.stdout);
  pipe(child.stderr, `[${name}]`, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping`);
      stop(code ?? 1);
    } else if (children.size === 0) process.exit(exitCode);
  });
  children.set(name, child);
}

let stopping = false;
let exitCode = 0;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => {
    for (const child of children.values()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(exitCode);
  }, 5_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('server', process.execPath, [path.join(root, 'packages/server/dist/main.js'), 'serve'], {
  // Emailed links should open the Vite app in development.
  PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173',
});
start('web', 'npm', ['run', 'dev', '-w', '@assay/web'], {});
