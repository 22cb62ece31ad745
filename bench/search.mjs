// Officer search and GTIN lookup on a large catalogue, on a real PostgreSQL server: server-side
// latency (p50/p95/p99) through the HTTP layer (auth hook with the session check, validation,
// service, serialisation; `app.inject`, so no network), then requests per second of the GTIN
// lookup endpoint against a bare Fastify route running the same indexed query, measured by
// autocannon from a separate process.
//
//   npx tsc -b packages/server && node bench/search.mjs [products=1000000] [brands=10000] [--fresh]
//
// Uses DATABASE_URL when set, else a local cluster kept in $TMPDIR/assay-bench-search-pg so the
// catalogue is generated once (`--fresh` starts over). Figures go to BENCHMARKS.md.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { createAppContext } from '../packages/server/dist/app-context.js';
import { readConfig } from '../packages/server/dist/config.js';
import { productsWithGtin } from '../packages/server/dist/modules/search/queries.js';
import { buildServer } from '../packages/server/dist/server.js';
import {
  ADJECTIVES_FOR_QUERIES,
  brandNameOf,
  generateCatalogue,
  gtinOf,
  RIGHTS_HOLDERS,
} from './support/catalogue.mjs';
import { benchDatabase, benchPostgres } from './support/postgres.mjs';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const products = Number(args[0] ?? 1_000_000);
const brands = Number(args[1] ?? 10_000);
const fresh = process.argv.includes('--fresh');

const server = await benchPostgres({ directory: join(tmpdir(), 'assay-bench-search-pg'), fresh });
const url = await benchDatabase(server.url, process.env.DATABASE_URL ? 'assay_bench_search' : 'assay_bench');
const ctx = await createAppContext(
  readConfig({
    DATABASE_URL: url,
    DATA_DIR: await mkdtemp(join(tmpdir(), 'assay-bench-')),
    APP_SECRET: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
  }),
);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;

