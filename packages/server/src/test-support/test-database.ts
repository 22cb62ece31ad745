import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, openDatabase } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database on the temporary
 * PostgreSQL cluster when the `server-postgres` project runs. `drop` removes it afterwards.
 */
export async function createTestDatabase(): Promise<{
  db: Db;
  kind: 'pglite' | 'postgres';
  drop(): Promise<void>;
}> {
  if (process.env.ASSAY_TEST_DB !== 'postgres') {
    const db = await openDatabase({ url: null, dataDir: 'memory://' });
    return { db, kind: 'pglite', drop: () => db.destroy() };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `assay_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 5 });
  // Dropping the database terminates connections a test may still hold idle: expected here.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
