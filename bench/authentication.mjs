// Serial verification on a registry of ten million serials, on a real PostgreSQL server, with the
// built server running as its own process (as in production): the streamed CSV upload of the
// serials through the API (rows per second, the server's peak memory), then POST /api/verifications
// under load from autocannon in this process — mostly registered serials picked at random, some
// unknown ones, some verified again and again from several countries (the clone rules' path) — with
// requests per second, client-side latency, and server-side latency read from the server's own
// request log (`request completed` lines, LOG_LEVEL=info as in production), and CPU time per
// verification. Then the latency at a steady rate, the bare indexed serial query from 8 connections,
// and the verification's SQL from pgbench (the database's ceiling without Node), for comparison.
//
//   npx tsc -b packages/server && node bench/authentication.mjs [serials=10000000] [--fresh]
//     [--connections=50] [--duration=30] [--paced-rate=100] [--auth=token|session] [--socket]
//     [--log-level=info|warn] [--cpu-prof]
//
// Uses DATABASE_URL when set, else a local cluster kept in $TMPDIR/assay-bench-auth-pg, so the
// serials are uploaded once (`--fresh` starts over; an interrupted upload resumes). Figures go to
// BENCHMARKS.md with the machine and the date.
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSerialHasher } from '../packages/server/dist/modules/authentication/serial-hash.js';
import { findPostgresBinDir } from '../scripts/prerequisites.mjs';
import { benchDatabase, benchPostgres } from './support/postgres.mjs';

const option = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const SERIALS = Number(args[0] ?? 10_000_000);
const CONNECTIONS = option('connections', 50);
const DURATION_S = option('duration', 30);
const PACED_RATE = option('paced-rate', 100);
const fresh = process.argv.includes('--fresh');
const cpuProfile = process.argv.includes('--cpu-prof');
/** Officers verify from the web app (session cookie) or from a system of theirs (API token). */
const AUTH = process.argv.includes('--auth=session') ? 'session' : 'token';
/** The server reaches PostgreSQL over TCP on 127.0.0.1, or over its Unix socket (local cluster only). */
const SOCKET = process.argv.includes('--socket');
/** `warn` leaves out the request log: throughput without its cost, but no server-side latency. */
const LOG_LEVEL = process.argv.find((arg) => arg.startsWith('--log-level='))?.split('=')[1] ?? 'info';

/** Rows per upload request: each is all or nothing, so a failure costs one file, not the registry. */
const UPLOAD_CHUNK = 2_000_000;
/** Enforcement organisations verifying: the rights holder's allowance is per organisation and hour. */
const COUNTRIES = ['FR', 'DE', 'KE', 'NG', 'BR', 'IN', 'US', 'ES'];
const KINDS = ['customs', 'police', 'other_enforcement'];
/** Share of the requests: registered serials at random, serials never issued, a few serials verified again and again. */
const MIX = { genuine: 0.9, unknown: 0.05, repeated: 0.05 };
const REPEATED_SERIALS = 50;

const directory = join(tmpdir(), 'assay-bench-auth-pg');
const serverEntry = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url));

