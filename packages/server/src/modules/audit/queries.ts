import type { Actor } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NewAuditEvent } from '../../db/schema.js';

/** Append one event to the audit log, inside the caller's transaction when given one. */
export async function recordAudit(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

export interface AuditFilter {
  organisationId?: string | undefined;
  action?: string | undefined;
  before?: number | undefined;
  limit: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      sql<string>`e.id::text`.as('id'),
      'e.at',
      'e.actor_user_id',
      'u.name as actor_name',
      'e.actor_organisation_id',
      'e.organisation_id',
      'e.action',
      'e.target_type',
      'e.target_id',
      'e.ip',
      'e.details',
    ])
    .orderBy('e.id', 'desc')
    .limit(filter.limit);
  if (filter.organisationId) query = query.where('e.organisation_id', '=', filter.organisationId);
  if (filter.action) query = query.where('e.action', '=', filter.action);
  if (filter.before) query = query.where(sql<boolean>`e.id < ${filter.before}`);
  return query.execute();
}

/** Append what a signed-in actor did to a record of `organisationId` (whose admins may read it). */
export function recordActorAudit(
  db: Db,
  actor: Pick<Actor, 'userId' | 'organisationId'>,
  organisationId: string,
  action: string,
  target: { type: string; id: string | null },
  ip: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(db, {
    actor_user_id: actor.userId,
    actor_organisation_id: actor.organisationId,
    organisation_id: organisationId,
    action,
    target_type: target.type,
    target_id: target.id,
    ip,
    details,
  });
}
