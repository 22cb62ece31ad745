import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { MailSettings } from '../mail/outbox.js';
import type { CaseNotifier } from './case-notices.js';

/** How often `serve` looks at answer deadlines: an expired one lets the officer release goods. */
export const CASE_REMINDER_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The rights holder is reminded once the deadline is this close. A deadline is the end of the last
 * working day on the office's clock (see core's workingDayDeadline), so 24 hours before it is the
 * start of that last working day: the reminder is waiting when the day begins, and the whole day
 * is left to answer (a DST change makes that day an hour shorter or longer, which does not matter).
 */
export const CASE_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** Statuses in which the officer still waits for the rights holder. */
const WAITING = ['awaiting_answer', 'information_requested'];

/**
 * The job that (a) reminds the rights holders of a case (and their legal representatives) that
 * their answer is due within a day, and (b) tells the officer who opened it once the deadline has
 * passed without an answer. Each case is claimed (`reminder_sent_at`, `expiry_noticed_at`) by the
 * update that selects it, in the transaction that writes the notices: a second server running the
 * job waits for that row and then finds it claimed, so nobody is told twice. Times come from the
 * app's clock, not the database's.
 */
export function createCaseReminders(deps: {
  db: Db;
  clock: Clock;
  mail: MailSettings & { afterCommit(): void };
  notifier: CaseNotifier;
  log?: Logger;
}) {
  const { db, clock, notifier } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<{ reminded: number; expired: number }> | null = null;

  async function remindAndNotice(): Promise<{ reminded: number; expired: number }> {
    const now = clock.now();
    const result = await db.transaction().execute(async (trx) => {
      const near = await trx
        .updateTable('cases')
        .set({ reminder_sent_at: now })
        .where('status', 'in', WAITING)
        .where('closed_at', 'is', null)
        .where('reminder_sent_at', 'is', null)
        .where('answer_deadline', '>', now)
        .where('answer_deadline', '<=', new Date(now.getTime() + CASE_REMINDER_LEAD_MS))
        .returning(['id', 'reference', 'country_code', 'answer_deadline'])
        .$narrowType<{ answer_deadline: Date }>()
        .execute();
      for (const row of near) {
        const holders = await trx
          .selectFrom('case_goods')
          .select('rights_holder_id')
          .distinct()
          .where('case_id', '=', row.id)
          .where('rights_holder_id', 'is not', null)
          .execute();
        await notifier.notify(trx, {
          kind: 'case.deadline_near',
          caseId: row.id,
          reference: row.reference,
          countryCode: row.country_code,
          rightsHolderIds: holders.flatMap((holder) =>
            holder.rights_holder_id ? [holder.rights_holder_id] : [],
          ),
          answerDeadline: row.answer_deadline,
        });
      }
      const passed = await trx
        .updateTable('cases')
        .set({ expiry_noticed_at: now })
        .where('status', 'in', WAITING)
        .where('closed_at', 'is', null)
        .where('expiry_noticed_at', 'is', null)
        .where('answer_deadline', '<=', now)
        .returning(['id', 'reference', 'country_code', 'answer_deadline', 'organisation_id', 'opened_by'])
        .$narrowType<{ answer_deadline: Date }>()
        .execute();
      for (const row of passed) {
        await notifier.notify(trx, {
          kind: 'case.deadline_passed',
          caseId: row.id,
          reference: row.reference,
          countryCode: row.country_code,
          answerDeadline: row.answer_deadline,
          openerOrganisationId: row.organisation_id,
          openedBy: row.opened_by,
        });
      }
      return { reminded: near.length, expired: passed.length };
    });
    if (result.reminded || result.expired) {
      deps.mail.afterCommit();
      deps.log?.info(result, 'told of case answer deadlines');
    }
    return result;
  }

  /** One round; a round still running is joined rather than doubled. */
  function runOnce(): Promise<{ reminded: number; expired: number }> {
    running ??= remindAndNotice().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    runOnce,

    start(intervalMs = CASE_REMINDER_INTERVAL_MS): void {
      if (timer) return;
      timer = setInterval(() => {
        runOnce().catch((err) => deps.log?.error({ err }, 'case deadline reminders failed'));
      }, intervalMs);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type CaseReminders = ReturnType<typeof createCaseReminders>;