try {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: count } = await client.query('select count(*)::int as n from products');
  if (count[0].n === 0) {
    console.log(`Generating ${products} products over ${brands} brands…`);
    await generateCatalogue(client, { products, brands });
  } else if (count[0].n !== products) {
    throw new Error(`The bench database holds ${count[0].n} products, not ${products}: run with --fresh`);
  }

  // An officer of French customs with an active session (inserted as sign-in would).
  const { rows: orgs } = await client.query(`select id from organisations where name = 'Bench Customs FR'`);
  const organisationId = orgs[0].id;
  await client.query(
    `insert into users (email, name, password_hash, locale) values ('officer@bench.test', 'Bench Officer', 'x', 'en')
     on conflict (email) do nothing`,
  );
  const { rows: users } = await client.query(`select id from users where email = 'officer@bench.test'`);
  await client.query(
    `insert into memberships (user_id, organisation_id, roles, status) values ($1, $2, '{officer}', 'active')
     on conflict do nothing`,
    [users[0].id, organisationId],
  );
  const cookie = randomBytes(32).toString('base64url');
  await client.query(
    `insert into sessions (id, user_id, stage, csrf_token, created_at, last_seen_at, expires_at)
     values ($1, $2, 'active', 'bench', now(), now(), now() + interval '1 day')`,
    [createHash('sha256').update(cookie).digest('hex'), users[0].id],
  );
  const { rows: visibleGtins } = await client.query(
    `select i.gtin from product_identifiers i join product_search s on s.product_id = i.product_id
     where s.visibility && array['all', 'c:FR', 'o:' || $1::text] order by random() limit 200`,
    [organisationId],
  );
  const { rows: sample } = await client.query(
    `select category, brand_id from product_search tablesample system (1) limit 50`,
  );
  await client.end();

  const app = await buildServer(ctx);
  const headers = { cookie: `assay_session=${cookie}` };
  const get = async (path) => {
    const response = await app.inject({ method: 'GET', url: path, headers });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  console.log(
    `${products} products, ${brands} brands, PostgreSQL ${(await ctx.db.selectNoFrom((eb) => eb.fn('current_setting', [eb.val('server_version')]).as('v')).executeTakeFirst()).v}, ` +
      `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${new Date().toISOString().slice(0, 10)}`,
  );

  // A misspelled brand: one letter changed in the middle of a real (generated) brand name.
  const typo = (name) => {
    const at = Math.floor(name.length / 2);
    return `${name.slice(0, at)}${name[at] === 'e' ? 'a' : 'e'}${name.slice(at + 1)}`.toLowerCase();
  };
  const brandNames = Array.from({ length: 60 }, (_, k) => brandNameOf((k * 7919) % brands));
  const queries = {
    'brand, exact': brandNames.slice(0, 30).map((name) => `q=${encodeURIComponent(name)}`),
    'brand, misspelled': brandNames.slice(30).map((name) => `q=${encodeURIComponent(typo(name))}`),
    'several words (en)': ADJECTIVES_FOR_QUERIES.map((words) => `q=${encodeURIComponent(words)}`),
    'French / Spanish names': [
      'sac à main cuir',
      'chaussure de trail',
      'gafas de sol',
      'reloj de pulsera',
      'écouteurs sans fil',
      'montre bracelet noir',
      'bolso de cuero negro',
      'pañuelo de seda',
      'lunettes soleil',
      'raqueta tenis',
    ].map((q) => `q=${encodeURIComponent(q)}`),
    'misspelled words': [
      'sunglases',
      'handbga',
      'wristwach',
      'parfun',
      'earbudss',
      'chaussur trial',
      'lipstik red',
    ].map((q) => `q=${encodeURIComponent(q)}`),
    'with a filter': sample
      .slice(0, 25)
      .flatMap((row, k) => [
        `q=${k % 2 ? 'black' : 'premium'}&category=${encodeURIComponent(row.category)}`,
        `q=${k % 2 ? 'classic' : 'sport'}&brandId=${row.brand_id}`,
      ]),
    'as you type (prefixes)': [
      'leat',
      'leather ha',
      'sungl',
      'wireless ear',
      'montre bra',
      'gafas d',
      'nor',
      'kids to',
    ].map((q) => `q=${encodeURIComponent(q)}`),
    'HS code prefix': ['6109', '4202.21', '6404', '3303', '9004'].map((q) => `q=${q}`),
    'GTIN in the search box': visibleGtins.slice(0, 50).map(({ gtin }) => `q=${gtin.slice(1)}`),
  };

  const measure = async (label, paths, rounds) => {
    for (const path of paths) await get(path); // one warm-up pass: figures are for a warm cache
    const times = [];
    let results = 0;
    for (let round = 0; round < rounds; round++)
      for (const path of paths) {
        const started = performance.now();
        const body = await get(path);
        times.push(performance.now() - started);
        results += (body.results ?? body.products).length;
      }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(28)} ${String(times.length).padStart(5)} req  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  p99 ${ms(percentile(times, 99))}  (${(results / times.length).toFixed(1)} results avg)`,
    );
  };

  console.log('\nServer-side latency (HTTP layer in process, session check included):');
  for (const [label, paths] of Object.entries(queries))
    await measure(
      `search: ${label}`,
      paths.map((q) => `/api/search?${q}`),
      3,
    );
  await measure(
    'GTIN lookup: found',
    visibleGtins.map(({ gtin }) => `/api/lookup/gtin/${gtin.slice(1)}`),
    3,
  );
  const unknown = Array.from({ length: 100 }, (_, k) => gtinOf(products + k * RIGHTS_HOLDERS));
  await measure(
    'GTIN lookup: unknown (prefix)',
    unknown.map((gtin) => `/api/lookup/gtin/${gtin}`),
    3,
  );

  // Requests per second: the endpoint vs a bare Fastify route running the same query.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare/gtin/:code', async (request) => ({
    products: await productsWithGtin(ctx.db, organisationId, request.params.code),
  }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const gtin = visibleGtins[0].gtin;
  const autocannon = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  // Asynchronously: both servers live in this process and must keep answering.
  const load = async (target, extra = []) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [autocannon, '-c', '10', '-d', '15', '-j', ...extra, target],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout);
    if (result.non2xx || !result.requests.total)
      throw new Error(`${target}: ${result.non2xx} non-2xx answers`);
    return result;
  };
  console.log('\nThroughput (autocannon, 10 connections, 15 s, separate process):');
  const port = (instance) => instance.server.address().port;
  const bareResult = await load(`http://127.0.0.1:${port(bare)}/bare/gtin/${gtin}`);
  const appResult = await load(`http://127.0.0.1:${port(app)}/api/lookup/gtin/${gtin}`, [
    '-H',
    `cookie=assay_session=${cookie}`,
  ]);
  for (const [label, result] of [
    ['bare Fastify route, same query', bareResult],
    ['GET /api/lookup/gtin/:code', appResult],
  ])
    console.log(
      `${label.padEnd(32)} ${result.requests.average.toFixed(0).padStart(6)} req/s  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
  console.log(`ratio ${(appResult.requests.average / bareResult.requests.average).toFixed(2)}`);
  await bare.close();
  await app.close();
} finally {
  await ctx.close();
  await server.stop();
}
