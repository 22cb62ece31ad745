import { type Kysely, sql } from 'kysely';

/**
 * Suspect-shipment cases as an officer opens them, their goods lines, a per-country yearly counter
 * for readable references (FR-2026-000012), and the idempotency keys that let a client (an officer's
 * phone flushing its offline queue) retry a write without creating it twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cases (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      organisation_id uuid not null references organisations (id),
      opened_by uuid references users (id),
      country_code char(2) not null,
      office text,
      locode text,
      source text not null check (source in ('guide','scan','alert','screening','manual')),
      scanned_code text,
      alert_id uuid,
      status text not null default 'open',
      shipment jsonb not null default '{}',
      notes text,
      observed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index cases_organisation on cases (organisation_id, created_at desc)`.execute(db);
  await sql`create index cases_country on cases (country_code, created_at desc)`.execute(db);

  await sql`
    create table case_goods (
      case_id uuid not null references cases (id) on delete cascade,
      position integer not null,
      product_id uuid references products (id) on delete set null,
      rights_holder_id uuid references organisations (id),
      description text,
      quantity integer check (quantity is null or quantity > 0),
      primary key (case_id, position)
    )`.execute(db);
  await sql`create index case_goods_rights_holder on case_goods (rights_holder_id, case_id)`.execute(db);

  await sql`
    create table case_counters (
      country_code char(2) not null,
      year integer not null,
      last_number integer not null,
      primary key (country_code, year)
    )`.execute(db);

  await sql`
    create table idempotency_keys (
      user_id uuid not null references users (id) on delete cascade,
      key text not null,
      operation text not null,
      request_hash text not null,
      status_code integer,
      response jsonb,
      created_at timestamptz not null default now(),
      primary key (user_id, key)
    )`.execute(db);
  await sql`create index idempotency_keys_created on idempotency_keys (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'case_counters', 'case_goods', 'cases']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
