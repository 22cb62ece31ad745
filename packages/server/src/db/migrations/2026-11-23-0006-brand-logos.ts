import { type Kysely, sql } from 'kysely';

/** A brand's logo: one of the rights holder's images, shown with the company information. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table brands add column logo_image_id uuid references images (id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table brands drop column logo_image_id`.execute(db);
}
