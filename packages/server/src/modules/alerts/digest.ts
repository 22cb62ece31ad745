import { ALERT_SEVERITIES, ENFORCEMENT_KINDS, type Locale, pickText } from '@assay/core';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import { mailPhrase } from '../mail/templates.js';
import { type AlertRecord, alertQuery, dayOf, reachesReader, validOn } from './queries.js';

/** How often `serve` looks for officers due a digest. */
export const ALERT_DIGEST_INTERVAL_MS = 60 * 60 * 1000;
/** Digests go out from this hour (UTC) of each day: early morning in Europe and Africa. */
export const ALERT_DIGEST_HOUR_UTC = 6;
/** A first digest covers the day before. */
const FIRST_DIGEST_LOOKBACK_MS = 24 * 60 * 60 * 1000;

function digestLines(alerts: readonly AlertRecord[], locale: Locale, publicUrl: string): string {
  const rank = (severity: string) => ALERT_SEVERITIES.indexOf(severity as (typeof ALERT_SEVERITIES)[number]);
  return [...alerts]
    .sort((a, b) => rank(b.severity) - rank(a.severity))
    .map((alert) => {
      const title = pickText(alert.title, locale);
      const language = title.isReaderLanguage ? '' : ` (${title.language.toUpperCase()})`;
      const severity = mailPhrase(locale, `alert_digest.severity.${alert.severity}`);
      return `• [${severity}] ${title.text}${language} — ${alert.organisation_name}\n  ${publicUrl}/alerts/${alert.id}`;
    })
    .join('\n');
}

/**
 * The daily email to each officer listing the alerts for their country published since their last
 * digest, or published before to start later and valid since then (none: no email). Each officer's day is claimed in `alert_digests` in the same transaction
 * that queues the email, so a restart or a second server never sends the same day twice.
 */
export function createAlertDigest(deps: {
  db: Db;
  clock: Clock;
  mail: MailSettings & { afterCommit(): void };
  publicUrl: string;
  log?: Logger;
}) {
  const { db, clock, mail, publicUrl } = deps;

  return async function sendAlertDigests(): Promise<{ officers: number; emails: number }> {
    const now = clock.now();
    if (now.getUTCHours() < ALERT_DIGEST_HOUR_UTC) return { officers: 0, emails: 0 };
    const day = dayOf(now);
    const officers = await db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.locale', 'o.id as organisation_id', 'o.country_code'])
      .where('m.status', '=', 'active')
      .where('o.status', '=', 'active')
      .where('o.kind', 'in', ENFORCEMENT_KINDS)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('alert_digests as d')
              .select('d.user_id')
              .whereRef('d.user_id', '=', 'u.id')
              .where('d.day', '=', day),
          ),
        ),
      )
      .execute();

    let emails = 0;
    for (const officer of officers) {
      const sent = await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('alert_digests')
          .select((eb) => eb.fn.max('covered_until').as('covered_until'))
          .where('user_id', '=', officer.id)
          .executeTakeFirst();
        const since = last?.covered_until ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
        const reader = {
          userId: officer.id,
          organisationId: officer.organisation_id,
          countryCode: officer.country_code,
        };
        // Published since the last digest, or published earlier to start later and valid since then.
        const alerts = await alertQuery(trx)
          .where((eb) => eb.and([reachesReader(eb, reader), validOn(eb, day)]))
          .where((eb) =>
            eb.or([eb('a.published_at', '>', since), sql<boolean>`a.valid_from > ${dayOf(since)}::date`]),
          )
          .where('a.published_at', '<=', now)
          .orderBy('a.published_at', 'desc')
          .execute();
        const claimed = await trx
          .insertInto('alert_digests')
          .values({ user_id: officer.id, day, covered_until: now, alerts: alerts.length })
          .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
          .returning('user_id')
          .executeTakeFirst();
        if (!claimed || alerts.length === 0) return false;
        await queueMail(trx, mail, {
          to: officer.email,
          locale: officer.locale,
          template: 'alert_digest',
          params: {
            name: officer.name,
            count: alerts.length,
            alerts: digestLines(alerts, officer.locale, publicUrl),
            link: `${publicUrl}/alerts`,
          },
        });
        return true;
      });
      if (sent) emails += 1;
    }
    if (emails) {
      mail.afterCommit();
      deps.log?.info({ officers: officers.length, emails }, 'sent alert digests');
    }
    return { officers: officers.length, emails };
  };
}

export type AlertDigest = ReturnType<typeof createAlertDigest>;
