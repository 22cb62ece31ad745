import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { movableClock } from '../../test-support/test-app.js';
import { createEndpointClient, type EndpointRequest } from './endpoint-client.js';
import { SIGNATURE_HEADERS, verifyEndpointSignature } from './endpoint-signing.js';

const secret = 'whsec-test-3f9a1c7e5b2d4f6a8c0e';
const request: EndpointRequest = {
  gtin: '09506000134352',
  serial: '7K2P9QX4',
  batch: 'B2311A',
  expiry: '2028-06-30',
  country: 'FR',
};

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  /** Requests that reached the server. */
  received: { headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(handler: Handler): Promise<TestServer> {
  const received: TestServer['received'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started: TestServer = {
    url: `http://127.0.0.1:${port}/verify`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(started);
  return started;
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** What a rights holder's endpoint does: check the signature, then look the serial up. */
function brandReceiver(clock: { now(): Date }, registry: Record<string, object>): Handler {
  const seenRequestIds = new Set<string>();
  return (req, res, body) => {
    const check = verifyEndpointSignature({
      secret,
      headers: req.headers,
      body,
      nowSeconds: Math.floor(clock.now().getTime() / 1000),
      seenRequestIds,
    });
    if (!check.ok) return sendJson(res, 401, { error: check.reason });
    const { requestId, serial } = JSON.parse(body);
    const pack = registry[serial];
    sendJson(res, 200, pack ? { requestId, found: true, ...pack } : { requestId, found: false });
  };
}

/** Answers 200 with whatever `answer` makes of the request id it received. */
function answering(answer: (requestId: string) => string): Handler {
  return (_req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer(JSON.parse(body).requestId));
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

const connector = (url: string, timeoutMs = 700) => ({ id: 'connector-1', url, timeoutMs, secret });

describe('a brand endpoint that answers', () => {
  it('sends a signed request the brand can verify and returns the registered pack', async () => {
    const clock = movableClock();
    const server = await startServer(
      brandReceiver(clock, {
        '7K2P9QX4': { state: 'recalled', batch: 'B2311A', expiry: '2028-06', intendedMarkets: ['fr', 'BE'] },
      }),
    );
    const client = createEndpointClient({ clock });

    const call = await client.call(connector(server.url), request);

    expect(call).toMatchObject({
      answer: {
        ok: true,
        found: true,
        pack: { state: 'recalled', batch: 'B2311A', expiry: '2028-06', intendedMarkets: ['FR', 'BE'] },
      },
      httpStatus: 200,
      detail: null,
    });
    const [sent] = server.received;
    expect(sent!.headers['content-type']).toBe('application/json');
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    expect(sent!.headers[SIGNATURE_HEADERS.timestamp]).toBe(String(timestamp));
    expect(JSON.parse(sent!.body)).toEqual({
      requestId: sent!.headers[SIGNATURE_HEADERS.requestId],
      timestamp,
      ...request,
    });
  });

  it('reports a serial the brand does not know as not found, with any market when none is given', async () => {
    const clock = movableClock();
    const server = await startServer(
      brandReceiver(clock, { OTHER: { state: 'active', batch: 'B1', expiry: '2027-01-31' } }),
    );
    const client = createEndpointClient({ clock });

    expect((await client.call(connector(server.url), request)).answer).toEqual({ ok: true, found: false });
    expect((await client.call(connector(server.url), { ...request, serial: 'OTHER' })).answer).toEqual({
      ok: true,
      found: true,
      pack: { state: 'active', batch: 'B1', expiry: '2027-01-31', intendedMarkets: [] },
    });
  });

  it('is refused by the brand when signed with another secret', async () => {
    const clock = movableClock();
    const server = await startServer(brandReceiver(clock, {}));
    const call = await createEndpointClient({ clock }).call(
      { ...connector(server.url), secret: 'stale' },
      request,
    );
    expect(call).toMatchObject({
      answer: { ok: false, failure: 'http_error' },
      httpStatus: 401,
      detail: 'HTTP 401',
    });
    expect(JSON.stringify(call)).not.toContain(secret);
  });
});

describe('replay protection at the brand', () => {
  it('refuses a captured request sent again, and one older than 300 seconds', async () => {
    const clock = movableClock();
    const capture = await startServer(answering((requestId) => JSON.stringify({ requestId, found: false })));
    const brand = await startServer(brandReceiver(clock, {}));
    const client = createEndpointClient({ clock });
    await client.call(connector(capture.url), request);
    await client.call(connector(capture.url), request);
    const [first, second] = capture.received;
    const replay = (captured: TestServer['received'][number]) =>
      fetch(brand.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...Object.fromEntries(
            Object.values(SIGNATURE_HEADERS).map((name) => [name, String(captured.headers[name])]),
          ),
        },
        body: captured.body,
      }).then(async (response) => ({ status: response.status, body: await response.json() }));

    expect((await replay(first!)).status).toBe(200);
    expect(await replay(first!)).toEqual({ status: 401, body: { error: 'replayed' } });
    clock.advance(301);
    expect(await replay(second!)).toEqual({ status: 401, body: { error: 'stale_timestamp' } });
  });
});

describe('a brand endpoint that gives no usable answer', () => {
  it('times out on an endpoint that never answers, within the connector timeout', async () => {
    const server = await startServer(() => {});
    const client = createEndpointClient({ clock: movableClock() });

    const { result, ms } = await timed(() => client.call(connector(server.url, 300), request));

    expect(result).toMatchObject({
      answer: { ok: false, failure: 'timeout' },
      httpStatus: null,
      detail: 'No answer within 300 ms',
    });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(450);
    expect(server.received).toHaveLength(1);
  });

  it('times out on an endpoint that sends its headers and then trickles the body', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const drip = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(drip));
    });
    const client = createEndpointClient({ clock: movableClock() });

    const { result, ms } = await timed(() => client.call(connector(server.url, 300), request));

    expect(result).toMatchObject({
      answer: { ok: false, failure: 'timeout' },
      httpStatus: 200,
      detail: 'Answer not complete within 300 ms',
    });
    expect(ms).toBeLessThan(450);
  });

  it('reports an endpoint that is down as unreachable without waiting for the timeout', async () => {
    const server = await startServer(() => {});
    await server.close();
    const client = createEndpointClient({ clock: movableClock() });

    const { result, ms } = await timed(() => client.call(connector(server.url, 900), request));

    expect(result).toMatchObject({
      answer: { ok: false, failure: 'unreachable' },
      httpStatus: null,
      detail: 'Connection refused',
    });
    expect(ms).toBeLessThan(300);
  });

  it('reports a server error with its status', async () => {
    const server = await startServer((_req, res) => sendJson(res, 500, { error: 'database down' }));
    const call = await createEndpointClient({ clock: movableClock() }).call(connector(server.url), request);
    expect(call).toMatchObject({
      answer: { ok: false, failure: 'http_error' },
      httpStatus: 500,
      detail: 'HTTP 500',
    });
  });

  it('does not follow a redirect', async () => {
    const clock = movableClock();
    const elsewhere = await startServer(brandReceiver(clock, {}));
    const server = await startServer((_req, res) => res.writeHead(302, { location: elsewhere.url }).end());
    const call = await createEndpointClient({ clock }).call(connector(server.url), request);
    expect(call).toMatchObject({
      answer: { ok: false, failure: 'http_error' },
      httpStatus: 302,
      detail: 'HTTP 302 (redirects are not followed)',
    });
    expect(elsewhere.received).toHaveLength(0);
  });

  const pack = { state: 'active', batch: 'B2311A', expiry: '2028-06-30' };
  it.each([
    ['not JSON', () => '<html>Service Unavailable</html>', 'Answer is not JSON'],
    ['an empty body', () => '', 'Answer is not JSON'],
    [
      'the answer to another request',
      () => JSON.stringify({ requestId: 'another', found: false }),
      'another request',
    ],
    ['no request id', () => JSON.stringify({ found: false }), 'requestId'],
    ['no found flag', (id: string) => JSON.stringify({ requestId: id, ...pack }), 'found'],
    [
      'a found pack without state',
      (id: string) => JSON.stringify({ requestId: id, found: true, batch: 'B', expiry: '2028-06' }),
      'state',
    ],
    [
      'an unknown state',
      (id: string) => JSON.stringify({ requestId: id, found: true, ...pack, state: 'lost' }),
      'state',
    ],
    [
      'an expiry in another format',
      (id: string) => JSON.stringify({ requestId: id, found: true, ...pack, expiry: '30/06/2028' }),
      'expiry',
    ],
    [
      'a market that is no country',
      (id: string) => JSON.stringify({ requestId: id, found: true, ...pack, intendedMarkets: ['EU'] }),
      'intendedMarkets.0',
    ],
  ])('refuses %s as a bad response', async (_case, answer, detail) => {
    const server = await startServer(answering(answer));
    const call = await createEndpointClient({ clock: movableClock() }).call(connector(server.url), request);
    expect(call.answer).toEqual({ ok: false, failure: 'bad_response' });
    expect(call.httpStatus).toBe(200);
    expect(call.detail).toContain(detail);
  });

  it('refuses an answer larger than the limit, whether announced or streamed', async () => {
    const padding = 'x'.repeat(2_000);
    const announced = await startServer(
      answering((requestId) => JSON.stringify({ requestId, found: false, padding })),
    );
    const streamed = await startServer((_req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"requestId":"${JSON.parse(body).requestId}","found":false,"padding":"`);
      for (let i = 0; i < 100; i += 1) res.write(padding);
      res.end('"}');
    });
    const client = createEndpointClient({ clock: movableClock(), maxResponseBytes: 1_024 });
    for (const server of [announced, streamed]) {
      const call = await client.call(connector(server.url), request);
      expect(call).toMatchObject({
        answer: { ok: false, failure: 'bad_response' },
        detail: 'Answer is larger than 1024 bytes',
      });
    }
  });
});

