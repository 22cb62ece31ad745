import type { Actor } from '@assay/core';
import type { Db } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/queries.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Legal representative firms appointed by a rights holder. An appointed firm manages the rights
 * holder's portfolio (see `managedRightsHolder` in the portfolio service); appointing and revoking
 * is for the rights holder's own admins.
 */
export function createRepresentationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The rights holder's own members see its representations; others find nothing. */
  function ownRightsHolder(actor: Actor, rightsHolderId: string) {
    if (actor.organisationKind !== 'rights_holder' || actor.organisationId !== rightsHolderId)
      throw notFound('Rights holder');
  }

  function ownAdmin(actor: Actor, rightsHolderId: string) {
    ownRightsHolder(actor, rightsHolderId);
    if (!actor.roles.includes('admin'))
      throw forbidden('Only an admin of the rights holder appoints or revokes legal representatives');
  }

  const listQuery = (executor: Db, rightsHolderId: string) =>
    executor
      .selectFrom('representations as r')
      .innerJoin('organisations as o', 'o.id', 'r.legal_representative_id')
      .select(['o.id', 'o.name', 'o.country_code', 'r.created_at'])
      .where('r.rights_holder_id', '=', rightsHolderId)
      .orderBy('o.name');

  const toView = (row: { id: string; name: string; country_code: string | null; created_at: Date }) => ({
    legalRepresentative: { id: row.id, name: row.name, countryCode: row.country_code },
    createdAt: row.created_at.toISOString(),
  });

  return {
    async representations(actor: Actor, rightsHolderId: string) {
      ownRightsHolder(actor, rightsHolderId);
      return (await listQuery(db, rightsHolderId).execute()).map(toView);
    },

    async appoint(actor: Actor, rightsHolderId: string, legalRepresentativeId: string, ip: string | null) {
      ownAdmin(actor, rightsHolderId);
      try {
        return await db.transaction().execute(async (trx) => {
          const firm = await trx
            .selectFrom('organisations')
            .select(['id', 'name'])
            .where('id', '=', legalRepresentativeId)
            .where('kind', '=', 'legal_representative')
            .where('status', '=', 'active')
            .executeTakeFirst();
          if (!firm) throw invalid('legalRepresentativeId', 'Not an approved legal representative firm');
          await trx
            .insertInto('representations')
            .values({
              legal_representative_id: firm.id,
              rights_holder_id: rightsHolderId,
              created_at: clock.now(),
              created_by: actor.userId,
            })
            .execute();
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: rightsHolderId,
            action: 'representation.appointed',
            target_type: 'organisation',
            target_id: firm.id,
            ip,
            details: { legalRepresentative: firm.name },
          });
          const row = await listQuery(trx, rightsHolderId)
            .where('o.id', '=', firm.id)
            .executeTakeFirstOrThrow();
          return toView(row);
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('This firm already represents you', [
            { path: 'legalRepresentativeId', message: 'Already appointed' },
          ]);
        throw error;
      }
    },

    async revoke(actor: Actor, rightsHolderId: string, legalRepresentativeId: string, ip: string | null) {
      ownAdmin(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('representations')
          .where('rights_holder_id', '=', rightsHolderId)
          .where('legal_representative_id', '=', legalRepresentativeId)
          .returning('legal_representative_id')
          .executeTakeFirst();
        if (!row) throw notFound('Representation');
        await recordAudit(trx, {
          actor_user_id: actor.userId,
          actor_organisation_id: actor.organisationId,
          organisation_id: rightsHolderId,
          action: 'representation.revoked',
          target_type: 'organisation',
          target_id: legalRepresentativeId,
          ip,
        });
      });
    },

    /** For a legal representative firm: the approved rights holders it acts for (none for anyone else). */
    async represented(actor: Actor) {
      if (actor.organisationKind !== 'legal_representative') return [];
      const rows = await db
        .selectFrom('representations as r')
        .innerJoin('organisations as o', 'o.id', 'r.rights_holder_id')
        .select(['o.id', 'o.name', 'o.country_code'])
        .where('r.legal_representative_id', '=', actor.organisationId)
        .where('o.status', '=', 'active')
        .orderBy('o.name')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, countryCode: row.country_code }));
    },
  };
}

export type RepresentationService = ReturnType<typeof createRepresentationService>;
