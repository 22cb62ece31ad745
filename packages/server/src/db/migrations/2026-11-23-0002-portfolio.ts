import { type Kysely, sql } from 'kysely';

/**
 * The rights holder's portfolio: brands, IP rights and recordations, products with their GTINs,
 * guide points and counterfeit indicators, supply chain, contacts, sharing and guide views.
 * Texts a reader sees in their language are jsonb `{ original, texts: { lang: text } }`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table brands
      add column aliases text[] not null default '{}',
      add column categories text[] not null default '{}',
      add column updated_at timestamptz not null default now()`.execute(db);

  await sql`
    create table representations (
      legal_representative_id uuid not null references organisations (id),
      rights_holder_id uuid not null references organisations (id),
      created_at timestamptz not null default now(),
      created_by uuid references users (id),
      primary key (legal_representative_id, rights_holder_id)
    )`.execute(db);

  await sql`
    create table ip_rights (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      brand_id uuid references brands (id) on delete set null,
      type text not null check (type in ('trademark','design','patent','copyright','geographical_indication','plant_variety')),
      registration_number text not null,
      office text not null,
      classes integer[] not null default '{}',
      owner_name text not null,
      valid_from date,
      valid_to date,
      created_at timestamptz not null default now(),
      unique (organisation_id, office, registration_number)
    )`.execute(db);

  await sql`
    create table recordations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      ip_right_id uuid references ip_rights (id) on delete set null,
      country_code char(2) not null,
      reference text not null,
      status text not null check (status in ('filed','granted','expired','refused','withdrawn')),
      valid_from date,
      valid_to date,
      reminded_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index recordations_expiry on recordations (valid_to) where status = 'granted'`.execute(db);

  await sql`
    create table products (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      brand_id uuid not null references brands (id),
      reference text not null,
      name jsonb not null,
      description jsonb,
      packaging jsonb,
      category text not null,
      hs_codes text[] not null default '{}',
      countries_of_manufacture text[] not null default '{}',
      length_mm integer, width_mm integer, height_mm integer, weight_g integer,
      price_min numeric(12,2), price_max numeric(12,2), currency char(3),
      status text not null default 'active' check (status in ('active','discontinued','recalled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organisation_id, reference),
      check (price_min is null or price_max is null or price_min <= price_max)
    )`.execute(db);
  await sql`create index products_brand on products (brand_id)`.execute(db);

  await sql`
    create table product_identifiers (
      product_id uuid not null references products (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      gtin char(14) not null check (gtin ~ '^[0-9]{14}$'),
      level text not null check (level in ('item','inner_pack','case')),
      primary key (product_id, gtin),
      unique (organisation_id, gtin)
    )`.execute(db);
  await sql`create index product_identifiers_gtin on product_identifiers (gtin)`.execute(db);

  await sql`
    create table guide_points (
      id uuid primary key default gen_random_uuid(),
      product_id uuid not null references products (id) on delete cascade,
      position integer not null,
      title jsonb not null,
      body jsonb not null,
      visibility text not null check (visibility in ('overt','covert')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index guide_points_product on guide_points (product_id, position)`.execute(db);

  await sql`
    create table counterfeit_indicators (
      id uuid primary key default gen_random_uuid(),
      product_id uuid not null references products (id) on delete cascade,
      kind text not null check (kind in ('defect','material','price','source','route','other')),
      text jsonb not null
    )`.execute(db);

  await sql`
    create table supply_chain_entries (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      product_id uuid references products (id) on delete cascade,
      role text not null check (role in ('manufacturer','exporter','importer','distributor','licensee','carrier')),
      name text not null,
      country_code char(2) not null,
      eori text,
      tax_number text,
      address text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index supply_chain_organisation on supply_chain_entries (organisation_id, product_id)`.execute(
    db,
  );

  await sql`
    create table supply_routes (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      product_id uuid references products (id) on delete cascade,
      origin_country char(2) not null,
      transit_countries text[] not null default '{}',
      destination_country char(2) not null,
      ports text[] not null default '{}',
      carriers text[] not null default '{}',
      transport_mode text check (transport_mode in ('AIR','SEA','ROAD','RAIL','POST','COURIER'))
    )`.execute(db);

  await sql`
    create table contacts (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      name text not null,
      title text,
      email text,
      phone text,
      countries text[] not null default '{}',
      languages text[] not null default '{}',
      always_available boolean not null default false,
      hours text,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table product_shares (
      id uuid primary key default gen_random_uuid(),
      product_id uuid not null references products (id) on delete cascade,
      target_kind text not null check (target_kind in ('all','country','organisation')),
      country_code char(2),
      target_organisation_id uuid references organisations (id),
      includes_covert boolean not null default false,
      created_at timestamptz not null default now(),
      check ((target_kind = 'country') = (country_code is not null)),
      check ((target_kind = 'organisation') = (target_organisation_id is not null)),
      check (not includes_covert or target_kind = 'organisation')
    )`.execute(db);
  await sql`create unique index product_shares_unique on product_shares
    (product_id, target_kind, coalesce(country_code, ''), coalesce(target_organisation_id::text, ''))`.execute(
    db,
  );

  await sql`
    create table guide_views (
      id bigint generated always as identity primary key,
      product_id uuid not null references products (id) on delete cascade,
      viewer_organisation_id uuid not null references organisations (id),
      viewer_country char(2),
      viewed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index guide_views_product on guide_views (product_id, viewed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'guide_views',
    'product_shares',
    'contacts',
    'supply_routes',
    'supply_chain_entries',
    'counterfeit_indicators',
    'guide_points',
    'product_identifiers',
    'products',
    'recordations',
    'ip_rights',
    'representations',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table brands drop column aliases, drop column categories, drop column updated_at`.execute(
    db,
  );
}
