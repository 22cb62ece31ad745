import { type Kysely, sql } from 'kysely';

/**
 * Alerts published by rights holders and enforcement analysts, each officer's reading of them
 * (read, acknowledged), and the daily digest each officer was sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table alerts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      created_by uuid references users (id),
      status text not null default 'draft' check (status in ('draft','published','withdrawn')),
      severity text not null check (severity in ('low','medium','high','critical')),
      title jsonb not null,
      body jsonb not null,
      brand_ids uuid[] not null default '{}',
      product_ids uuid[] not null default '{}',
      indicators jsonb not null,
      target_countries text[] not null default '{}',
      target_ports text[] not null default '{}',
      transport_modes text[] not null default '{}',
      valid_from date not null,
      valid_to date,
      published_at timestamptz,
      withdrawn_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index alerts_owner on alerts (organisation_id, updated_at desc)`.execute(db);
  await sql`create index alerts_published on alerts (published_at desc) where status = 'published'`.execute(
    db,
  );

  await sql`
    create table alert_readings (
      alert_id uuid not null references alerts (id) on delete cascade,
      user_id uuid not null references users (id),
      organisation_id uuid not null references organisations (id),
      read_at timestamptz not null,
      acknowledged_at timestamptz,
      primary key (alert_id, user_id)
    )`.execute(db);
  await sql`create index alert_readings_user on alert_readings (user_id)`.execute(db);

  await sql`
    create table alert_digests (
      user_id uuid not null references users (id),
      day date not null,
      covered_until timestamptz not null,
      alerts integer not null,
      primary key (user_id, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table alert_digests`.execute(db);
  await sql`drop table alert_readings`.execute(db);
  await sql`drop table alerts`.execute(db);
}
