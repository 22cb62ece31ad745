import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AlertBus, AlertEvent } from './event-bus.js';
import type { Reader } from './queries.js';
import type { AlertService } from './service.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const KEEP_ALIVE_MS = 25_000;

/** Open streams, so a stopping server can end them rather than wait for browsers to go away. */
export type OpenStreams = Set<() => void>;

/**
 * Serve one reader's server-sent event stream: `unread` (the count) at once and whenever it may
 * have moved, `alert` (an inbox entry) when an alert reaching them is published. Events are handled
 * one after another, so a count never overtakes the alert it follows.
 */
export function serveAlertStream(deps: {
  request: FastifyRequest;
  reply: FastifyReply;
  reader: Reader;
  lang: string;
  alerts: Pick<AlertService, 'unread' | 'inboxEntry'>;
  bus: AlertBus;
  open: OpenStreams;
}): void {
  const { request, reply, reader, lang, alerts, bus, open } = deps;
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
      const entry = await alerts.inboxEntry(reader, event.alertId, lang);
      if (!entry) return;
      send('alert', entry);
    }
    await sendUnread();
  };

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
