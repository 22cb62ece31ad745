import { type Kysely, sql } from 'kysely';

/**
 * Extensions that officer search relies on: pg_trgm (typo-tolerant matching) and unaccent
 * (accent folding). Both are trusted extensions, so a database owner may create them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop extension if exists unaccent`.execute(db);
  await sql`drop extension if exists pg_trgm`.execute(db);
}
