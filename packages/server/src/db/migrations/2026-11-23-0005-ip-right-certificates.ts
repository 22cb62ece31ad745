import { type Kysely, sql } from 'kysely';

/** The registration certificate of an IP right: a PDF, or a scan re-encoded like every image. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table ip_rights
      add column certificate_key text,
      add column certificate_type text check (certificate_type in ('application/pdf','image/webp')),
      add column certificate_bytes integer,
      add column certificate_uploaded_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table ip_rights
      drop column certificate_key, drop column certificate_type,
      drop column certificate_bytes, drop column certificate_uploaded_at`.execute(db);
}
