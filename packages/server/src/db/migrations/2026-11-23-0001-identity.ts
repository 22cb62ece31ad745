import { type Kysely, sql } from 'kysely';

/** Organisations, people, sessions, invitations, tokens, the audit log and the mail outbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 2 and 200),
      kind text not null check (kind in ('platform_operator','customs','police','other_enforcement',
        'rights_holder','legal_representative','industry_association')),
      country_code char(2) check (country_code ~ '^[A-Z]{2}$'),
      website text,
      status text not null check (status in ('pending','active','rejected','suspended')),
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      decided_by uuid,
      decision_note text,
      check (kind not in ('customs','police','other_enforcement') or country_code is not null)
    )`.execute(db);
  await sql`create unique index organisations_name_unique on organisations (lower(name)) where status <> 'rejected'`.execute(
    db,
  );
  await sql`create index organisations_status on organisations (status, created_at)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      name text not null,
      password_hash text not null,
      locale text not null default 'en',
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      last_sign_in_at timestamptz,
      password_changed_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table memberships (
      user_id uuid primary key references users (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      roles text[] not null check (cardinality(roles) > 0),
      status text not null check (status in ('pending','active','rejected','disabled')),
      note text,
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      decided_by uuid references users (id)
    )`.execute(db);
  await sql`create index memberships_organisation on memberships (organisation_id, status)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      stage text not null check (stage in ('two_factor_required','two_factor_enrolment_required','active')),
      csrf_token text not null,
      pending_totp_secret text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);

  await sql`
    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index recovery_codes_user on recovery_codes (user_id)`.execute(db);

  await sql`
    create table password_resets (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      email text not null,
      roles text[] not null check (cardinality(roles) > 0),
      locale text not null,
      token_hash text not null unique,
      invited_by uuid references users (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index invitations_organisation on invitations (organisation_id, created_at)`.execute(db);

  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      created_by uuid references users (id),
      name text not null,
      scopes text[] not null,
      prefix text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);

  await sql`
    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_organisation_id uuid,
      organisation_id uuid,
      action text not null,
      target_type text,
      target_id text,
      ip text,
      details jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_events_organisation on audit_events (organisation_id, id desc)`.execute(db);
  // The audit log is append-only: the database itself refuses to rewrite history.
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_no_rewrite before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only()`.execute(db);

  await sql`
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      locale text not null,
      template text not null,
      subject text not null,
      text_body text,
      html_body text,
      status text not null check (status in ('held','queued','sent','failed')),
      attempts integer not null default 0,
      last_error text,
      next_attempt_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'queued'`.execute(
    db,
  );

  await sql`
    create table brands (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, name)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'brands',
    'mail_outbox',
    'audit_events',
    'api_tokens',
    'invitations',
    'password_resets',
    'recovery_codes',
    'sessions',
    'memberships',
    'users',
    'organisations',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists audit_events_append_only()`.execute(db);
}
