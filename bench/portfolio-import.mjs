// Times the portfolio import of a generated workbook, end to end in the service (read, check,
// write in one transaction), on the embedded database (or PostgreSQL when DATABASE_URL is set).
//
//   npx tsc -b packages/server && node bench/portfolio-import.mjs [products=5000]
//
// Figures go to BENCHMARKS.md with the machine and the date.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../packages/server/dist/app-context.js';
import { readConfig } from '../packages/server/dist/config.js';
import { samplePortfolio } from '../packages/server/dist/modules/portfolio-bulk/sample-portfolio.js';
import { portfolioWorkbook } from '../packages/server/dist/modules/portfolio-bulk/write-file.js';

const count = Number(process.argv[2] ?? 5000);
const dataDir = await mkdtemp(join(tmpdir(), 'assay-bench-'));
const ctx = await createAppContext(
  readConfig({
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
  }),
);

const seconds = async (label, work) => {
  const started = performance.now();
  const result = await work();
  const elapsed = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(32)} ${elapsed.toFixed(1).padStart(6)} s`);
  return result;
};

try {
  const organisation = await ctx.db
    .insertInto('organisations')
    .values({
      name: 'Bench Rights Holder',
      kind: 'rights_holder',
      country_code: 'NO',
      website: null,
      status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await ctx.db
    .insertInto('users')
    .values({ email: 'bench@example.test', name: 'Bench', password_hash: 'x', locale: 'en' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = {
    userId: user.id,
    organisationId: organisation.id,
    organisationKind: 'rights_holder',
    roles: ['admin'],
  };
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (on disk)';
  console.log(
    `${count} products, ${database}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`,
  );

  const workbook = await seconds('generate workbook', () => portfolioWorkbook(samplePortfolio(count)));
  console.log(`${'workbook size'.padEnd(32)} ${(workbook.length / 1024).toFixed(0).padStart(6)} KiB`);
  const first = await seconds('import (all new)', () =>
    ctx.portfolioBulk.import(actor, organisation.id, workbook, null),
  );
  if (!first.ok) throw new Error(JSON.stringify(first.details.slice(0, 5)));
  const again = await seconds('import again (no-op)', () =>
    ctx.portfolioBulk.import(actor, organisation.id, workbook, null),
  );
  if (!again.ok || again.result.products.unchanged !== count) throw new Error('re-import was not a no-op');
  const changed = samplePortfolio(count);
  for (const product of changed.products) product.body.status = 'discontinued';
  const changedWorkbook = await portfolioWorkbook(changed);
  const updated = await seconds('import (every product changed)', () =>
    ctx.portfolioBulk.import(actor, organisation.id, changedWorkbook, null),
  );
  if (!updated.ok || updated.result.products.updated !== count)
    throw new Error('not every product was updated');
  await seconds('export XLSX', () => ctx.portfolioBulk.export(actor, organisation.id, 'xlsx'));
} finally {
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
}
