import { type Kysely, sql } from 'kysely';

/** Replacing a product's guide deletes its indicators by product: without this, a full scan each time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index counterfeit_indicators_product on counterfeit_indicators (product_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists counterfeit_indicators_product`.execute(db);
}
