import type { Actor } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { conflict } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * The GS1 company prefixes a rights holder declares, so that an officer scanning an unknown GTIN
 * learns whose it claims to be. Managed like the rest of the portfolio (its members and its legal
 * representatives); one prefix belongs to one rights holder.
 */
export function createCompanyPrefixService(deps: {
  db: Db;
  clock: Clock;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, portfolio } = deps;

  const list = (executor: Db, rightsHolderId: string) =>
    executor
      .selectFrom('company_prefixes')
      .select(['prefix', 'created_at'])
      .where('rights_holder_id', '=', rightsHolderId)
      .orderBy('prefix')
      .execute();

  const view = (rows: Awaited<ReturnType<typeof list>>) => ({
    prefixes: rows.map((row) => ({ prefix: row.prefix, createdAt: row.created_at.toISOString() })),
  });

  /** A prefix another rights holder declared: 409 naming the field. */
  const takenAt = (index: number) =>
    conflict('This GS1 company prefix is, contains or is part of one declared by another rights holder', [
      { path: `prefixes.${index}`, message: 'Declared by another rights holder' },
    ]);

  return {
    async prefixes(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return view(await list(db, rightsHolderId));
    },

    /** Replace the whole list; prefixes kept keep their date. */
    async replacePrefixes(actor: Actor, rightsHolderId: string, prefixes: string[], ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      try {
        return await db.transaction().execute(async (trx) => {
          if (prefixes.length) {
            // Nested prefixes overlap: the longest wins a lookup, so 40063810 inside another's
            // 400638 would redirect officers to the wrong company. Either way round is refused.
            const taken = await trx
              .selectFrom('company_prefixes')
              .select('prefix')
              .where('rights_holder_id', '<>', rightsHolderId)
              .where((eb) =>
                eb.or(
                  prefixes.map((prefix) =>
                    eb.or([
                      eb(sql.val(prefix), 'like', sql<string>`company_prefixes.prefix || '%'`),
                      eb('prefix', 'like', `${prefix}%`),
                    ]),
                  ),
                ),
              )
              .executeTakeFirst();
            if (taken) {
              const overlapping = (prefix: string) =>
                prefix.startsWith(taken.prefix) || taken.prefix.startsWith(prefix);
              throw takenAt(prefixes.findIndex(overlapping));
            }
          }
          const before = (await list(trx, rightsHolderId)).map((row) => row.prefix);
          const removed = before.filter((prefix) => !prefixes.includes(prefix));
          const added = prefixes.filter((prefix) => !before.includes(prefix));
          if (removed.length)
            await trx
              .deleteFrom('company_prefixes')
              .where('rights_holder_id', '=', rightsHolderId)
              .where('prefix', 'in', removed)
              .execute();
          if (added.length)
            await trx
              .insertInto('company_prefixes')
              .values(
                added.map((prefix) => ({
                  prefix,
                  rights_holder_id: rightsHolderId,
                  created_at: clock.now(),
                  created_by: actor.userId,
                })),
              )
              .execute();
          if (added.length || removed.length)
            await recordActorAudit(
              trx,
              actor,
              rightsHolderId,
              'company_prefixes.changed',
              { type: 'organisation', id: rightsHolderId },
              ip,
              { added, removed },
            );
          return view(await list(trx, rightsHolderId));
        });
      } catch (error) {
        // Declared by someone else between our check and our insert.
        if (isUniqueViolation(error)) throw takenAt(0);
        throw error;
      }
    },
  };
}

export type CompanyPrefixService = ReturnType<typeof createCompanyPrefixService>;
