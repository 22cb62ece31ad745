import type { Locale, OrganisationKind, OrganisationStatus, Role } from '@assay/core';
import type { Generated, Insertable, Selectable } from 'kysely';

/** Row types of every table, as Kysely sees them. Column names are snake_case in SQL and here. */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  mail_outbox: MailOutboxTable;
  brands: BrandTable;
}

type Timestamp = Date;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  country_code: string | null;
  website: string | null;
  status: OrganisationStatus;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_note: string | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  locale: Locale;
  /** TOTP secret, encrypted with the app secret (see lib/secret-box.ts). */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Timestamp>;
  last_sign_in_at: Timestamp | null;
  password_changed_at: Generated<Timestamp>;
}

export type MembershipStatus = 'pending' | 'active' | 'rejected' | 'disabled';

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  roles: Role[];
  status: MembershipStatus;
  note: string | null;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export type SessionStage = 'two_factor_required' | 'two_factor_enrolment_required' | 'active';

export interface SessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  stage: SessionStage;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
  ip: string | null;
  user_agent: string | null;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  roles: Role[];
  locale: Locale;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string | null;
  name: string;
  scopes: string[];
  prefix: string;
  token_hash: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Timestamp>;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  /** Whose records these are: the organisation whose admins may read the event. */
  organisation_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Generated<Record<string, unknown>>;
}

export type MailStatus = 'held' | 'queued' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  locale: string;
  template: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Generated<Timestamp>;
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
}

export interface BrandTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_at: Generated<Timestamp>;
}

export type UserRow = Selectable<UserTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
