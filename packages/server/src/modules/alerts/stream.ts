import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AlertBus, AlertEvent } from './event-bus.js';
import type { AlertRecord, Reader } from './queries.js';
import type { AlertService } from './service.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const KEEP_ALIVE_MS = 25_000;
/** How long a published alert read for one event is shared by the streams handling that event. */
const SHARED_READ_MS = 10_000;

/**
 * The server-sent event streams of this process: `unread` (the count) at once and whenever it may
 * have moved, `alert` (an inbox entry) when an alert reaching the reader is published. A published
 * alert is read from the database once and checked against each stream's reader in memory; only
 * the readers it reaches count their unread alerts again.
 */
export function createAlertStreams(deps: {
  alerts: Pick<AlertService, 'unread' | 'publishedAlert' | 'newInboxEntry'>;
  bus: AlertBus;
}) {
  const { alerts, bus } = deps;
  const open = new Set<() => void>();
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

  function serve(request: FastifyRequest, reply: FastifyReply, reader: Reader, lang: string): void {
    const raw = reply.raw;
    reply.hijack();
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

    const handle = async (event: AlertEvent) => {
      if (event.type === 'read') {
        if (event.userId === reader.userId) await sendUnread();
        return;
      }
      if (event.type === 'published') {
        const row = await publishedOnce(event.alertId);
        const entry = row && alerts.newInboxEntry(row, reader, lang);
        if (!entry) return;
        send('alert', entry);
      }
      await sendUnread();
    };

    // Events are handled one after another, so a count never overtakes the alert it follows.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (work: () => Promise<void>) => {
      queue = queue
        .then(() => (closed ? undefined : work()))
        .catch((err: unknown) => request.log.warn({ err }, 'alert stream event failed'));
    };

    const keepAlive = setInterval(() => {
      if (!closed) raw.write(': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    const unsubscribe = bus.subscribe((event) => enqueue(() => handle(event)));

    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      open.delete(close);
      raw.end();
    };
    open.add(close);
    raw.on('close', close);

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
