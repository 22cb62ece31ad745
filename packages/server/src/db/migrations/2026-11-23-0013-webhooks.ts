import { type Kysely, sql } from 'kysely';

/** A rights holder's signed webhook, its outbox of events and the log of every delivery attempt. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null unique references organisations (id) on delete cascade,
      url text not null,
      signing_secret text not null,
      active boolean not null default true,
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table webhook_events (
      id uuid primary key default gen_random_uuid(),
      -- Queue order: events of one moment still go out in the order they were queued.
      seq bigint generated always as identity,
      endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
      type text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      created_at timestamptz not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      delivered_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index webhook_events_due on webhook_events (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references webhook_events (id) on delete cascade,
      at timestamptz not null,
      attempt integer not null,
      http_status integer,
      duration_ms integer not null,
      outcome text not null,
      detail text
    )`.execute(db);
  await sql`create index webhook_deliveries_event on webhook_deliveries (event_id, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['webhook_deliveries', 'webhook_events', 'webhook_endpoints']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
