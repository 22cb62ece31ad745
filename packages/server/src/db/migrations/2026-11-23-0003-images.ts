import { type Kysely, sql } from 'kysely';

/**
 * Uploaded images of a rights holder (re-encoded renditions in blob storage, named by key), the
 * ordered image gallery of each product, and the genuine / counterfeit image of each guide point.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table images (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      kind text not null check (kind in ('product','packaging','label','security_feature','genuine','counterfeit','certificate')),
      content_type text not null,
      width integer not null check (width > 0),
      height integer not null check (height > 0),
      bytes integer not null check (bytes > 0),
      thumbnail_key text not null,
      display_key text not null,
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    )`.execute(db);
  await sql`create index images_organisation on images (organisation_id, created_at)`.execute(db);

  await sql`
    create table product_images (
      product_id uuid not null references products (id) on delete cascade,
      position integer not null,
      image_id uuid not null references images (id),
      kind text not null check (kind in ('product','packaging','label','security_feature','genuine','counterfeit','certificate')),
      primary key (product_id, position)
    )`.execute(db);
  await sql`create index product_images_image on product_images (image_id)`.execute(db);

  await sql`
    alter table guide_points
      add column genuine_image_id uuid references images (id),
      add column counterfeit_image_id uuid references images (id)`.execute(db);
  await sql`create index guide_points_genuine_image on guide_points (genuine_image_id) where genuine_image_id is not null`.execute(
    db,
  );
  await sql`create index guide_points_counterfeit_image on guide_points (counterfeit_image_id) where counterfeit_image_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table guide_points drop column genuine_image_id, drop column counterfeit_image_id`.execute(
    db,
  );
  await sql`drop table if exists product_images`.execute(db);
  await sql`drop table if exists images`.execute(db);
}