// The registry: four products of one brand, one registry connector for the brand.
const gtin14 = (body13) => {
  const sum = [...body13].reverse().reduce((acc, digit, k) => acc + Number(digit) * (k % 2 === 0 ? 3 : 1), 0);
  return `${body13}${(10 - (sum % 10)) % 10}`;
};
const GTINS = ['0703821990001', '0703821990002', '0703821990003', '0703821990004'].map(gtin14);
const serialAt = (index) => ({
  gtin: GTINS[index % GTINS.length],
  serial: `S${String(index).padStart(9, '0')}`,
  batch: `L${String(Math.floor(index / 250_000)).padStart(3, '0')}`,
  // One pack in a thousand recalled, so the load sees warnings too.
  state: index % 1000 === 999 ? 'recalled' : 'active',
});
const EXPIRY = '2028-03-31';
const codeOf = ({ gtin, batch, serial }) => `(01)${gtin}(17)280331(10)${batch}(21)${serial}`;

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
/** CPU time (user + system) a process has used, in ms; 0 once it is gone. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
  } catch {
    return 0;
  }
}

/** CPU time of the local cluster's postmaster and every process it started (backends, writers), in ms. */
function postgresCpuMs() {
  const postmaster = Number(readFileSync(join(directory, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMsOf(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === postmaster) total += cpuMsOf(entry);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round1 = (value) => Math.round(value * 10) / 10;

if (fresh && !process.env.DATABASE_URL) {
  const { rmSync } = await import('node:fs');
  rmSync(directory, { recursive: true, force: true });
}
mkdirSync(directory, { recursive: true });
// Serials are stored as keyed hashes: the key (from APP_SECRET) must outlive this run with the data.
const secretFile = join(directory, 'app-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64'));
const appSecret = readFileSync(secretFile, 'utf8').trim();

const postgres = await benchPostgres({ directory });
const url = await benchDatabase(postgres.url, process.env.DATABASE_URL ? 'assay_bench_auth' : 'assay_bench');
const serverUrl = SOCKET && !process.env.DATABASE_URL ? `${url}?host=${encodeURIComponent(directory)}` : url;

/** The built server in its own process, logging JSON to a file; `rss()` samples its memory. */
async function startServer(label, extraNodeArgs = []) {
  const port = await freePort();
  const logFile = join(directory, `server-${label}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...extraNodeArgs, serverEntry, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: serverUrl,
      APP_SECRET: appSecret,
      DATA_DIR: await mkdtemp(join(tmpdir(), 'assay-bench-auth-data-')),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL,
      DEMO_SEED: 'off',
    },
    stdio: ['ignore', log, log],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The server exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) throw new Error('The server did not start within 2 minutes');
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const status = (field) =>
    Number(
      readFileSync(`/proc/${child.pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0,
    ) / 1024;
  return {
    base,
    logFile,
    rssMb: () => status('VmRSS'),
    cpuMs: () => cpuMsOf(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await once(child, 'exit');
    },
  };
}

/** Ensures the bench organisations, people, sessions and tokens exist (SQL, as sign-in would leave them). */
async function ensurePeople(client) {
  const organisation = async (name, kind, country) => {
    await client.query(
      `insert into organisations (name, kind, country_code, status) select $1, $2, $3, 'active'
       where not exists (select 1 from organisations where name = $1)`,
      [name, kind, country],
    );
    return (await client.query('select id from organisations where name = $1', [name])).rows[0].id;
  };
  const person = async (email, organisationId, role) => {
    await client.query(
      `insert into users (email, name, password_hash, locale) values ($1, $1, 'x', 'en') on conflict (email) do nothing`,
      [email],
    );
    const userId = (await client.query('select id from users where email = $1', [email])).rows[0].id;
    await client.query(
      `insert into memberships (user_id, organisation_id, roles, status) values ($1, $2, $3, 'active')
       on conflict do nothing`,
      [userId, organisationId, [role]],
    );
    return userId;
  };
  const rightsHolderId = await organisation('Bench Pharma', 'rights_holder', 'NO');
  const adminId = await person('admin@pharma.bench.test', rightsHolderId, 'admin');
  const session = async (userId) => {
    const cookie = randomBytes(32).toString('base64url');
    await client.query(
      `insert into sessions (id, user_id, stage, csrf_token, created_at, last_seen_at, expires_at)
       values ($1, $2, 'active', 'bench', now(), now(), now() + interval '1 day')`,
      [createHash('sha256').update(cookie).digest('hex'), userId],
    );
    return { cookie: `assay_session=${cookie}`, 'x-csrf-token': 'bench' };
  };
  const adminHeaders = await session(adminId);
  // Per enforcement organisation, a fresh write-scoped API token (only its hash is stored) or session.
  const officers = [];
  for (const country of COUNTRIES)
    for (const kind of KINDS) {
      const organisationId = await organisation(`Bench ${kind} ${country}`, kind, country);
      const userId = await person(
        `officer@${kind}.${country.toLowerCase()}.bench.test`,
        organisationId,
        'officer',
      );
      if (AUTH === 'session') {
        officers.push(await session(userId));
        continue;
      }
      const token = `assay_${randomBytes(32).toString('base64url')}`;
      await client.query(
        `insert into api_tokens (organisation_id, created_by, name, scopes, prefix, token_hash)
         values ($1, $2, 'bench', '{organisation:write}', $3, $4)`,
        [organisationId, userId, token.slice(0, 12), createHash('sha256').update(token).digest('hex')],
      );
      officers.push({ authorization: `Bearer ${token}` });
    }
  return { rightsHolderId, adminHeaders, officers };
}

/** The brand, its products, the registry connector and a policy allowing every authority the most verifications. */
async function ensureRegistry(client, base, rightsHolderId, headers) {
  const call = async (method, path, body) => {
    const response = await fetch(`${base}/api/rights-holders/${rightsHolderId}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  let brand = (await client.query(`select id from brands where name = 'Norvexa Bench'`)).rows[0];
  if (!brand)
    brand = await call('POST', '/brands', {
      name: 'Norvexa Bench',
      aliases: [],
      categories: ['pharmaceuticals'],
    });
  for (const [k, gtin] of GTINS.entries()) {
    const { rowCount } = await client.query('select 1 from product_identifiers where gtin = $1', [gtin]);
    if (rowCount) continue;
    await call('POST', '/products', {
      brandId: brand.id,
      reference: `NVX-B${k}`,
      name: { original: 'en', texts: { en: `Norvexa ${10 * (k + 1)} mg tablets` } },
      category: 'pharmaceuticals',
      hsCodes: ['3004.90'],
      identifiers: [{ gtin, level: 'item' }],
      countriesOfManufacture: ['NO'],
      guidePoints: [],
      indicators: [],
    });
  }
  let connector = (
    await client.query(`select id from authentication_connectors where brand_id = $1`, [brand.id])
  ).rows[0];
  if (!connector)
    connector = (
      await call('POST', '/connectors', { kind: 'registry', name: 'Packaging lines', brandId: brand.id })
    ).connector;
  await call('PUT', '/verification-policy', { authorities: 'all', ratePerHour: 100_000 });
  const registered = async () =>
    Object.values((await call('GET', `/connectors/${connector.id}`)).serials ?? {}).reduce(
      (a, b) => a + b,
      0,
    );
  return { connectorId: connector.id, registered };
}

/** CSV rows `from` to `to` (exclusive), generated as they are sent. */
function csvStream(from, to) {
  return Readable.from(
    (function* () {
      yield 'gtin,serial,batch,expiry,intended_markets,state\n';
      for (let start = from; start < to; start += 10_000) {
        let lines = '';
        for (let index = start; index < Math.min(to, start + 10_000); index++) {
          const row = serialAt(index);
          lines += `${row.gtin},${row.serial},${row.batch},${EXPIRY},,${row.state}\n`;
        }
        yield lines;
      }
    })(),
  );
}

/** One streamed CSV upload through the API. */
function uploadCsv(base, path, headers, from, to) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${base}${path}`,
      { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(body))
            : reject(new Error(`upload ${from}–${to}: ${response.statusCode} ${body.slice(0, 2000)}`)),
        );
      },
    );
    request.on('error', reject);
    csvStream(from, to).pipe(request);
  });
}

/** Server-side response times (ms) of POST /api/verifications logged since `since` (epoch ms). */
async function serverTimes(logFile, since) {
  const verificationIds = new Set();
  const times = [];
  for await (const line of createInterface({ input: createReadStream(logFile) })) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line);
    if (entry.time < since) continue;
    if (
      entry.msg === 'incoming request' &&
      entry.req?.method === 'POST' &&
      entry.req.url === '/api/verifications'
    )
      verificationIds.add(entry.reqId);
    else if (entry.msg === 'request completed' && verificationIds.has(entry.reqId))
      times.push(entry.responseTime);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The SQL of one verification run by pgbench (a C client, 8 connections, 10 s each) with Node out of
 * the way: the database's own ceiling. Serial hashes come from a sample table; the history rows it
 * writes carry the hint `pgbench` and are deleted afterwards.
 */
async function sqlCeiling(client, connectorId) {
  await client.query('drop table if exists bench_serial_hashes');
  await client.query(
    `create table bench_serial_hashes as select row_number() over () as k, serial_hash as h
     from (select serial_hash from registered_serials tablesample system (1) limit 50000) s`,
  );
  await client.query('create unique index on bench_serial_hashes (k)');
  const sampled = Number((await client.query('select count(*) from bench_serial_hashes')).rows[0].count);
  const { rows } = await client.query(
    `select t.token_hash, t.created_by, t.organisation_id, c.rights_holder_id, c.brand_id
     from api_tokens t, authentication_connectors c where t.name = 'bench' and c.id = $1 limit 1`,
    [connectorId],
  );
  if (!rows.length) return null; // sessions only: the token step needs a bench token
  const it = rows[0];
  const pick = [`\\set k random(1, ${sampled})`, 'select h from bench_serial_hashes where k = :k \\gset'];
  const auth = [
    `select id, created_by, scopes, expires_at, revoked_at, organisation_id, last_used_at from api_tokens where token_hash = '${it.token_hash}';`,
    `select m.roles, m.status, o.id, o.name, o.kind, o.country_code, o.status from memberships m join organisations o on o.id = m.organisation_id where m.user_id = '${it.created_by}';`,
  ];
  const lookup = `select r.state, r.batch, r.expiry, r.intended_markets, coalesce((select json_agg(json_build_array(v.country_code, v.verified_at, v.organisation_id, v.verdict)) from (select country_code, verified_at, organisation_id, verdict from verifications where serial_hash = :h and verified_at > now() - interval '30 days' and verified_at <= now() order by verified_at desc limit 200) v), '[]') from (select 1) as one left join registered_serials r on r.serial_hash = :h and r.connector_id = '${connectorId}';`;
  const insert = `insert into verifications (id, rights_holder_id, connector_id, brand_id, serial_hash, gtin, serial_hint, batch, expiry, organisation_id, user_id, country_code, verified_at, verdict, severity, suspicious, clone) values (gen_random_uuid(), '${it.rights_holder_id}', '${connectorId}', '${it.brand_id}', :h, '${GTINS[0]}', 'pgbench', 'L001', '${EXPIRY}', '${it.organisation_id}', '${it.created_by}', 'FR', now(), 'genuine', 'ok', false, '[]');`;
  const scripts = {
    'bare serial query': [
      ...pick,
      'select state, batch, expiry, intended_markets from registered_serials where serial_hash = :h;',
    ],
    'history insert alone': [...pick, insert],
    'verification (lookup with history, insert)': [...pick, lookup, insert],
    '… and the API token and membership reads': [...pick, ...auth, lookup, insert],
  };
  const results = {};
  for (const [label, lines] of Object.entries(scripts)) {
    const file = join(directory, 'pgbench.sql');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { stdout } = await promisify(execFile)(join(findPostgresBinDir(), 'pgbench'), [
      ...['-n', '-M', 'prepared', '-c', '8', '-j', '2', '-T', '10', '-f', file, url],
    ]);
    results[label] = {
      tps: Number(stdout.match(/tps = ([\d.]+)/)[1]),
      latencyMs: Number(stdout.match(/latency average = ([\d.]+) ms/)[1]),
    };
  }
  await client.query(`delete from verifications where serial_hint = 'pgbench'`);
  await client.query('vacuum analyze verifications'); // so the next run's table size is not theirs
  await client.query('drop table bench_serial_hashes');
  return results;
}

/** A pool of request bodies in the mix, each sent by a random organisation. */
function requestPool(size, officers) {
  const repeated = Array.from({ length: REPEATED_SERIALS }, () => serialAt(randomInt(SERIALS)));
  return Array.from({ length: size }, () => {
    const draw = Math.random();
    const row =
      draw < MIX.genuine
        ? serialAt(randomInt(SERIALS))
        : draw < MIX.genuine + MIX.unknown
          ? { ...serialAt(randomInt(SERIALS)), serial: `X${randomInt(1e9)}` }
          : repeated[randomInt(REPEATED_SERIALS)];
    return {
      body: JSON.stringify({ code: codeOf(row) }),
      headers: {
        'content-type': 'application/json',
        ...officers[randomInt(officers.length)],
      },
    };
  });
}

function load(base, pool, duration, overallRate) {
  let next = 0;
  return autocannon({
    url: `${base}/api/verifications`,
    // Paced connections fire on the same ticks: few of them, or each tick is a burst that queues.
    connections: overallRate ? 4 : CONNECTIONS,
    duration,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, headers } = pool[next++ % pool.length];
          return { ...request, body, headers };
        },
      },
    ],
  });
}

