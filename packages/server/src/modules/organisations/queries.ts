import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export const ORGANISATION_COLUMNS = [
  'o.id',
  'o.name',
  'o.kind',
  'o.country_code',
  'o.status',
  'o.website',
  'o.created_at',
  'o.decided_at',
  'o.decision_note',
] as const;

function organisationQuery(db: Db) {
  return db
    .selectFrom('organisations as o')
    .select(ORGANISATION_COLUMNS)
    .select([
      sql<number>`(select count(*)::int from memberships m where m.organisation_id = o.id and m.status = 'active')`.as(
        'member_count',
      ),
      sql<string | null>`(select u.email from memberships m join users u on u.id = m.user_id
        where m.organisation_id = o.id and 'admin' = any(m.roles) order by m.created_at limit 1)`.as(
        'admin_email',
      ),
    ]);
}

export function findOrganisation(db: Db, id: string) {
  return organisationQuery(db).where('o.id', '=', id).executeTakeFirst();
}

export type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

export function listOrganisations(
  db: Db,
  filter: { status?: string | undefined; kind?: string | undefined },
) {
  let query = organisationQuery(db).orderBy('o.created_at', 'desc').limit(500);
  if (filter.status) query = query.where('o.status', '=', filter.status as never);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind as never);
  return query.execute();
}

export function toOrganisationView(row: OrganisationRecord) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    countryCode: row.country_code,
    status: row.status,
    website: row.website,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    memberCount: row.member_count,
    adminEmail: row.admin_email,
  };
}

/** People of an organisation holding a role, with what is needed to write to them. */
export function findMembersWithRole(db: Db, organisationId: string, role: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.status', '=', 'active')
    .where(sql<boolean>`${role} = any(m.roles)`)
    .execute();
}

export function listMembers(db: Db, organisationId: string) {
  return listMembersQuery(db, organisationId).orderBy('m.status', 'desc').orderBy('u.name').execute();
}

export function findMember(db: Db, organisationId: string, userId: string) {
  return listMembersQuery(db, organisationId).where('u.id', '=', userId).executeTakeFirst();
}

function listMembersQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.locale',
      'm.roles',
      'm.status',
      'm.note',
      'm.created_at',
      'u.last_sign_in_at',
      'u.totp_enabled_at',
    ])
    .where('m.organisation_id', '=', organisationId);
}

export type MemberRecord = Awaited<ReturnType<typeof listMembers>>[number];

export function toMemberView(row: MemberRecord) {
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    status: row.status,
    twoFactorEnabled: row.totp_enabled_at !== null,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}
