import {
  type CaseDecision,
  type CaseStatus,
  DEFAULT_CASE_POLICY,
  isEnforcementKind,
  type Locale,
  type NotificationKind,
  type NotificationParams,
  type RightsHolderAnswer,
} from '@assay/core';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { type MailSettings, queueMail } from '../mail/outbox.js';
import { type MailTemplate, type MailTemplates, mailPhrase } from '../mail/templates.js';
import { enforcementSide, membersOf, type Recipient, rightsHolderSide } from './recipients.js';

/** What happened on a case, as the case service tells it (inside its transaction). */
export type CaseNotice =
  | {
      kind: 'case.opened';
      caseId: string;
      reference: string;
      countryCode: string;
      rightsHolderIds: string[];
      answerDeadline: Date;
    }
  | {
      kind: 'case.answered';
      caseId: string;
      reference: string;
      answer: RightsHolderAnswer;
      rightsHolderId: string;
      openerOrganisationId: string;
      openedBy: string | null;
    }
  | {
      kind: 'case.message';
      caseId: string;
      reference: string;
      fromOrganisationId: string;
      toOrganisationIds: string[];
    }
  | {
      kind: 'case.decided';
      caseId: string;
      reference: string;
      decision: CaseDecision;
      status: CaseStatus;
      rightsHolderIds: string[];
    };

/** The answer deadline's two moments, told by the reminders job (case-reminders.ts). */
export type CaseDeadlineNotice =
  | {
      kind: 'case.deadline_near';
      caseId: string;
      reference: string;
      countryCode: string;
      rightsHolderIds: string[];
      answerDeadline: Date;
    }
  | {
      kind: 'case.deadline_passed';
      caseId: string;
      reference: string;
      countryCode: string;
      answerDeadline: Date;
      openerOrganisationId: string;
      openedBy: string | null;
    };

/** The time zone of the case country's offices, in which deadlines are written. */
async function officeTimeZone(trx: Db, countryCode: string): Promise<string> {
  const policy = await trx
    .selectFrom('case_policies')
    .select('time_zone')
    .where('country_code', '=', countryCode)
    .executeTakeFirst();
  return policy?.time_zone ?? DEFAULT_CASE_POLICY.timeZone;
}

/** Date and time on the office's wall clock, naming the zone (the reader may be elsewhere). */
export function deadlineText(deadline: Date, timeZone: string, locale: Locale): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName (TypeError): spell the parts out.
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(deadline);
}

