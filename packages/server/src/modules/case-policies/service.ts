import {
  type Actor,
  type CasePolicyBody,
  type CasePolicyView,
  DEFAULT_CASE_POLICY,
  isEnforcementKind,
} from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { forbidden } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit } from '../audit/queries.js';

const columns = [
  'country_code',
  'answer_days',
  'perishable_days',
  'time_zone',
  // A date[] would come back as JavaScript dates at the server's midnight: read the calendar dates as text.
  sql<string[]>`holidays::text[]`.as('holidays'),
  'weekend',
  'updated_at',
] as const;

/**
 * Each country's detention-procedure policy, which case deadlines follow: working days for the
 * rights holder's answer (and for perishable goods), the public holidays, the weekend and the
 * offices' time zone. Anyone signed in may read one (the deadlines bind both sides); the platform
 * operator or a national coordinator of that country changes it, and each change is audited.
 */
export function createCasePolicyService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  const view = (
    countryCode: string,
    row: {
      answer_days: number;
      perishable_days: number;
      time_zone: string;
      holidays: string[];
      weekend: number[];
      updated_at: Date;
    } | null,
  ): CasePolicyView =>
    row
      ? {
          countryCode,
          answerDays: row.answer_days,
          perishableDays: row.perishable_days,
          timeZone: row.time_zone,
          holidays: row.holidays,
          weekend: row.weekend,
          isDefault: false,
          updatedAt: row.updated_at.toISOString(),
        }
      : { countryCode, ...DEFAULT_CASE_POLICY, isDefault: true, updatedAt: null };

  /** The operator, or a national coordinator of an enforcement organisation of that country. */
  async function requireEditor(actor: Actor, countryCode: string) {
    if (actor.organisationKind === 'platform_operator' && actor.roles.includes('admin')) return;
    if (isEnforcementKind(actor.organisationKind) && actor.roles.includes('national_coordinator')) {
      const organisation = await db
        .selectFrom('organisations')
        .select('country_code')
        .where('id', '=', actor.organisationId)
        .executeTakeFirstOrThrow();
      if (organisation.country_code === countryCode) return;
    }
    throw forbidden("Only the platform operator or the country's national coordinator sets its case policy");
  }

  return {
    async list() {
      const rows = await db.selectFrom('case_policies').select(columns).orderBy('country_code').execute();
      return { policies: rows.map((row) => view(row.country_code, row)) };
    },

    async get(countryCode: string) {
      const row = await db
        .selectFrom('case_policies')
        .select(columns)
        .where('country_code', '=', countryCode)
        .executeTakeFirst();
      return view(countryCode, row ?? null);
    },

    async set(actor: Actor, countryCode: string, body: CasePolicyBody, ip: string | null) {
      await requireEditor(actor, countryCode);
      const row = {
        answer_days: body.answerDays,
        perishable_days: body.perishableDays,
        time_zone: body.timeZone,
        holidays: body.holidays,
        weekend: body.weekend,
        updated_by: actor.userId,
        updated_at: clock.now(),
      };
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_policies')
          .values({ country_code: countryCode, ...row })
          .onConflict((oc) => oc.column('country_code').doUpdateSet(row))
          .execute();
        await recordActorAudit(
          trx,
          actor,
          actor.organisationId,
          'case_policy.changed',
          { type: 'country', id: null },
          ip,
          { countryCode, ...body },
        );
        const saved = await trx
          .selectFrom('case_policies')
          .select(columns)
          .where('country_code', '=', countryCode)
          .executeTakeFirstOrThrow();
        return view(countryCode, saved);
      });
    },
  };
}

export type CasePolicyService = ReturnType<typeof createCasePolicyService>;
