import { type Kysely, sql } from 'kysely';

/** Each country's detention-procedure policy: answer deadlines in working days, its holidays and time zone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_policies (
      country_code char(2) primary key,
      answer_days integer not null check (answer_days between 1 and 60),
      perishable_days integer not null check (perishable_days between 1 and 60),
      time_zone text not null,
      holidays date[] not null default '{}',
      weekend smallint[] not null default '{0,6}',
      updated_by uuid references users (id) on delete set null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_policies`.execute(db);
}
