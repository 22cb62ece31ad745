import type { Actor, IpRightBody, IpRightType, RecordationBody, RecordationStatus } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import { requireOwned } from '../portfolio/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { dayOf, ipRightQuery, recordationQuery, toIpRightView, toRecordationView } from './queries.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** IP rights of a rights holder and its customs recordations (applications for action). */
export function createIpRightService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, portfolio } = deps;

  const audit = recordActorAudit;

  async function loadIpRight(executor: Db, rightsHolderId: string, ipRightId: string) {
    const row = await ipRightQuery(executor)
      .where('r.id', '=', ipRightId)
      .where('r.organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('IP right');
    return row;
  }

  async function loadRecordation(executor: Db, rightsHolderId: string, recordationId: string) {
    const row = await recordationQuery(executor)
      .where('c.id', '=', recordationId)
      .where('c.organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('Recordation');
    return row;
  }

  return {
    async ipRights(
      actor: Actor,
      rightsHolderId: string,
      filter: { type?: IpRightType | undefined; brandId?: string | undefined },
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      let query = ipRightQuery(db)
        .where('r.organisation_id', '=', rightsHolderId)
        .orderBy('r.type')
        .orderBy('r.office')
        .orderBy('r.registration_number');
      if (filter.type) query = query.where('r.type', '=', filter.type);
      if (filter.brandId) query = query.where('r.brand_id', '=', filter.brandId);
      return (await query.execute()).map(toIpRightView);
    },

    async ipRight(actor: Actor, rightsHolderId: string, ipRightId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return toIpRightView(await loadIpRight(db, rightsHolderId, ipRightId));
    },

    async saveIpRight(
      actor: Actor,
      rightsHolderId: string,
      ipRightId: string | null,
      body: IpRightBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      try {
        return await db.transaction().execute(async (trx) => {
          if (body.brandId) await requireOwned(trx, 'brands', body.brandId, rightsHolderId, 'brandId');
          const values = {
            type: body.type,
            registration_number: body.registrationNumber,
            office: body.office,
            classes: body.classes,
            owner_name: body.ownerName,
            valid_from: body.validFrom ?? null,
            valid_to: body.validTo ?? null,
            brand_id: body.brandId ?? null,
          };
          const row = ipRightId
            ? await trx
                .updateTable('ip_rights')
                .set(values)
                .where('id', '=', ipRightId)
                .where('organisation_id', '=', rightsHolderId)
                .returning('id')
                .executeTakeFirst()
            : await trx
                .insertInto('ip_rights')
                .values({ ...values, organisation_id: rightsHolderId, created_at: clock.now() })
                .returning('id')
                .executeTakeFirstOrThrow();
          if (!row) throw notFound('IP right');
          await audit(
            trx,
            actor,
            rightsHolderId,
            ipRightId ? 'ip_right.updated' : 'ip_right.created',
            { type: 'ip_right', id: row.id },
            ip,
            { type: body.type, office: body.office, registrationNumber: body.registrationNumber },
          );
          return toIpRightView(await loadIpRight(trx, rightsHolderId, row.id));
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('This office already has an IP right with this registration number here', [
            { path: 'registrationNumber', message: 'Already recorded' },
          ]);
        throw error;
      }
    },

    /** Remove an IP right; recordations resting on it stay, without it. */
    async deleteIpRight(actor: Actor, rightsHolderId: string, ipRightId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('ip_rights')
          .where('id', '=', ipRightId)
          .where('organisation_id', '=', rightsHolderId)
          .returning(['id', 'registration_number', 'office'])
          .executeTakeFirst();
        if (!row) throw notFound('IP right');
        await audit(trx, actor, rightsHolderId, 'ip_right.deleted', { type: 'ip_right', id: row.id }, ip, {
          office: row.office,
          registrationNumber: row.registration_number,
        });
      });
    },

    async recordations(
      actor: Actor,
      rightsHolderId: string,
      filter: {
        status?: RecordationStatus | undefined;
        countryCode?: string | undefined;
        ipRightId?: string | undefined;
        expiringSoon?: boolean | undefined;
      },
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const today = dayOf(clock.now());
      let query = recordationQuery(db)
        .where('c.organisation_id', '=', rightsHolderId)
        .orderBy(sql`c.valid_to asc nulls last`)
        .orderBy('c.country_code')
        .orderBy('c.reference');
      if (filter.status) query = query.where('c.status', '=', filter.status);
      if (filter.countryCode) query = query.where('c.country_code', '=', filter.countryCode);
      if (filter.ipRightId) query = query.where('c.ip_right_id', '=', filter.ipRightId);
      const views = (await query.execute()).map((row) => toRecordationView(row, today));
      return filter.expiringSoon === undefined
        ? views
        : views.filter((view) => view.expiringSoon === filter.expiringSoon);
    },

    async recordation(actor: Actor, rightsHolderId: string, recordationId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return toRecordationView(await loadRecordation(db, rightsHolderId, recordationId), dayOf(clock.now()));
    },

    /**
     * Create or change a recordation. A new end date or status re-arms the expiry reminder: an
     * extended recordation is reminded of again before its new end.
     */
    async saveRecordation(
      actor: Actor,
      rightsHolderId: string,
      recordationId: string | null,
      body: RecordationBody,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return db.transaction().execute(async (trx) => {
        if (body.ipRightId) {
          const right = await trx
            .selectFrom('ip_rights')
            .select('id')
            .where('id', '=', body.ipRightId)
            .where('organisation_id', '=', rightsHolderId)
            .executeTakeFirst();
          if (!right) throw invalid('ipRightId', 'No such IP right in this portfolio');
        }
        const values = {
          country_code: body.countryCode,
          reference: body.reference,
          status: body.status,
          valid_from: body.validFrom ?? null,
          valid_to: body.validTo ?? null,
          ip_right_id: body.ipRightId ?? null,
        };
        let id: string;
        if (recordationId) {
          const before = await loadRecordation(trx, rightsHolderId, recordationId);
          const rearm = before.valid_to !== values.valid_to || before.status !== values.status;
          await trx
            .updateTable('recordations')
            .set({ ...values, ...(rearm ? { reminded_at: null } : {}) })
            .where('id', '=', recordationId)
            .execute();
          id = recordationId;
        } else {
          id = (
            await trx
              .insertInto('recordations')
              .values({ ...values, organisation_id: rightsHolderId, created_at: clock.now() })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        }
        await audit(
          trx,
          actor,
          rightsHolderId,
          recordationId ? 'recordation.updated' : 'recordation.created',
          { type: 'recordation', id },
          ip,
          { countryCode: body.countryCode, reference: body.reference, status: body.status },
        );
        return toRecordationView(await loadRecordation(trx, rightsHolderId, id), dayOf(clock.now()));
      });
    },

    async deleteRecordation(actor: Actor, rightsHolderId: string, recordationId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('recordations')
          .where('id', '=', recordationId)
          .where('organisation_id', '=', rightsHolderId)
          .returning(['id', 'country_code', 'reference'])
          .executeTakeFirst();
        if (!row) throw notFound('Recordation');
        await audit(
          trx,
          actor,
          rightsHolderId,
          'recordation.deleted',
          { type: 'recordation', id: row.id },
          ip,
          { countryCode: row.country_code, reference: row.reference },
        );
      });
    },
  };
}

export type IpRightService = ReturnType<typeof createIpRightService>;
