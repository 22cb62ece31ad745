import { type Kysely, sql } from 'kysely';

/**
 * Authentication connectors of rights holders (a hosted serial registry, an external endpoint, a
 * GS1 Digital Link resolver), the registered serials (stored only as keyed hashes, so a leaked table
 * gives a counterfeiter no valid serial), the verification history that clone detection reads and
 * rights holders see, each rights holder's verification policy, and the log of calls to endpoints.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table authentication_connectors (
      id uuid primary key default gen_random_uuid(),
      rights_holder_id uuid not null references organisations (id) on delete cascade,
      kind text not null check (kind in ('registry','endpoint','resolver')),
      name text not null,
      brand_id uuid references brands (id) on delete cascade,
      product_id uuid references products (id) on delete cascade,
      active boolean not null default true,
      url text,
      timeout_ms integer,
      signing_secret text,
      -- Registry connectors: serials per pack state, kept up to date by every upload and state change.
      serial_counts jsonb not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((brand_id is null) <> (product_id is null)),
      check ((kind = 'registry') = (url is null)),
      check ((kind = 'endpoint') = (signing_secret is not null and timeout_ms is not null))
    )`.execute(db);
  await sql`create index authentication_connectors_rights_holder on authentication_connectors (rights_holder_id)`.execute(
    db,
  );
  // One active connector per brand and per product, so which one answers is never ambiguous.
  await sql`create unique index authentication_connectors_brand on authentication_connectors (brand_id) where active and brand_id is not null`.execute(
    db,
  );
  await sql`create unique index authentication_connectors_product on authentication_connectors (product_id) where active and product_id is not null`.execute(
    db,
  );

  // Narrow on purpose: ten million rows and more. The hash covers the rights holder's key, the GTIN and the serial.
  await sql`
    create table registered_serials (
      serial_hash bytea primary key,
      connector_id uuid not null references authentication_connectors (id) on delete cascade,
      gtin char(14) not null,
      batch text not null,
      expiry text not null,
      intended_markets text[] not null default '{}',
      state text not null default 'active'
        check (state in ('active','recalled','stolen','destroyed','decommissioned'))
    )`.execute(db);
  await sql`create index registered_serials_batch on registered_serials (connector_id, gtin, batch)`.execute(
    db,
  );

  await sql`
    create table verifications (
      id uuid primary key default gen_random_uuid(),
      rights_holder_id uuid not null references organisations (id) on delete cascade,
      connector_id uuid references authentication_connectors (id) on delete set null,
      brand_id uuid references brands (id) on delete set null,
      serial_hash bytea not null,
      gtin char(14) not null,
      serial_hint text not null,
      batch text,
      expiry text,
      organisation_id uuid not null references organisations (id),
      user_id uuid references users (id) on delete set null,
      country_code char(2) not null,
      verified_at timestamptz not null,
      verdict text not null,
      severity text not null,
      suspicious boolean not null,
      clone jsonb not null default '[]',
      acknowledged_at timestamptz,
      -- When the rights holder's admins were emailed about it (suspicious ones only).
      notified_at timestamptz
    )`.execute(db);
  await sql`create index verifications_serial on verifications (serial_hash, verified_at desc)`.execute(db);
  await sql`create index verifications_rights_holder on verifications (rights_holder_id, verified_at desc)`.execute(
    db,
  );
  await sql`create index verifications_to_notify on verifications (rights_holder_id) where suspicious and notified_at is null`.execute(
    db,
  );
  await sql`create index verifications_suspicious on verifications (rights_holder_id, verified_at desc) where suspicious`.execute(
    db,
  );

  await sql`
    create table verification_policies (
      rights_holder_id uuid primary key references organisations (id) on delete cascade,
      authorities text not null check (authorities in ('all','listed')),
      organisation_ids uuid[] not null default '{}',
      countries text[] not null default '{}',
      rate_per_hour integer not null check (rate_per_hour > 0),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table connector_deliveries (
      id uuid primary key default gen_random_uuid(),
      connector_id uuid not null references authentication_connectors (id) on delete cascade,
      at timestamptz not null,
      outcome text not null,
      http_status integer,
      duration_ms integer not null,
      detail text,
      test boolean not null default false
    )`.execute(db);
  await sql`create index connector_deliveries_connector on connector_deliveries (connector_id, at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'connector_deliveries',
    'verification_policies',
    'verifications',
    'registered_serials',
    'authentication_connectors',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
