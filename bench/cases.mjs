// From an officer opening a suspect-shipment case to the rights holder hearing of it: the time from
// sending POST /api/cases to the rights holder's signed `case.opened` webhook event being received,
// with the built server running as its own process on the demo data. The French demo officer opens
// cases naming a product of Halvorsen Pharma, whose demo admin set up a webhook to a receiver in this
// process (node:http on 127.0.0.1) that checks each event's signature and that it names the case
// just opened. Cases are opened one at a time (latency, no queueing), then 10 at a time.
//
//   npx tsc -b packages/server && node bench/cases.mjs [cases=100] [--concurrency=10] [--pglite]
//   DATABASE_URL=postgres://… node bench/cases.mjs                          # an existing server
//
// Without DATABASE_URL the script starts its own PostgreSQL cluster in $TMPDIR/assay-bench-cases-pg
// (kept between runs); the database `assay_bench_cases` is made afresh on every run, so the demo data
// is seeded into an empty one. `--pglite` runs on the embedded database in a temporary DATA_DIR
// instead. The figures replace this database's part of the section in BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OTPAuth from 'otpauth';
import pg from 'pg';
import { benchDatabase, benchPostgres } from './support/postgres.mjs';

const option = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const CASES = Number(args[0] ?? 100);
const CONCURRENCY = option('concurrency', 10);
const PGLITE = process.argv.includes('--pglite');
/** Cases opened first and not counted: connections, prepared plans and the JIT warm up. */
const WARM_UP = 10;
/** A webhook event that has not arrived by then is lost: the dispatcher's own timeout is 5 s. */
const WEBHOOK_WAIT_MS = 30_000;
/** The receiver refuses a timestamp further than this from its clock, as a real receiver would. */
const TIMESTAMP_TOLERANCE_S = 300;