const client = new pg.Client({ connectionString: url });
let server = null;
try {
  console.log(
    `Serial verification bench: ${SERIALS.toLocaleString('en')} serials, Node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model}, ${new Date().toISOString().slice(0, 10)}`,
  );
  server = await startServer('upload');
  await client.connect();
  console.log(`PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}`);
  const { rightsHolderId, adminHeaders, officers } = await ensurePeople(client);
  const { connectorId, registered } = await ensureRegistry(client, server.base, rightsHolderId, adminHeaders);

  // Upload (resumes where an interrupted run stopped: each request is all or nothing).
  let have = await registered();
  if (have > SERIALS)
    throw new Error(`The connector holds ${have} serials, more than ${SERIALS}: run with --fresh`);
  if (have < SERIALS) {
    console.log(
      `\nUploading ${(SERIALS - have).toLocaleString('en')} serials as CSV, ${UPLOAD_CHUNK.toLocaleString('en')} rows a request…`,
    );
    let peakRss = server.rssMb();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, server.rssMb());
    }, 250);
    const started = performance.now();
    const first = have;
    while (have < SERIALS) {
      const to = Math.min(SERIALS, have + UPLOAD_CHUNK);
      const chunkStarted = performance.now();
      const result = await uploadCsv(
        server.base,
        `/api/rights-holders/${rightsHolderId}/connectors/${connectorId}/serials/csv`,
        adminHeaders,
        have,
        to,
      );
      const seconds = (performance.now() - chunkStarted) / 1000;
      console.log(
        `  rows ${have}–${to}: ${result.stored} stored in ${seconds.toFixed(1)} s (${Math.round(result.rows / seconds)} rows/s; server ${(result.durationMs / 1000).toFixed(1)} s), server RSS now ${Math.round(server.rssMb())} MB`,
      );
      have = to;
    }
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Upload: ${(SERIALS - first).toLocaleString('en')} rows in ${seconds.toFixed(0)} s = ${Math.round((SERIALS - first) / seconds)} rows/s; server peak RSS ${Math.round(peakRss)} MB`,
    );
    // Autovacuum would otherwise visit the new rows during the load below.
    const vacuumStarted = performance.now();
    await client.query('vacuum analyze registered_serials');
    console.log(
      `vacuum analyze registered_serials: ${((performance.now() - vacuumStarted) / 1000).toFixed(0)} s`,
    );
    if ((await registered()) !== SERIALS)
      throw new Error('The connector does not count the uploaded serials');
  } else {
    console.log(`\nThe connector already holds ${SERIALS.toLocaleString('en')} serials: no upload.`);
  }
  await server.stop();

  // Load on a fresh server process.
  const profileDir = join(directory, 'cpu-profiles');
  server = await startServer('load', cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const pool = requestPool(200_000, officers);
  console.log(`\nWarm-up: 10 s, ${CONNECTIONS} connections…`);
  await load(server.base, pool, 10);
  const since = Date.now();
  const verificationsBefore = Number(
    (await client.query('select count(*) from verifications')).rows[0].count,
  );
  console.log(
    `Load: POST /api/verifications, ${officers.length} organisations (${AUTH === 'session' ? 'session cookies' : 'API tokens'}), ${CONNECTIONS} connections, ${DURATION_S} s (autocannon in this process)…`,
  );
  const local = !process.env.DATABASE_URL;
  const cpuBefore = {
    server: server.cpuMs(),
    postgres: local ? postgresCpuMs() : 0,
    client: process.cpuUsage(),
  };
  const result = await load(server.base, pool, DURATION_S);
  const clientCpu = process.cpuUsage(cpuBefore.client);
  const cpu = {
    server: server.cpuMs() - cpuBefore.server,
    postgres: local ? postgresCpuMs() - cpuBefore.postgres : null,
    client: (clientCpu.user + clientCpu.system) / 1000,
  };
  const rss = server.rssMb();
  const loadEnded = Date.now();
  const times = await serverTimes(server.logFile, since);
  const verdicts = await client.query(
    `select verdict, count(*)::int as n from verifications where verified_at >= $1 and verified_at < $2
     group by verdict order by n desc`,
    [new Date(since), new Date(loadEnded)],
  );
  // Latency with little queueing: a steady PACED_RATE from 4 connections, 15 s.
  const paced = await load(server.base, pool, 15, PACED_RATE);
  const pacedTimes = LOG_LEVEL === 'info' ? await serverTimes(server.logFile, loadEnded) : [];
  await server.stop();
  if (cpuProfile) console.log(`CPU profile of the server: ${profileDir}`);

  const requestsPerSecond = result.requests.total / DURATION_S;
  const serverP99 = percentile(times, 99);
  console.log(
    `\n${result.requests.total} requests, ${Math.round(requestsPerSecond)} req/s; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
  );
  console.log(
    `client latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  console.log(
    times.length
      ? `server-side (request log, ${times.length} verifications): p50 ${round1(percentile(times, 50))} ms, p90 ${round1(percentile(times, 90))} ms, p99 ${round1(serverP99)} ms, max ${round1(times.at(-1))} ms`
      : `server-side: no request log at LOG_LEVEL=${LOG_LEVEL}`,
  );
  console.log(
    `at a steady ${PACED_RATE} req/s (4 connections, 15 s): client p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms; ` +
      (pacedTimes.length
        ? `server-side p50 ${round1(percentile(pacedTimes, 50))} ms, p99 ${round1(percentile(pacedTimes, 99))} ms`
        : 'no request log') +
      `; non-2xx ${paced.non2xx}`,
  );
  console.log(`server RSS after the load ${Math.round(rss)} MB`);
  const perRequest = (value) => (value === null ? 'n/a' : `${(value / result.requests.total).toFixed(2)} ms`);
  console.log(
    `CPU per verification: server ${perRequest(cpu.server)}, PostgreSQL ${perRequest(cpu.postgres)}, load client ${perRequest(cpu.client)} (machine load average ${loadavg()[0].toFixed(1)})`,
  );
  console.log(`verdicts: ${verdicts.rows.map((row) => `${row.verdict} ${row.n}`).join(', ')}`);

  // Table sizes, and the bare indexed serial query for comparison.
  const sizes = await client.query(
    `select relname, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
     where relname in ('registered_serials', 'verifications') order by relname`,
  );
  const verificationRows = Number((await client.query('select count(*) from verifications')).rows[0].count);
  console.log(
    `${sizes.rows.map((row) => `${row.relname} ${row.size}`).join(', ')}; ${verificationRows} verifications in all (${verificationRows - verificationsBefore} since the measured run started)`,
  );
  const hasher = createSerialHasher(appSecret);
  const bare = new pg.Pool({ connectionString: url, max: 8 });
  const bareTimes = [];
  const bareUntil = performance.now() + 10_000;
  const bareStarted = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < bareUntil) {
        const row = serialAt(randomInt(SERIALS));
        const started = performance.now();
        await bare.query({
          name: 'bare-serial',
          text: 'select state, batch, expiry, intended_markets from registered_serials where serial_hash = $1',
          values: [hasher.hash(rightsHolderId, row.gtin, row.serial)],
        });
        bareTimes.push(performance.now() - started);
      }
    }),
  );
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  await bare.end();
  bareTimes.sort((a, b) => a - b);
  console.log(
    `bare serial query (8 connections, 10 s): ${Math.round(bareTimes.length / bareSeconds)} queries/s, p50 ${percentile(bareTimes, 50).toFixed(2)} ms, p99 ${percentile(bareTimes, 99).toFixed(2)} ms`,
  );

  const ceiling = await sqlCeiling(client, connectorId);
  if (ceiling) {
    console.log('\nThe same SQL from pgbench (C client, 8 connections, 10 s each):');
    for (const [label, { tps, latencyMs }] of Object.entries(ceiling))
      console.log(
        `  ${label.padEnd(44)} ${Math.round(tps).toString().padStart(6)} /s  latency avg ${latencyMs} ms`,
      );
  }

  const met = requestsPerSecond >= 3000 && serverP99 < 20 && result.non2xx === 0 && result.errors === 0;
  console.log(
    `\nTarget (≥ 3,000 verifications/s, server-side p99 < 20 ms, no errors): ${met ? 'met' : 'NOT met'}`,
  );
} finally {
  await server?.stop();
  await client.end().catch(() => {});
  await postgres.stop();
}
