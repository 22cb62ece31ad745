import type { Actor, VerificationRecordView, VerificationView } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';

/**
 * Where and when a rights holder's codes were verified, as it sees it: the verifying organisation
 * and country, never the officer. Suspicious verifications are its alerts until acknowledged.
 */
export function createVerificationHistory(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, portfolio } = deps;

  const unacknowledged = async (rightsHolderId: string) =>
    (
      await db
        .selectFrom('verifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('rights_holder_id', '=', rightsHolderId)
        .where('suspicious', '=', true)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n;

  return {
    async list(
      actor: Actor,
      rightsHolderId: string,
      query: { suspicious?: boolean; limit: number; before?: string },
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      let select = db
        .selectFrom('verifications as v')
        .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
        .leftJoin('brands as b', 'b.id', 'v.brand_id')
        .select([
          'v.id',
          'v.verified_at',
          'v.country_code',
          'o.name as organisation_name',
          'v.verdict',
          'v.severity',
          'v.suspicious',
          'v.gtin',
          'v.serial_hint',
          'v.batch',
          'b.name as brand_name',
          'v.clone',
          'v.acknowledged_at',
        ])
        .where('v.rights_holder_id', '=', rightsHolderId)
        .orderBy('v.verified_at', 'desc')
        .limit(query.limit);
      if (query.suspicious !== undefined) select = select.where('v.suspicious', '=', query.suspicious);
      if (query.before) select = select.where('v.verified_at', '<', new Date(query.before));
      const rows = await select.execute();
      const verifications: VerificationRecordView[] = rows.map((row) => ({
        id: row.id,
        verifiedAt: row.verified_at.toISOString(),
        country: row.country_code,
        organisationName: row.organisation_name,
        verdict: row.verdict,
        severity: row.severity,
        suspicious: row.suspicious,
        gtin: row.gtin,
        serialHint: row.serial_hint,
        batch: row.batch,
        brandName: row.brand_name,
        clone: row.clone as VerificationView['clone'],
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
      }));
      return { verifications, unacknowledged: Number(await unacknowledged(rightsHolderId)) };
    },

    async acknowledge(actor: Actor, rightsHolderId: string, verificationId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('verifications')
          .set({ acknowledged_at: clock.now() })
          .where('id', '=', verificationId)
          .where('rights_holder_id', '=', rightsHolderId)
          .where('acknowledged_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) {
          const exists = await trx
            .selectFrom('verifications')
            .select('id')
            .where('id', '=', verificationId)
            .where('rights_holder_id', '=', rightsHolderId)
            .executeTakeFirst();
          if (!exists) throw notFound('Verification');
          return;
        }
        await recordActorAudit(
          trx,
          actor,
          rightsHolderId,
          'verification.acknowledged',
          { type: 'verification', id: verificationId },
          ip,
        );
      });
    },

    /** Counts per country (the map) and per day (the timeline) over the last `days`. */
    async summary(actor: Actor, rightsHolderId: string, days: number) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const to = clock.now();
      const from = new Date(to.getTime() - days * 86_400_000);
      const scope = sql`rights_holder_id = ${rightsHolderId} and verified_at > ${from} and verified_at <= ${to}`;
      const [byCountry, byDay] = await Promise.all([
        sql<{ country: string; total: number; suspicious: number }>`
          select country_code as country, count(*)::int as total, count(*) filter (where suspicious)::int as suspicious
          from verifications where ${scope} group by country_code order by total desc, country_code`.execute(
          db,
        ),
        sql<{ day: string; total: number; suspicious: number }>`
          select to_char(verified_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as total,
            count(*) filter (where suspicious)::int as suspicious
          from verifications where ${scope} group by 1 order by 1`.execute(db),
      ]);
      return { from: from.toISOString(), to: to.toISOString(), byCountry: byCountry.rows, byDay: byDay.rows };
    },
  };
}

export type VerificationHistory = ReturnType<typeof createVerificationHistory>;
