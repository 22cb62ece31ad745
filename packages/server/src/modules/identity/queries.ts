import type { Db } from '../../db/database.js';
import type { SessionStage } from '../../db/schema.js';

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

export function findSession(db: Db, id: string) {
  return db
    .selectFrom('sessions')
    .select([
      'id',
      'user_id',
      'stage',
      'csrf_token',
      'pending_totp_secret',
      'created_at',
      'expires_at',
      'last_seen_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type SessionRecord = NonNullable<Awaited<ReturnType<typeof findSession>>>;

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
