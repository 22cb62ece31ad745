import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { AlertBus, AlertEvent } from './event-bus.js';
import { type AlertRecord, grantStillValid, type Reader, type StreamGrant } from './queries.js';
import type { AlertService } from './service.js';

export interface AlertStreamLimits {
  /** A comment line this often keeps proxies and browsers from closing an idle stream. */
  keepAliveMs: number;
  /** Open streams per person (tabs); opening one more ends their oldest. */
  perUser: number;
}

export const DEFAULT_ALERT_STREAM_LIMITS: AlertStreamLimits = { keepAliveMs: 25_000, perUser: 5 };

/** How long a published alert read for one event is shared by the streams handling that event. */
const SHARED_READ_MS = 10_000;
/** The longest delay `setTimeout` accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a stream was opened with, checked again while it stays open. */
export interface StreamAccess {
  grant: StreamGrant;
  /** The session's absolute expiry: the stream ends then (null: an API token, checked each keep-alive). */
  expiresAt: Date | null;
}

/**
 * The server-sent event streams of this process: `unread` (the count) at once and whenever it may
 * have moved, `alert` (an inbox entry) when an alert reaching the reader is published. A published
 * alert is read from the database once and checked against each stream's reader in memory; only
 * the readers it reaches count their unread alerts again. A stream ends when its session or token
 * stops letting the reader in (signed out, expired, membership or organisation no longer active):
 * checked on each keep-alive and before anything is sent.
 */
export function createAlertStreams(deps: {
  alerts: Pick<AlertService, 'unread' | 'publishedAlert' | 'newInboxEntry'>;
  bus: AlertBus;
  db: Db;
  clock: Clock;
  limits: AlertStreamLimits;
  sessionIdleSeconds: number;
}) {
  const { alerts, bus, db, clock, limits } = deps;
  const open = new Set<() => void>();
  /** Each person's open streams, oldest first. */
  const byUser = new Map<string, (() => void)[]>();
  const published = new Map<string, Promise<AlertRecord | undefined>>();

  const publishedOnce = (alertId: string) => {
    let row = published.get(alertId);
    if (!row) {
      row = alerts.publishedAlert(alertId);
      published.set(alertId, row);
      setTimeout(() => published.delete(alertId), SHARED_READ_MS).unref();
    }
    return row;
  };

  /** Before or after the change, the alert targeted every country or the reader's. */
  const changeReaches = (targets: readonly (readonly string[])[], reader: Reader) =>
    targets.some(
      (countries) =>
        countries.length === 0 || (reader.countryCode !== null && countries.includes(reader.countryCode)),
    );

  function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    reader: Reader,
    access: StreamAccess,
    lang: string,
  ): void {
    const raw = reply.raw;
    reply.hijack();
    // The caller may have gone while being authorised: its 'close' has then fired already and
    // would never end this stream.
    if (raw.destroyed || request.raw.destroyed || raw.socket?.destroyed !== false) {
      raw.destroy();
      return;
    }
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });

    let closed = false;
    const send = (event: string, data: unknown) => {
      if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const sendUnread = async () => send('unread', { unread: await alerts.unread(reader) });
    /** Still let in; otherwise the stream ends. */
    const allowed = async () => {
      if (await grantStillValid(db, access.grant, reader, clock.now(), deps.sessionIdleSeconds)) return true;
      close();
      return false;
    };

    const handle = async (event: AlertEvent) => {
      if (event.type === 'read') {
        if (event.userId === reader.userId && (await allowed())) await sendUnread();
        return;
      }
      if (event.type === 'published') {
        const row = await publishedOnce(event.alertId);
        const entry = row && alerts.newInboxEntry(row, reader, lang);
        if (!entry || !(await allowed())) return;
        send('alert', entry);
      } else if (!changeReaches(event.targets, reader) || !(await allowed())) return;
      await sendUnread();
    };

    // Events are handled one after another, so a count never overtakes the alert it follows.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void>) => {
      queue = queue
        .then(() => (closed ? undefined : work()))
        .catch((err: unknown) => request.log.warn({ err }, 'alert stream event failed'));
    };

    const keepAlive = setInterval(
      () =>
        enqueue(async () => {
          if (await allowed()) raw.write(': keep-alive\n\n');
        }),
      limits.keepAliveMs,
    );
    const expiry =
      access.expiresAt &&
      setTimeout(
        () => close(),
        Math.min(MAX_TIMER_MS, Math.max(0, access.expiresAt.getTime() - clock.now().getTime())),
      );
    const unsubscribe = bus.subscribe((event) => enqueue(() => handle(event)));

    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      if (expiry) clearTimeout(expiry);
      unsubscribe();
      open.delete(close);
      const mine = byUser.get(reader.userId)?.filter((other) => other !== close) ?? [];
      if (mine.length) byUser.set(reader.userId, mine);
      else byUser.delete(reader.userId);
      raw.end();
    };
    open.add(close);
    raw.on('close', close);
    const mine = [...(byUser.get(reader.userId) ?? []), close];
    byUser.set(reader.userId, mine);
    for (const oldest of mine.slice(0, Math.max(0, mine.length - limits.perUser))) oldest();

    raw.write('retry: 5000\n\n');
    enqueue(sendUnread);
  }

  return {
    serve,
    /** End every open stream (the server is stopping). */
    closeAll(): void {
      for (const close of [...open]) close();
    },
  };
}
