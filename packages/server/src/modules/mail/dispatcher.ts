import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';

const BATCH = 20;
const MAX_ATTEMPTS = 8;
/** How long a claimed message is hidden from other dispatchers while it is being sent. */
const CLAIM_SECONDS = 300;

export interface MailDispatcher {
  /** Send what is due now; resolves when this round is done. */
  flush(): Promise<number>;
  /** Ask for a round soon, without waiting (after a commit that queued mail). */
  kick(): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** Sends queued outbox messages over SMTP, with retries and exponential backoff. */
export function createMailDispatcher(deps: {
  db: Db;
  smtpUrl: string;
  from: string;
  clock: Clock;
  log: Logger;
}): MailDispatcher {
  const transport = nodemailer.createTransport(deps.smtpUrl);
  let timer: NodeJS.Timeout | null = null;

  async function claimDue() {
    const now = deps.clock.now();
    return deps.db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(now.getTime() + CLAIM_SECONDS * 1000) })
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('mail_outbox')
          .select('id')
          .where('status', '=', 'queued')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'to_address', 'subject', 'text_body', 'html_body', 'attempts'])
      .execute();
  }

  async function round(): Promise<number> {
    let sent = 0;
    for (const message of await claimDue()) {
      try {
        await transport.sendMail({
          from: deps.from,
          to: message.to_address,
          subject: message.subject,
          text: message.text_body ?? '',
          html: message.html_body ?? undefined,
        });
        // Bodies carry sign-in links: once delivered they are not kept.
        await deps.db
          .updateTable('mail_outbox')
          .set({
            status: 'sent',
            sent_at: deps.clock.now(),
            text_body: null,
            html_body: null,
            attempts: sql`attempts + 1`,
            last_error: null,
          })
          .where('id', '=', message.id)
          .execute();
        sent += 1;
      } catch (error) {
        const attempts = message.attempts + 1;
        const backoffSeconds = Math.min(2 ** attempts * 15, 3600);
        deps.log.warn({ err: error, messageId: message.id, attempts }, 'mail delivery failed');
        await deps.db
          .updateTable('mail_outbox')
          .set({
            attempts,
            last_error: error instanceof Error ? error.message.slice(0, 500) : String(error),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
            next_attempt_at: new Date(deps.clock.now().getTime() + backoffSeconds * 1000),
          })
          .where('id', '=', message.id)
          .execute();
      }
    }
    return sent;
  }

  // Rounds run one after another: a kick during a round still gets a round of its own.
  let chain: Promise<number> = Promise.resolve(0);
  const flush = (): Promise<number> => {
    chain = chain.catch(() => 0).then(round);
    return chain;
  };

  return {
    flush,
    kick() {
      flush().catch((error) => deps.log.error({ err: error }, 'mail dispatch round failed'));
    },
    start(intervalMs = 5000) {
      timer ??= setInterval(() => this.kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await chain.catch(() => 0);
      transport.close();
    },
  };
}
