import { type Locale, RECORDATION_REMINDER_DAYS } from '@assay/core';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import { findMembersWithRole } from '../organisations/queries.js';
import { dayOf } from './queries.js';

/** How often `serve` looks for recordations to remind of. */
export const RECORDATION_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

function calendarDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * The job that warns a rights holder's admins, by email in their language, that a granted
 * recordation ends within {@link RECORDATION_REMINDER_DAYS} days. A recordation is claimed (its
 * `reminded_at` set) and its emails queued in one transaction, so it is reminded of once, even
 * with several servers running the job; changing its end date or status re-arms it.
 */
export function createRecordationReminder(deps: {
  db: Db;
  clock: Clock;
  mail: MailSettings & { afterCommit(): void };
  publicUrl: string;
  log?: Logger;
}) {
  return async function remindExpiringRecordations(): Promise<{ recordations: number; emails: number }> {
    const now = deps.clock.now();
    const today = dayOf(now);
    const result = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('recordations')
        .set({ reminded_at: now })
        .where('status', '=', 'granted')
        .where('reminded_at', 'is', null)
        .where(
          sql<boolean>`valid_to between ${today}::date and ${today}::date + ${RECORDATION_REMINDER_DAYS}::int`,
        )
        .returning([
          'id',
          'organisation_id',
          'country_code',
          'reference',
          sql<string>`valid_to::text`.as('valid_to'),
        ])
        .execute();
      let emails = 0;
      for (const recordation of claimed) {
        const organisation = await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', recordation.organisation_id)
          .executeTakeFirstOrThrow();
        for (const admin of await findMembersWithRole(trx, recordation.organisation_id, 'admin')) {
          await queueMail(trx, deps.mail, {
            to: admin.email,
            locale: admin.locale,
            template: 'recordation_expiring',
            params: {
              name: admin.name,
              organisation: organisation.name,
              reference: recordation.reference,
              country: countryName(recordation.country_code, admin.locale),
              expires: calendarDay(recordation.valid_to, admin.locale),
              link: `${deps.publicUrl}/portfolio/recordations`,
            },
          });
          emails += 1;
        }
      }
      return { recordations: claimed.length, emails };
    });
    if (result.emails) deps.mail.afterCommit();
    if (result.recordations) deps.log?.info(result, 'reminded of expiring recordations');
    return result;
  };
}

export type RecordationReminder = ReturnType<typeof createRecordationReminder>;
