import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrganisationKind } from '@assay/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';
import { queueWebhookEvent } from './outbox.js';

let t: TestApp;
const clock = movableClock();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A real receiver on loopback: answers with the statuses queued in `answers`, then 200. */
async function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = answers.shift() ?? 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'busy');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/assay`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** What a rights holder's receiver must check: the signature over `<timestamp>.<body>`. */
function signatureIsValid(secret: string, request: Received): boolean {
  const timestamp = request.headers['assay-timestamp'];
  const signature = request.headers['assay-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = Buffer.from(
    `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function member(kind: OrganisationKind) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode: 'FR' });
  const user = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return { client, organisationId: org.id };
}

const url = (rightsHolderId: string, rest = '') => `/api/rights-holders/${rightsHolderId}/webhook${rest}`;
const runOnce = () => t.ctx.webhookDispatcher.runOnce();

let receiver: Receiver;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterEach(async () => {
  await receiver?.close();
});
afterAll(() => t.close());

async function holderWithWebhook() {
  receiver = await startReceiver();
  const holder = await member('rights_holder');
  const saved = await holder.client.request('PUT', url(holder.organisationId), { url: receiver.url });
  expect(saved.statusCode).toBe(200);
  return { ...holder, secret: saved.json().signingSecret as string };
}

