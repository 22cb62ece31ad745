import type { Locale } from '@assay/core';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import { mailPhrase } from '../mail/templates.js';

/** How often `serve` mails rights holders about new suspicious verifications: a clone needs a quick answer. */
export const VERIFICATION_ALERT_INTERVAL_MS = 5 * 60 * 1000;
/** Lines listed in one email; the rest are in the app. */
const LISTED = 20;

/**
 * Emails each rights holder's admins about suspicious verifications of its codes not mailed yet,
 * one email per admin per run. The verifications are claimed (`notified_at`) in the transaction
 * that queues the emails, so a restart or a second server never mails the same one twice.
 */
export function createVerificationAlertMail(deps: {
  db: Db;
  clock: Clock;
  mail: MailSettings & { afterCommit(): void };
  publicUrl: string;
  log?: Logger;
}) {
  const { db, clock, mail, publicUrl } = deps;

  return async function mailSuspiciousVerifications(): Promise<{ rightsHolders: number; emails: number }> {
    const due = await db
      .selectFrom('verifications')
      .select('rights_holder_id')
      .distinct()
      .where('suspicious', '=', true)
      .where('notified_at', 'is', null)
      .execute();
    let emails = 0;
    for (const { rights_holder_id: rightsHolderId } of due) {
      emails += await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('verifications')
          .set({ notified_at: clock.now() })
          .where('rights_holder_id', '=', rightsHolderId)
          .where('suspicious', '=', true)
          .where('notified_at', 'is', null)
          .returning(['verdict', 'country_code', 'verified_at', 'gtin', 'serial_hint'])
          .execute();
        if (claimed.length === 0) return 0;
        claimed.sort((a, b) => b.verified_at.getTime() - a.verified_at.getTime());
        const admins = await trx
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['u.email', 'u.name', 'u.locale'])
          .where('m.organisation_id', '=', rightsHolderId)
          .where('m.status', '=', 'active')
          .where(sql<boolean>`'admin' = any(m.roles)`)
          .execute();
        for (const admin of admins) {
          await queueMail(trx, mail, {
            to: admin.email,
            locale: admin.locale,
            template: 'suspicious_verifications',
            params: {
              name: admin.name,
              count: claimed.length,
              verifications: lines(claimed, admin.locale),
              link: `${publicUrl}/authentication/verifications`,
            },
          });
        }
        return admins.length;
      });
    }
    if (emails) {
      mail.afterCommit();
      deps.log?.info({ rightsHolders: due.length, emails }, 'mailed suspicious verifications');
    }
    return { rightsHolders: due.length, emails };
  };
}

function lines(
  verifications: {
    verdict: string;
    country_code: string;
    verified_at: Date;
    gtin: string;
    serial_hint: string;
  }[],
  locale: Locale,
): string {
  const country = new Intl.DisplayNames([locale], { type: 'region' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const listed = verifications.slice(0, LISTED).map((entry) => {
    const verdict = mailPhrase(locale, `suspicious_verifications.verdicts.${entry.verdict}`);
    return `• ${verdict} — ${country.of(entry.country_code) ?? entry.country_code}, ${date.format(entry.verified_at)} — GTIN ${entry.gtin}, ${entry.serial_hint}`;
  });
  const more = verifications.length - listed.length;
  return more > 0 ? `${listed.join('\n')}\n• … (+${more})` : listed.join('\n');
}
