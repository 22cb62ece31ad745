import type { Selectable } from 'kysely';
import { type Db, executePrepared } from '../../db/database.js';
import type { SessionStage, SessionTable } from '../../db/schema.js';

const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.locale',
  'users.password_hash',
  'users.totp_secret',
  'users.totp_enabled_at',
  'users.totp_last_step',
  'users.failed_sign_ins',
  'users.locked_until',
] as const;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** The person's membership and its organisation, or undefined for someone in none. */
export function findMembership(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.roles',
      'm.status',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.country_code as organisation_country_code',
      'o.status as organisation_status',
    ])
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export type MembershipRecord = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: string;
    stage: SessionStage;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      stage: session.stage,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}

/** A session as a request sees it. */
export type SessionRecord = Pick<
  Selectable<SessionTable>,
  | 'id'
  | 'user_id'
  | 'stage'
  | 'csrf_token'
  | 'pending_totp_secret'
  | 'created_at'
  | 'expires_at'
  | 'last_seen_at'
>;

/**
 * A session with its person and their membership (or null), in one round trip: every signed-in
 * request resolves one, so this is the floor of every endpoint's latency.
 */
export async function findSessionWithPerson(db: Db, id: string) {
  const query = db
    .selectFrom('sessions as s')
    .innerJoin('users', 'users.id', 's.user_id')
    .leftJoin('memberships as m', 'm.user_id', 'users.id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      's.id as session_id',
      's.stage',
      's.csrf_token',
      's.pending_totp_secret',
      's.created_at as session_created_at',
      's.expires_at',
      's.last_seen_at',
      ...USER_COLUMNS,
      'm.roles',
      'm.status as membership_status',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.country_code as organisation_country_code',
      'o.status as organisation_status',
    ])
    .where('s.id', '=', id);
  // Every signed-in request runs this: prepared once per connection on PostgreSQL.
  const [row] = (await executePrepared(db, 'session_with_person', query.compile())).rows;
  if (!row) return undefined;
  const session: SessionRecord = {
    id: row.session_id,
    user_id: row.id,
    stage: row.stage,
    csrf_token: row.csrf_token,
    pending_totp_secret: row.pending_totp_secret,
    created_at: row.session_created_at,
    expires_at: row.expires_at,
    last_seen_at: row.last_seen_at,
  };
  const user: UserRecord = {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    password_hash: row.password_hash,
    totp_secret: row.totp_secret,
    totp_enabled_at: row.totp_enabled_at,
    totp_last_step: row.totp_last_step,
    failed_sign_ins: row.failed_sign_ins,
    locked_until: row.locked_until,
  };
  const membership: MembershipRecord | null =
    row.membership_status &&
    row.roles &&
    row.organisation_id &&
    row.organisation_kind &&
    row.organisation_status
      ? {
          roles: row.roles,
          status: row.membership_status,
          organisation_id: row.organisation_id,
          organisation_name: row.organisation_name!,
          organisation_kind: row.organisation_kind,
          organisation_country_code: row.organisation_country_code,
          organisation_status: row.organisation_status,
        }
      : null;
  return { session, user, membership };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Mark an unused recovery code as used; true when one matched. */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