describe('webhooks', () => {
  it('deliver a signed event once, after retrying a receiver that first answers 503, and log both attempts', async () => {
    const holder = await holderWithWebhook();
    expect(holder.secret).toMatch(/^whsec_/);
    receiver.answers.push(503);

    const eventId = await t.ctx.db
      .transaction()
      .execute((trx) =>
        queueWebhookEvent(trx, holder.organisationId, 'case.opened', { caseId: 'C-1' }, t.ctx.clock),
      );
    expect(eventId).toEqual(expect.any(String));

    expect(await runOnce()).toBe(0);
    expect(receiver.received.map((request) => request.status)).toEqual([503]);
    // Not due again before the 30 s backoff.
    clock.advance(29);
    expect(await runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(1);
    clock.advance(1);
    expect(await runOnce()).toBe(1);
    clock.advance(3600);
    expect(await runOnce()).toBe(0);

    expect(receiver.received.map((request) => request.status)).toEqual([503, 200]);
    for (const request of receiver.received) {
      expect(signatureIsValid(holder.secret, request)).toBe(true);
      expect(signatureIsValid('whsec_wrong', request)).toBe(false);
      expect(request.headers['assay-event-id']).toBe(eventId);
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body)).toEqual({
        id: eventId,
        type: 'case.opened',
        createdAt: expect.any(String),
        data: { caseId: 'C-1' },
      });
    }
    const [first, second] = receiver.received;
    expect(Number(second!.headers['assay-timestamp']) - Number(first!.headers['assay-timestamp'])).toBe(30);

    const log = await holder.client.get(url(holder.organisationId, '/deliveries'));
    expect(log.statusCode).toBe(200);
    expect(log.json().deliveries).toEqual([
      expect.objectContaining({
        eventId,
        eventType: 'case.opened',
        attempt: 2,
        outcome: 'delivered',
        httpStatus: 200,
        eventStatus: 'delivered',
      }),
      expect.objectContaining({
        eventId,
        attempt: 1,
        outcome: 'http_error',
        httpStatus: 503,
        detail: 'HTTP 503: busy',
      }),
    ]);
    expect((await holder.client.get(url(holder.organisationId))).json().webhook).toMatchObject({
      url: receiver.url,
      active: true,
      pendingEvents: 0,
    });
  });

  it('send a test event on request, and keep the secret on later saves', async () => {
    const holder = await holderWithWebhook();
    const test = await holder.client.post(url(holder.organisationId, '/test'));
    expect(test.statusCode).toBe(202);
    expect(await runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toMatchObject({ id: test.json().eventId, type: 'test' });
    expect(signatureIsValid(holder.secret, request!)).toBe(true);

    const resaved = await holder.client.request('PUT', url(holder.organisationId), { url: receiver.url });
    expect(resaved.json().signingSecret).toBeNull();
    await holder.client.post(url(holder.organisationId, '/test'));
    await runOnce();
    expect(signatureIsValid(holder.secret, receiver.received[1]!)).toBe(true);
    const log = (await holder.client.get(url(holder.organisationId, '/deliveries'))).json().deliveries;
    expect(
      log.map((entry: { eventType: string; outcome: string }) => [entry.eventType, entry.outcome]),
    ).toEqual([
      ['test', 'delivered'],
      ['test', 'delivered'],
    ]);
  });

  it('keep events while the receiver is down, and deliver them in order when it is back', async () => {
    const holder = await holderWithWebhook();
    const address = receiver.url;
    await receiver.close();
    for (const n of [1, 2]) {
      await t.ctx.db
        .transaction()
        .execute((trx) => queueWebhookEvent(trx, holder.organisationId, 'case.updated', { n }, t.ctx.clock));
    }
    // Five rounds at the backoff times: 30 s, 1, 2, 4 and 8 min.
    for (const wait of [0, 30, 60, 120, 240]) {
      clock.advance(wait);
      expect(await runOnce()).toBe(0);
    }
    const log = (await holder.client.get(url(holder.organisationId, '/deliveries'))).json().deliveries;
    // A down receiver costs only the first queued event its attempts; the second waits behind it.
    expect(log).toHaveLength(5);
    expect(log.every((entry: { outcome: string }) => entry.outcome === 'unreachable')).toBe(true);
    expect((await holder.client.get(url(holder.organisationId))).json().webhook.pendingEvents).toBe(2);

    // The receiver comes back on the same address.
    const port = Number(new URL(address).port);
    const back = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(204).end();
      });
    });
    const bodies: string[] = [];
    back.listen(port, '127.0.0.1');
    await once(back, 'listening');
    try {
      clock.advance(480);
      expect(await runOnce()).toBe(2);
      expect(bodies.map((body) => JSON.parse(body).data)).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
  });

  it('give up after 24 attempts: the event is marked failed and kept', async () => {
    const holder = await holderWithWebhook();
    await receiver.close();
    const eventId = await t.ctx.db
      .transaction()
      .execute((trx) => queueWebhookEvent(trx, holder.organisationId, 'case.updated', {}, t.ctx.clock));
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await runOnce();
      clock.advance(3600);
    }
    const event = await t.ctx.db
      .selectFrom('webhook_events')
      .select(['status', 'attempts'])
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ status: 'failed', attempts: 24 });
    // A day has passed: the session has expired, so a colleague signs in to read the log.
    const colleague = new TestClient(t.app);
    await signIn(colleague, t.ctx, await makeUser(t.ctx, holder.organisationId, { twoFactor: true }));
    const log = (await colleague.get(url(holder.organisationId, '/deliveries'))).json().deliveries;
    expect(log).toHaveLength(24);
    expect(log[0]).toMatchObject({ attempt: 24, eventStatus: 'failed' });
  });

  it('queue nothing for an organisation without an active webhook', async () => {
    const holder = await holderWithWebhook();
    const none = await member('rights_holder');
    expect(
      await t.ctx.db
        .transaction()
        .execute((trx) => queueWebhookEvent(trx, none.organisationId, 'case.opened', {}, t.ctx.clock)),
    ).toBeNull();
    await holder.client.request('PUT', url(holder.organisationId), { url: receiver.url, active: false });
    expect(
      await t.ctx.db
        .transaction()
        .execute((trx) => queueWebhookEvent(trx, holder.organisationId, 'case.opened', {}, t.ctx.clock)),
    ).toBeNull();
    expect((await holder.client.post(url(holder.organisationId, '/test'))).statusCode).toBe(409);
  });

  it('are hidden from another rights holder and from officers', async () => {
    const holder = await holderWithWebhook();
    for (const kind of ['rights_holder', 'customs'] as const) {
      const stranger = await member(kind);
      const id = holder.organisationId;
      expect((await stranger.client.get(url(id))).statusCode).toBe(404);
      expect((await stranger.client.get(url(id, '/deliveries'))).statusCode).toBe(404);
      expect(
        (await stranger.client.request('PUT', url(id), { url: 'http://127.0.0.1:1/x' })).statusCode,
      ).toBe(404);
      expect((await stranger.client.post(url(id, '/test'))).statusCode).toBe(404);
      expect((await stranger.client.delete(url(id))).statusCode).toBe(404);
    }
    expect((await holder.client.get(url(holder.organisationId))).json().webhook.url).toBe(receiver.url);
  });

  it('are removed with their log, and refuse a URL with credentials', async () => {
    const holder = await holderWithWebhook();
    const bad = await holder.client.request('PUT', url(holder.organisationId), {
      url: 'https://user:pass@example.com/hook',
    });
    expect(bad.statusCode).toBe(400);
    expect((await holder.client.delete(url(holder.organisationId))).statusCode).toBe(204);
    expect((await holder.client.get(url(holder.organisationId))).json()).toEqual({ webhook: null });
    expect((await holder.client.delete(url(holder.organisationId))).statusCode).toBe(404);
  });
});

describe('webhooks in production', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => prod.close());

  it('must be https', async () => {
    const org = await makeOrganisation(prod.ctx, { kind: 'rights_holder' });
    const user = await makeUser(prod.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(prod.app);
    await signIn(client, prod.ctx, user);
    const plain = await client.request('PUT', url(org.id), { url: 'http://hooks.example.com/assay' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.details).toEqual([{ path: 'url', message: expect.any(String) }]);
    const secure = await client.request('PUT', url(org.id), { url: 'https://hooks.example.com/assay' });
    expect(secure.statusCode).toBe(200);
  });
});
