import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import {
  type CompiledQuery,
  Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type QueryResult,
  sql,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { pgliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** PostgreSQL connection string; null selects the embedded database. */
  url: string | null;
  /** Where the embedded database keeps its files; `memory://` keeps them in memory. */
  dataDir: string;
  /** Told when an idle pooled connection fails (server restart, admin termination). */
  onConnectionError?: (error: Error) => void;
}

/** Open the configured database: a PostgreSQL server when a URL is given, else embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // Without a listener an idle connection's error would crash the process; the pool replaces it.
    pool.on('error', (error) => options.onConnectionError?.(error));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPool(pool) }) });
  }
  const location = options.dataDir === 'memory://' ? 'memory://' : join(options.dataDir, 'pglite');
  if (location !== 'memory://') await mkdir(location, { recursive: true });
  // Search needs trigram similarity and accent folding; PGlite ships them as loadable contribs.
  const client = await PGlite.create(location, { extensions: { pg_trgm, unaccent } });
  return new Kysely<Database>({ dialect: pgliteDialect(client) });
}

/** Statement texts run as named prepared statements on PostgreSQL, by their name. */
const preparedNames = new Map<string, string>();

/**
 * A pool whose connections run the statements registered by {@link executePrepared} as named
 * prepared statements: PostgreSQL parses and plans them once per connection instead of on every
 * call. Only hot, fixed-text statements are registered, so the per-connection cache stays small.
 */
function namingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      const query = (text: string, values: unknown[]) => {
        const name = preparedNames.get(text);
        return name ? client.query({ name, text, values }) : client.query(text, values);
      };
      return { query, release: () => client.release() } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/**
 * Runs a query of the hot path as a named prepared statement on PostgreSQL (PGlite runs it as
 * usual). `name` must be unique to the query's text, which must not vary with its parameters.
 */
export async function executePrepared<Row>(
  db: Db,
  name: string,
  compiled: CompiledQuery<Row>,
): Promise<QueryResult<Row>> {
  const known = preparedNames.get(compiled.sql);
  if (known === undefined) preparedNames.set(compiled.sql, name);
  else if (known !== name) throw new Error(`Prepared statement ${name} has the text of ${known}`);
  return db.executeQuery(compiled);
}

const provider = { getMigrations: async (): Promise<Record<string, Migration>> => migrations };

/** Apply pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((item) => item.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return result;
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
