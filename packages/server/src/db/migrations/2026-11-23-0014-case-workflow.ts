import { type Kysely, sql } from 'kysely';

/**
 * The case workflow: statuses and deadlines on the case, the rights holders' answers, the
 * conversation and its attachments, the trail of every change, the non-nominal seizure records a
 * closed case leaves for statistics, and in-app notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update cases set status = 'awaiting_answer' where status = 'open'`.execute(db);
  await sql`
    alter table cases
      alter column status set default 'awaiting_answer',
      add constraint cases_status check (status in ('awaiting_answer','information_requested','answered',
        'detained','destruction_pending','court_proceedings','released','destroyed','handed_over')),
      add column perishable boolean not null default false,
      add column answer_deadline timestamptz,
      add column declarant_consents boolean not null default false,
      add column declarant_deadline timestamptz,
      add column court_ordered_destruction boolean not null default false,
      add column handed_over_to text,
      add column reminder_sent_at timestamptz,
      add column expiry_noticed_at timestamptz,
      add column closed_at timestamptz`.execute(db);
  await sql`create index cases_open_deadline on cases (answer_deadline) where closed_at is null`.execute(db);

  await sql`
    create table case_answers (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id) on delete cascade,
      rights_holder_id uuid not null references organisations (id),
      organisation_id uuid not null references organisations (id),
      answered_by uuid references users (id) on delete set null,
      answer text not null check (answer in ('genuine','counterfeit','cannot_tell','parallel_import')),
      reasons jsonb not null default '[]',
      consents_to_destruction boolean not null default false,
      language text,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index case_answers_case on case_answers (case_id, created_at)`.execute(db);

  await sql`
    create table case_attachments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      uploaded_by uuid references users (id) on delete set null,
      message_id uuid,
      storage_key text not null,
      file_name text not null,
      content_type text not null,
      size integer not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index case_attachments_case on case_attachments (case_id, created_at)`.execute(db);

  await sql`
    create table case_messages (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      author_id uuid references users (id) on delete set null,
      body text not null,
      language text,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index case_messages_case on case_messages (case_id, created_at)`.execute(db);

  await sql`
    create table case_events (
      id bigint generated always as identity primary key,
      case_id uuid not null references cases (id) on delete cascade,
      event text not null,
      from_status text,
      to_status text not null,
      organisation_id uuid references organisations (id),
      user_id uuid references users (id) on delete set null,
      details jsonb not null default '{}',
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index case_events_case on case_events (case_id, id)`.execute(db);

  // No names of people or companies: only what statistics count.
  await sql`
    create table seizure_records (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id) on delete cascade,
      seized_on date not null,
      country_code char(2) not null,
      office text,
      transport_mode text,
      origin_country char(2),
      destination_country char(2),
      hs_code text,
      category text,
      brand_id uuid references brands (id) on delete set null,
      brand_name text,
      rights_holder_id uuid references organisations (id),
      quantity integer not null,
      estimated_value numeric(16, 2),
      currency char(3),
      detection_origin text not null,
      outcome text not null,
      small_consignment boolean not null default false,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index seizure_records_seized on seizure_records (seized_on)`.execute(db);
  await sql`create index seizure_records_rights_holder on seizure_records (rights_holder_id, seized_on)`.execute(
    db,
  );

  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      case_id uuid references cases (id) on delete cascade,
      params jsonb not null default '{}',
      read_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index notifications_user on notifications (user_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notifications',
    'seizure_records',
    'case_events',
    'case_messages',
    'case_attachments',
    'case_answers',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`
    alter table cases
      drop constraint cases_status,
      drop column perishable, drop column answer_deadline, drop column declarant_consents,
      drop column declarant_deadline, drop column court_ordered_destruction, drop column handed_over_to,
      drop column reminder_sent_at, drop column expiry_noticed_at, drop column closed_at,
      alter column status set default 'open'`.execute(db);
}
