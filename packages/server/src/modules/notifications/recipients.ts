import type { Locale } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

function activeMembers(trx: Db) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale'])
    .where('m.status', '=', 'active')
    .where('o.status', '=', 'active');
}

/** Each person once, in a stable order, whatever the number of ways they were reached. */
export function distinct(recipients: Recipient[]): Recipient[] {
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Who answers for rights holders: their active people and those of the legal representatives they
 * appointed (who answer on their behalf). Another rights holder of the same group is not told.
 */
export async function rightsHolderSide(trx: Db, rightsHolderIds: readonly string[]): Promise<Recipient[]> {
  if (rightsHolderIds.length === 0) return [];
  const ids = [...rightsHolderIds];
  const rows = await activeMembers(trx)
    // Both roles of these organisations handle cases: admins and brand-protection members.
    .where(sql<boolean>`m.roles && array['admin', 'member']::text[]`)
    .where((eb) =>
      eb.or([
        eb('m.organisation_id', 'in', ids),
        eb(
          'm.organisation_id',
          'in',
          eb
            .selectFrom('representations as r')
            .select('r.legal_representative_id')
            .where('r.rights_holder_id', 'in', ids),
        ),
      ]),
    )
    .execute();
  return distinct(rows);
}

/**
 * Who acts for the authority that opened a case: the officer who opened it while still an active
 * member there; otherwise (no opener, or they left) the authority's national coordinators.
 */
export async function enforcementSide(
  trx: Db,
  organisationId: string,
  openedBy: string | null,
): Promise<Recipient[]> {
  if (openedBy) {
    const opener = await activeMembers(trx)
      .where('m.organisation_id', '=', organisationId)
      .where('m.user_id', '=', openedBy)
      .execute();
    if (opener.length) return opener;
  }
  const coordinators = await activeMembers(trx)
    .where('m.organisation_id', '=', organisationId)
    .where(sql<boolean>`'national_coordinator' = any(m.roles)`)
    .execute();
  return distinct(coordinators);
}

/** The people of organisations (any side) with an active membership: to leave a message's authors out. */
export async function membersOf(trx: Db, organisationIds: readonly string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', 'in', [...organisationIds])
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((row) => row.user_id));
}