const OFFICER = { email: 'officer@douane-fr.example', totp: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const RIGHTS_HOLDER_ADMIN = {
  email: 'brand.protection@halvorsen-pharma.example',
  totp: 'IFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2U',
};
const DEMO_PASSWORD = 'assay-demo-2026';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = join(root, 'packages/server/dist/main.js');
const benchmarksFile = join(root, 'BENCHMARKS.md');
const directory = join(tmpdir(), 'assay-bench-cases-pg');

/** Nearest rank: of 100 samples, p99 is the 99th smallest and max the 100th. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
/** Wraps a paragraph at the width of the rest of BENCHMARKS.md. */
const wrap = (text, width = 104) =>
  text
    .split(' ')
    .reduce((lines, word) => {
      const last = lines.at(-1);
      if (last !== undefined && last.length + 1 + word.length <= width)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
      return lines;
    }, [])
    .join('\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The receiver: verifies every event and notes when the `case.opened` of each case arrived. */
async function startReceiver(secretOf) {
  const arrived = new Map(); // case id → performance.now() at arrival
  const waiting = new Map(); // case id → resolve
  const problems = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = request.headers['assay-timestamp'];
      const expected = `v1=${createHmac('sha256', secretOf()).update(`${timestamp}.${body}`).digest('hex')}`;
      const sent = String(request.headers['assay-signature'] ?? '');
      const event = JSON.parse(body);
      const problem =
        sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
          ? 'bad signature'
          : Math.abs(Date.now() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_S
            ? 'timestamp too far from now'
            : request.headers['assay-event-id'] !== event.id
              ? 'assay-event-id is not the event id'
              : event.type !== 'case.opened'
                ? `unexpected event type ${event.type}`
                : arrived.has(event.data.caseId)
                  ? `a second event for case ${event.data.caseId}`
                  : null;
      if (problem) {
        problems.push(problem);
        response.writeHead(400).end(problem);
        return;
      }
      arrived.set(event.data.caseId, at);
      waiting.get(event.data.caseId)?.(at);
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/assay-webhook`,
    problems,
    /** When the event naming `caseId` arrived (it may have come before the POST's answer was read). */
    arrival(caseId) {
      if (arrived.has(caseId)) return Promise.resolve(arrived.get(caseId));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No webhook event for case ${caseId} within ${WEBHOOK_WAIT_MS} ms`)),
          WEBHOOK_WAIT_MS,
        );
        waiting.set(caseId, (at) => {
          clearTimeout(timer);
          waiting.delete(caseId);
          resolve(at);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The built server in its own process. NODE_ENV=development because production accepts only https
 * webhooks (the one difference that matters here) and refuses demo data; the request log stays on
 * (LOG_LEVEL=info) as in production.
 */
async function startServer(databaseUrl) {
  const dataDir = await mkdtemp(join(tmpdir(), 'assay-bench-cases-data-'));
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  const child = spawn(process.execPath, [serverEntry, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl ?? '',
      APP_SECRET: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DEMO_SEED: 'on',
    },
    stdio: ['ignore', log, log],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The server exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) throw new Error('The server did not start within 3 minutes');
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return {
    base,
    /** Response times (ms) of POST /api/cases in the server's request log between two instants (epoch ms). */
    caseResponseTimes(from, to) {
      const ids = new Set();
      const times = [];
      for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line);
        if (entry.time < from || entry.time > to) continue;
        if (
          entry.msg === 'incoming request' &&
          entry.req?.method === 'POST' &&
          entry.req.url === '/api/cases'
        )
          ids.add(entry.reqId);
        else if (entry.msg === 'request completed' && ids.has(entry.reqId)) times.push(entry.responseTime);
      }
      return times;
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await once(child, 'exit');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs a demo account in (password, then the current TOTP code); returns a JSON API caller. */
async function signIn(base, account) {
  const first = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: DEMO_PASSWORD }),
  });
  if (!first.ok) throw new Error(`sign-in of ${account.email}: ${first.status} ${await first.text()}`);
  let cookie = first.headers.getSetCookie()[0].split(';')[0];
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.totp) }).generate();
  const second = await fetch(`${base}/api/session/two-factor`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie,
      'x-csrf-token': (await first.json()).csrfToken,
    },
    body: JSON.stringify({ code }),
  });
  if (!second.ok) throw new Error(`two-factor of ${account.email}: ${second.status} ${await second.text()}`);
  cookie = second.headers.getSetCookie()[0]?.split(';')[0] ?? cookie;
  const session = await second.json();
  const call = async (method, path, body, extraHeaders = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...extraHeaders,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return { session, call };
}

/** A suspect shipment at Le Havre naming one product, with a counted goods line. */
const caseBody = (productId, k) => ({
  source: 'scan',
  productIds: [productId],
  location: { office: 'Le Havre port, container terminal', locode: 'FRLEH' },
  shipment: {
    transportMode: 'SEA',
    originCountry: 'CN',
    destinationCountry: 'FR',
    description: `Container MSKU${String(7_310_000 + k)}: pharmaceutical cartons`,
    hsCode: '3004.90',
    declaredValue: 12_400,
    currency: 'EUR',
  },
  goods: [{ productId, description: 'Cartons of 28 tablets, blister foil misprinted', quantity: 240 + k }],
  notes: 'Seal does not change colour when tilted.',
});

/** Opens `count` cases, `concurrency` at a time; each sample is the POST's answer and the webhook's arrival. */
async function run(officer, receiver, productId, count, concurrency, offset) {
  const samples = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = offset + next++;
      const sent = performance.now();
      const opened = await officer.call('POST', '/api/cases', caseBody(productId, k), {
        'idempotency-key': randomUUID(),
      });
      const answered = performance.now();
      if (opened.status !== 201)
        throw new Error(`POST /api/cases: ${opened.status} ${JSON.stringify(opened.body)}`);
      const received = await receiver.arrival(opened.body.id);
      samples.push({ response: answered - sent, webhook: received - sent });
    }
  };
  const started = performance.now();
  const from = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, seconds: (performance.now() - started) / 1000, from, to: Date.now() };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
  };
};

