import type { WebhookDeliveryOutcome } from '@assay/core';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import { addSeconds, type Clock } from '../../lib/clock.js';
import type { SecretBox } from '../../lib/secret-box.js';
import { signWebhook, WEBHOOK_HEADERS } from './signing.js';

const BATCH = 50;
/** After this many failed attempts (about 19 hours of retries) an event is marked failed and kept. */
export const WEBHOOK_MAX_ATTEMPTS = 24;
export const WEBHOOK_TIMEOUT_MS = 5000;
/** How long a claimed event is hidden from other dispatchers while it is being sent. */
const CLAIM_SECONDS = 300;
const DETAIL_MAX = 300;

/** Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min… at most an hour. */
export function webhookBackoffSeconds(failedAttempts: number): number {
  return Math.min(30 * 2 ** (failedAttempts - 1), 3600);
}

export interface WebhookDispatcher {
  /** Deliver what is due now; resolves with the number delivered when this round is done. */
  runOnce(): Promise<number>;
  /** Ask for a round soon, without waiting (after a commit that queued events); only once started. */
  kick(): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

interface Attempt {
  outcome: WebhookDeliveryOutcome;
  httpStatus: number | null;
  detail: string | null;
}

/** Posts queued webhook events, signed, with retries and exponential backoff; logs every attempt. */
export function createWebhookDispatcher(deps: {
  db: Db;
  clock: Clock;
  signingBox: SecretBox;
  log: Logger;
}): WebhookDispatcher {
  const { db, clock, signingBox, log } = deps;
  let timer: NodeJS.Timeout | null = null;

  /** Due events of active webhooks, oldest first; an inactive webhook's events wait for it. */
  async function claimDue() {
    const now = clock.now();
    const claimed = await db
      .updateTable('webhook_events')
      .set({ next_attempt_at: addSeconds(now, CLAIM_SECONDS) })
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('webhook_events')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where('endpoint_id', 'in', (sub) =>
            sub.selectFrom('webhook_endpoints').select('id').where('active', '=', true),
          )
          .orderBy('next_attempt_at')
          .orderBy('seq')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returning('id')
      .execute();
    if (!claimed.length) return [];
    return db
      .selectFrom('webhook_events as e')
      .innerJoin('webhook_endpoints as w', 'w.id', 'e.endpoint_id')
      .select(['e.id', 'e.type', 'e.payload', 'e.created_at', 'e.attempts', 'w.id as endpoint_id'])
      .select(['w.url', 'w.signing_secret'])
      .where(
        'e.id',
        'in',
        claimed.map((row) => row.id),
      )
      .orderBy('e.seq')
      .execute();
  }
  type Claimed = Awaited<ReturnType<typeof claimDue>>[number];

  async function post(event: Claimed): Promise<Attempt> {
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: event.created_at.toISOString(),
      data: event.payload,
    });
    // One deadline for connecting, headers and body alike.
    const signal = AbortSignal.timeout(WEBHOOK_TIMEOUT_MS);
    try {
      const response = await fetch(event.url, {
        method: 'POST',
        redirect: 'manual',
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Assay-Webhooks/1',
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.eventId]: event.id,
          [WEBHOOK_HEADERS.signature]: signWebhook(signingBox.open(event.signing_secret), timestamp, body),
        },
        body,
      });
      const text = await response.text().catch(() => '');
      if (response.status >= 200 && response.status < 300) {
        return { outcome: 'delivered', httpStatus: response.status, detail: null };
      }
      const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
      const said = text.trim() ? `: ${text.trim()}` : '';
      return {
        outcome: 'http_error',
        httpStatus: response.status,
        detail: `HTTP ${response.status}${redirect}${said}`.slice(0, DETAIL_MAX),
      };
    } catch (error) {
      if (signal.aborted) {
        return { outcome: 'timeout', httpStatus: null, detail: `No answer within ${WEBHOOK_TIMEOUT_MS} ms` };
      }
      return { outcome: 'unreachable', httpStatus: null, detail: connectionProblem(error) };
    }
  }

  /** Send one event and record the attempt; true when delivered. */
  async function deliver(event: Claimed): Promise<{ delivered: boolean; retryAt: Date }> {
    const at = clock.now();
    const started = performance.now();
    const attempt = await post(event);
    const durationMs = Math.round(performance.now() - started);
    const attempts = event.attempts + 1;
    const delivered = attempt.outcome === 'delivered';
    const retryAt = addSeconds(clock.now(), webhookBackoffSeconds(attempts));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          event_id: event.id,
          at,
          attempt: attempts,
          http_status: attempt.httpStatus,
          duration_ms: durationMs,
          outcome: attempt.outcome,
          detail: attempt.detail,
        })
        .execute();
      await trx
        .updateTable('webhook_events')
        .set(
          delivered
            ? { status: 'delivered', attempts, delivered_at: clock.now(), last_error: null }
            : {
                status: attempts >= WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending',
                attempts,
                next_attempt_at: retryAt,
                last_error: attempt.detail,
              },
        )
        .where('id', '=', event.id)
        .execute();
    });
    if (!delivered) {
      log.warn({ eventId: event.id, attempts, outcome: attempt.outcome }, 'webhook delivery failed');
    }
    return { delivered, retryAt };
  }

  /**
   * Each webhook's events go one after another, in order; webhooks in parallel, so one slow
   * receiver does not hold the others. When a receiver fails, its other claimed events wait
   * with the failed one instead of each spending an attempt on it.
   */
  async function sendTo(events: Claimed[]): Promise<number> {
    let delivered = 0;
    for (const [index, event] of events.entries()) {
      const result = await deliver(event);
      if (result.delivered) {
        delivered += 1;
        continue;
      }
      const waiting = events.slice(index + 1).map((rest) => rest.id);
      if (waiting.length)
        await db
          .updateTable('webhook_events')
          .set({ next_attempt_at: result.retryAt })
          .where('id', 'in', waiting)
          .execute();
      break;
    }
    return delivered;
  }

  async function round(): Promise<number> {
    const byEndpoint = new Map<string, Claimed[]>();
    for (const event of await claimDue()) {
      byEndpoint.set(event.endpoint_id, [...(byEndpoint.get(event.endpoint_id) ?? []), event]);
    }
    const counts = await Promise.all([...byEndpoint.values()].map(sendTo));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  // Rounds run one after another: a kick during a round still gets a round of its own.
  let chain: Promise<number> = Promise.resolve(0);
  const runOnce = (): Promise<number> => {
    chain = chain.catch(() => 0).then(round);
    return chain;
  };

  return {
    runOnce,
    kick() {
      if (!timer) return;
      runOnce().catch((error) => log.error({ err: error }, 'webhook dispatch round failed'));
    },
    start(intervalMs = 5000) {
      timer ??= setInterval(() => this.kick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await chain.catch(() => 0);
    },
  };
}

function connectionProblem(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Could not connect (${message})`.slice(0, DETAIL_MAX);
}