function countryName(code: string, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

async function organisationName(trx: Db, id: string): Promise<string> {
  const row = await trx.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/**
 * Tells the people concerned by a case what happened: a notification in the app and an email in
 * their language, both written in the caller's transaction so they exist exactly when the change
 * does. The caller kicks the mail dispatcher after its commit (`ctx.mail.afterCommit()`).
 * Emails name the case, the organisations and the deadline, never the declarant or the shipment.
 */
export function createCaseNotifier(deps: { mail: MailSettings; clock: Clock; publicUrl: string }) {
  const { mail, clock, publicUrl } = deps;

  async function tell<T extends MailTemplate>(
    trx: Db,
    recipients: Recipient[],
    notification: { kind: NotificationKind; caseId: string; params: NotificationParams },
    template: T,
    mailParams: (recipient: Recipient, link: string) => MailTemplates[T],
  ): Promise<void> {
    if (recipients.length === 0) return;
    const now = clock.now();
    await trx
      .insertInto('notifications')
      .values(
        recipients.map((recipient) => ({
          user_id: recipient.id,
          kind: notification.kind,
          case_id: notification.caseId,
          params: notification.params,
          created_at: now,
        })),
      )
      .execute();
    const link = `${publicUrl}/cases/${notification.caseId}`;
    for (const recipient of recipients) {
      await queueMail(trx, mail, {
        to: recipient.email,
        locale: recipient.locale,
        template,
        params: mailParams(recipient, link),
      });
    }
  }

  /** The people a message is for: each addressed side, less the writing organisation's own people. */
  async function messageRecipients(
    trx: Db,
    caseId: string,
    fromOrganisationId: string,
    toOrganisationIds: string[],
  ): Promise<Recipient[]> {
    if (toOrganisationIds.length === 0) return [];
    const opened = await trx
      .selectFrom('cases')
      .select(['organisation_id', 'opened_by'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const organisations = await trx
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('id', 'in', toOrganisationIds)
      .execute();
    const found: Recipient[] = [];
    for (const organisation of organisations) {
      if (organisation.id === opened.organisation_id) {
        found.push(...(await enforcementSide(trx, organisation.id, opened.opened_by)));
      } else if (isEnforcementKind(organisation.kind)) {
        found.push(...(await enforcementSide(trx, organisation.id, null)));
      } else {
        found.push(...(await rightsHolderSide(trx, [organisation.id])));
      }
    }
    const writers = await membersOf(trx, [fromOrganisationId]);
    const byId = new Map(
      found.filter((person) => !writers.has(person.id)).map((person) => [person.id, person]),
    );
    return [...byId.values()];
  }

  async function notify(trx: Db, notice: CaseNotice | CaseDeadlineNotice): Promise<void> {
    const { caseId, reference } = notice;
    switch (notice.kind) {
      case 'case.opened':
      case 'case.deadline_near': {
        const timeZone = await officeTimeZone(trx, notice.countryCode);
        const template = notice.kind === 'case.opened' ? 'case_opened' : 'case_deadline_near';
        await tell(
          trx,
          await rightsHolderSide(trx, notice.rightsHolderIds),
          {
            kind: notice.kind,
            caseId,
            params: {
              reference,
              countryCode: notice.countryCode,
              deadline: notice.answerDeadline.toISOString(),
              timeZone,
            },
          },
          template,
          (recipient, link) => ({
            name: recipient.name,
            reference,
            country: countryName(notice.countryCode, recipient.locale),
            deadline: deadlineText(notice.answerDeadline, timeZone, recipient.locale),
            link,
          }),
        );
        return;
      }
      case 'case.answered': {
        const organisation = await organisationName(trx, notice.rightsHolderId);
        await tell(
          trx,
          await enforcementSide(trx, notice.openerOrganisationId, notice.openedBy),
          {
            kind: notice.kind,
            caseId,
            params: { reference, answer: notice.answer, organisationName: organisation },
          },
          'case_answered',
          (recipient, link) => ({
            name: recipient.name,
            reference,
            organisation,
            answer: mailPhrase(recipient.locale, `case_terms.answers.${notice.answer}`),
            link,
          }),
        );
        return;
      }
      case 'case.message': {
        const organisation = await organisationName(trx, notice.fromOrganisationId);
        await tell(
          trx,
          await messageRecipients(trx, caseId, notice.fromOrganisationId, notice.toOrganisationIds),
          { kind: notice.kind, caseId, params: { reference, organisationName: organisation } },
          'case_message',
          (recipient, link) => ({ name: recipient.name, reference, organisation, link }),
        );
        return;
      }
      case 'case.decided': {
        await tell(
          trx,
          await rightsHolderSide(trx, notice.rightsHolderIds),
          {
            kind: notice.kind,
            caseId,
            params: { reference, decision: notice.decision, status: notice.status },
          },
          'case_decided',
          (recipient, link) => ({
            name: recipient.name,
            reference,
            decision: mailPhrase(recipient.locale, `case_terms.decisions.${notice.decision}`),
            status: mailPhrase(recipient.locale, `case_terms.statuses.${notice.status}`),
            link,
          }),
        );
        return;
      }
      case 'case.deadline_passed': {
        const timeZone = await officeTimeZone(trx, notice.countryCode);
        await tell(
          trx,
          await enforcementSide(trx, notice.openerOrganisationId, notice.openedBy),
          {
            kind: notice.kind,
            caseId,
            params: {
              reference,
              countryCode: notice.countryCode,
              deadline: notice.answerDeadline.toISOString(),
              timeZone,
            },
          },
          'case_deadline_passed',
          (recipient, link) => ({
            name: recipient.name,
            reference,
            deadline: deadlineText(notice.answerDeadline, timeZone, recipient.locale),
            link,
          }),
        );
        return;
      }
    }
  }

  return { notify };
}

export type CaseNotifier = ReturnType<typeof createCaseNotifier>;
