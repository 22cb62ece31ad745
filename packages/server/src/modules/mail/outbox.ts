import type { Locale } from '@assay/core';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { type MailTemplate, type MailTemplates, renderMail } from './templates.js';

export interface MailSettings {
  /** True when an SMTP server is configured; otherwise mail is held for the operator's outbox. */
  delivers: boolean;
  /** The app's clock: the dispatcher compares due times with it, not with the database's. */
  clock: Clock;
}

export interface OutgoingMail<T extends MailTemplate> {
  to: string;
  locale: Locale;
  template: T;
  params: MailTemplates[T];
}

/**
 * Put a message in the outbox, inside the caller's transaction: it exists only if the change that
 * caused it commits, and the dispatcher sends it afterwards.
 */
export async function queueMail<T extends MailTemplate>(
  db: Db,
  settings: MailSettings,
  mail: OutgoingMail<T>,
): Promise<void> {
  const rendered = renderMail(mail.template, mail.locale, mail.params);
  await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      locale: mail.locale,
      template: mail.template,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      status: settings.delivers ? 'queued' : 'held',
      created_at: settings.clock.now(),
      next_attempt_at: settings.clock.now(),
    })
    .execute();
}