/** A markdown table with its columns aligned (text left, figures right). */
function table(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const SECTION_TITLE = "## Case opened to the rights holder's webhook (`bench/cases.mjs`)";
const SECTION_INTRO = `\`\`\`sh
npx tsc -b packages/server && node bench/cases.mjs [cases=100] [--concurrency=10]   # local PostgreSQL
npx tsc -b packages/server && node bench/cases.mjs --pglite                         # embedded PGlite
DATABASE_URL=postgres://… node bench/cases.mjs                                      # an existing server
\`\`\`

The time from an officer sending \`POST /api/cases\` to the rights holder receiving the signed
\`case.opened\` webhook event of that case. The built server runs as its own process
(\`main.js serve\`, request log on) on a database freshly seeded with the demo data: without
\`DATABASE_URL\` the script starts its own PostgreSQL cluster (Debian's server binaries, \`fsync\` off)
in \`$TMPDIR/assay-bench-cases-pg\` and makes the database \`assay_bench_cases\` afresh; \`--pglite\`
uses the embedded database on disk. Halvorsen Pharma's demo admin sets up the webhook
(\`PUT /api/rights-holders/:id/webhook\`) to a receiver in the bench process (\`node:http\` on
127.0.0.1), which checks each event's \`v1=\` HMAC-SHA256 signature, its timestamp and event id, and
that it names the case just opened (exactly one event per case). The French demo officer (session
cookie) opens cases naming one of the company's products, with a counted goods line and the
shipment's facts; the event is queued in the case's transaction and the dispatcher is asked for a
round after the commit. ${WARM_UP} cases are opened first and not counted. \`NODE_ENV=development\`,
because production accepts only https webhook addresses (and no demo data); nothing else in the
server depends on it.

What makes concurrent openings queue: every case of one country and year increments the same counter
row (\`case_counters\`, for its reference) early in its transaction and holds that row's lock until
commit; and the dispatcher sends one webhook's events one after another, in order, each attempt
recorded in a transaction of its own. The bench process (officer's client and receiver) shares the
machine's cores with the server and the database.`;

/** Replaces this database's part of the section (or adds it, or the section), keeping the other's. */
function writeSection(part, partTitle) {
  const text = readFileSync(benchmarksFile, 'utf8');
  const start = text.indexOf(SECTION_TITLE);
  const end = start < 0 ? -1 : text.indexOf('\n## ', start + SECTION_TITLE.length);
  const old = start < 0 ? '' : text.slice(start, end < 0 ? undefined : end + 1);
  const parts = new Map(
    old
      .split(/\n(?=### )/)
      .slice(1)
      .map((chunk) => [chunk.split('\n')[0], chunk.trim()]),
  );
  parts.set(partTitle, part);
  // PostgreSQL first, as in the other sections.
  const ordered = [...parts.entries()].sort(
    ([a], [b]) => Number(a.includes('PGlite')) - Number(b.includes('PGlite')),
  );
  const section = `${SECTION_TITLE}\n\n${SECTION_INTRO}\n\n${ordered.map(([, chunk]) => chunk).join('\n\n')}\n`;
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${end < 0 ? '' : text.slice(end)}`;
  writeFileSync(benchmarksFile, updated);
}

const postgres = PGLITE ? null : await benchPostgres({ directory });
let databaseUrl = null;
let databaseLabel = 'PGlite (embedded, on disk)';
if (postgres) {
  // A fresh database each run, so the demo data is seeded and every run starts from the same state.
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('drop database if exists assay_bench_cases');
  const version = (await admin.query('show server_version')).rows[0].server_version.split(' ')[0];
  await admin.end();
  databaseUrl = await benchDatabase(postgres.url, 'assay_bench_cases');
  databaseLabel = `PostgreSQL ${version}${process.env.DATABASE_URL ? '' : ' (local cluster, fsync off)'}`;
}

let server = null;
let receiver = null;
try {
  const date = new Date();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`;
  console.log(`Case → webhook bench on ${databaseLabel}: ${CASES} cases, ${machine}`);
  const seedStarted = performance.now();
  server = await startServer(databaseUrl);
  console.log(`Server up with the demo data in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const admin = await signIn(server.base, RIGHTS_HOLDER_ADMIN);
  const rightsHolderId = admin.session.organisation.id;
  let signingSecret = null;
  receiver = await startReceiver(() => signingSecret);
  // A webhook's secret is shown only when it is created: start from none.
  await admin.call('DELETE', `/api/rights-holders/${rightsHolderId}/webhook`);
  const saved = await admin.call('PUT', `/api/rights-holders/${rightsHolderId}/webhook`, {
    url: receiver.url,
  });
  if (saved.status !== 200) throw new Error(`PUT webhook: ${saved.status} ${JSON.stringify(saved.body)}`);
  signingSecret = saved.body.signingSecret;

  const officer = await signIn(server.base, OFFICER);
  const found = await officer.call('GET', `/api/search?rightsHolderId=${rightsHolderId}`);
  const productId = found.body?.results?.[0]?.productId;
  if (!productId)
    throw new Error(`The officer sees no product of the rights holder: ${JSON.stringify(found.body)}`);

  await run(officer, receiver, productId, WARM_UP, 1, 0);
  console.log(`Sequential: ${CASES} cases, one at a time…`);
  const sequential = await run(officer, receiver, productId, CASES, 1, WARM_UP);
  console.log(`Concurrent: ${CASES} cases, ${CONCURRENCY} at a time…`);
  const concurrent = await run(officer, receiver, productId, CASES, CONCURRENCY, WARM_UP + CASES);
  if (receiver.problems.length)
    throw new Error(`The receiver refused events: ${receiver.problems.join('; ')}`);
  const deliveries = await admin.call('GET', `/api/rights-holders/${rightsHolderId}/webhook/deliveries`);
  const failed = deliveries.body.deliveries.filter((delivery) => delivery.outcome !== 'delivered').length;
  const load = loadavg()[0].toFixed(1);

  const ms = (value) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
  const row = (label, values) => {
    const s = stats(values);
    return [label, String(values.length), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)];
  };
  const rows = [
    row(
      'One at a time: open → signed webhook received',
      sequential.samples.map((s) => s.webhook),
    ),
    row(
      'One at a time: `POST /api/cases` answered',
      sequential.samples.map((s) => s.response),
    ),
    row('… of which in the server (request log)', server.caseResponseTimes(sequential.from, sequential.to)),
    row(
      `${CONCURRENCY} at a time: open → signed webhook received`,
      concurrent.samples.map((s) => s.webhook),
    ),
    row(
      `${CONCURRENCY} at a time: \`POST /api/cases\` answered`,
      concurrent.samples.map((s) => s.response),
    ),
    row('… of which in the server (request log)', server.caseResponseTimes(concurrent.from, concurrent.to)),
  ];
  const figures = table(['Milliseconds', 'Cases', 'p50', 'p90', 'p99', 'max'], rows);
  const rate = (result) => (result.samples.length / result.seconds).toFixed(1);
  const after = stats(sequential.samples.map((s) => s.webhook - s.response)).p50;
  console.log(`\n${figures}\n`);
  console.log(
    `Cases opened per second: ${rate(sequential)} one at a time, ${rate(concurrent)} ${CONCURRENCY} at a time; ` +
      `median webhook after the answer (one at a time): ${ms(after)} ms; failed delivery attempts: ${failed}; ` +
      `load average ${load}`,
  );

  const partTitle = `### ${databaseLabel.split(' (')[0].replace(/ [\d.]+$/, '')}`;
  writeSection(
    [
      partTitle,
      '',
      wrap(
        `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}, ${databaseLabel}; load ` +
          `average ${load} after the run. Every event arrived once, with a valid signature, naming its ` +
          `case; failed delivery attempts: ${failed}. Cases opened per second: ${rate(sequential)} one at ` +
          `a time, ${rate(concurrent)} ${CONCURRENCY} at a time. One at a time, the event arrived a ` +
          `median ${ms(after)} ms after the officer had the answer.`,
      ),
      '',
      figures,
    ].join('\n'),
    partTitle,
  );
  console.log(`BENCHMARKS.md updated (${partTitle.slice(4)}).`);
} finally {
  await receiver?.close();
  await server?.stop();
  await postgres?.stop();
}
