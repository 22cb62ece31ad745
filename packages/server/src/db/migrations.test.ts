import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.js';
import { type Db, migrateToLatest } from './database.js';
import { migrations } from './migrations/index.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database?.drop());

async function tables(): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return result.rows.map((row) => row.table_name);
}

const insertOrganisation = (values: { name: string; kind: string; country_code: string | null }) =>
  sql`insert into organisations (name, kind, country_code, status)
      values (${values.name}, ${values.kind}, ${values.country_code}, 'active')`.execute(db);

describe('migrations', () => {
  it('create every table on a fresh database', async () => {
    expect(await tables()).not.toContain('organisations');
    const result = await migrateToLatest(db);
    expect(result.results?.map((item) => item.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'organisations',
        'users',
        'memberships',
        'sessions',
        'invitations',
        'api_tokens',
        'audit_events',
        'mail_outbox',
      ]),
    );
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = 'api_tokens'`.execute(db);
    const names = columns.rows.map((row) => row.column_name);
    expect(names).toContain('token_hash');
    expect(names).not.toContain('token');
  });

  it('do nothing when run again, and keep the data', async () => {
    await insertOrganisation({ name: 'Survivor Ltd', kind: 'rights_holder', country_code: null });
    const again = await migrateToLatest(db);
    expect(again.error).toBeUndefined();
    expect(again.results).toEqual([]);
    const rows = await db
      .selectFrom('organisations')
      .select('name')
      .where('name', '=', 'Survivor Ltd')
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('database constraints', () => {
  it('refuse an enforcement organisation without a country', async () => {
    for (const kind of ['customs', 'police', 'other_enforcement']) {
      await expect(
        insertOrganisation({ name: `No country ${kind}`, kind, country_code: null }),
      ).rejects.toThrow(/check constraint/);
    }
    await insertOrganisation({ name: 'Douane avec pays', kind: 'customs', country_code: 'FR' });
  });

  it('refuse a lower-case or malformed country code and an unknown kind', async () => {
    await expect(
      insertOrganisation({ name: 'Lower case', kind: 'customs', country_code: 'fr' }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      insertOrganisation({ name: 'Odd kind', kind: 'pirates', country_code: null }),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuse two live organisations whose names differ only in case', async () => {
    await insertOrganisation({ name: 'Acme Brands', kind: 'rights_holder', country_code: null });
    await expect(
      insertOrganisation({ name: 'ACME brands', kind: 'rights_holder', country_code: null }),
    ).rejects.toThrow(/unique/);
  });

  it('refuse an email that is not lower case', async () => {
    await expect(
      db
        .insertInto('users')
        .values({ email: 'Mixed@Example.test', name: 'Mixed', password_hash: 'x', locale: 'en' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('rolling back', () => {
  it('removes every table and can be applied again', async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect((await tables()).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
    await migrateToLatest(db);
    expect(await tables()).toContain('audit_events');
    await sql`insert into audit_events (action) values ('test.after_rollback')`.execute(db);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });
});