describe('circuit breaker around an endpoint', () => {
  it('stops calling after 5 failures in a row and tries once again after 30 seconds', async () => {
    const clock = movableClock();
    let healthy = false;
    const good = brandReceiver(clock, {});
    const server = await startServer((req, res, body) =>
      healthy ? good(req, res, body) : sendJson(res, 503, { error: 'maintenance' }),
    );
    const client = createEndpointClient({ clock });
    const endpoint = connector(server.url);

    for (let i = 0; i < 5; i += 1) {
      expect((await client.call(endpoint, request)).answer).toEqual({ ok: false, failure: 'http_error' });
    }
    expect(client.circuitState(endpoint.id)).toBe('open');
    const { result: refused, ms } = await timed(() => client.call(endpoint, request));
    expect(refused).toMatchObject({ answer: { ok: false, failure: 'circuit_open' }, httpStatus: null });
    expect(ms).toBeLessThan(20);
    expect(server.received).toHaveLength(5);
    // Another connector of the same server is judged on its own.
    expect((await client.call({ ...endpoint, id: 'connector-2' }, request)).answer.ok).toBe(false);
    expect(server.received).toHaveLength(6);

    clock.advance(30);
    healthy = true;
    expect(client.circuitState(endpoint.id)).toBe('half_open');
    const [trial, concurrent] = await Promise.all([
      client.call(endpoint, request),
      client.call(endpoint, request),
    ]);
    expect(trial.answer).toEqual({ ok: true, found: false });
    expect(concurrent.answer).toEqual({ ok: false, failure: 'circuit_open' });
    expect(server.received).toHaveLength(7);
    expect(client.circuitState(endpoint.id)).toBe('closed');
  });

  it('reopens when the trial fails, and counts a serial not found as a success', async () => {
    const clock = movableClock();
    let healthy = false;
    const good = brandReceiver(clock, {});
    const server = await startServer((req, res, body) =>
      healthy ? good(req, res, body) : sendJson(res, 500, {}),
    );
    const client = createEndpointClient({ clock });
    const endpoint = connector(server.url);

    for (let i = 0; i < 4; i += 1) await client.call(endpoint, request);
    healthy = true;
    await client.call(endpoint, request);
    healthy = false;
    for (let i = 0; i < 4; i += 1) await client.call(endpoint, request);
    expect(client.circuitState(endpoint.id)).toBe('closed');

    await client.call(endpoint, request);
    expect(client.circuitState(endpoint.id)).toBe('open');
    clock.advance(30);
    expect((await client.call(endpoint, request)).answer).toEqual({ ok: false, failure: 'http_error' });
    expect(client.circuitState(endpoint.id)).toBe('open');
    clock.advance(29);
    expect((await client.call(endpoint, request)).answer).toEqual({ ok: false, failure: 'circuit_open' });
    expect(server.received).toHaveLength(11);
  });
});
