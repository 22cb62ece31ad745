import { randomUUID } from 'node:crypto';
import { countryCode, type EndpointFailure, expiryDate, PACK_STATES, type RegisteredPack } from '@assay/core';
import { z } from 'zod';
import type { Clock } from '../../lib/clock.js';
import { type CircuitBreaker, createCircuitBreaker } from './circuit-breaker.js';
import { SIGNATURE_HEADERS, signEndpointRequest } from './endpoint-signing.js';

export type EndpointAnswer =
  | { ok: true; found: false }
  | { ok: true; found: true; pack: RegisteredPack }
  | { ok: false; failure: EndpointFailure };

export interface EndpointConnector {
  id: string;
  url: string;
  timeoutMs: number;
  secret: string;
}

export interface EndpointRequest {
  gtin: string;
  serial: string;
  batch: string | null;
  expiry: string | null;
  /** Where the officer verifies, ISO alpha-2. */
  country: string;
}

export interface EndpointCall {
  answer: EndpointAnswer;
  /** The endpoint's HTTP status, when it sent one. */
  httpStatus: number | null;
  durationMs: number;
  /** A short English reason for the delivery log; null when the endpoint answered. */
  detail: string | null;
}

export interface EndpointClientOptions {
  clock: Clock;
  breaker?: CircuitBreaker;
  maxResponseBytes?: number;
}

/** The answer body; unknown keys are ignored so endpoints may send more. */
const answerBody = z.discriminatedUnion('found', [
  z.object({ requestId: z.string(), found: z.literal(false) }),
  z.object({
    requestId: z.string(),
    found: z.literal(true),
    state: z.enum(PACK_STATES),
    batch: z.string().trim().min(1).max(20),
    expiry: expiryDate,
    intendedMarkets: z.array(countryCode).max(250).default([]),
  }),
]);

type Exchange = Omit<EndpointCall, 'durationMs'>;

/**
 * Asks rights holders' authentication endpoints about one serialised pack (protocol:
 * docs/authentication-endpoint.md). Never throws and never waits longer than the connector's
 * timeout: an officer is waiting at the bench, and any failure becomes "service unavailable".
 */
export function createEndpointClient({
  clock,
  breaker = createCircuitBreaker({ clock }),
  maxResponseBytes = 16_384,
}: EndpointClientOptions) {
  async function exchange(connector: EndpointConnector, request: EndpointRequest): Promise<Exchange> {
    const requestId = randomUUID();
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const body = JSON.stringify({ requestId, timestamp, ...request });
    // One deadline for connecting, headers and body alike: a trickling body must not hold the officer.
    const signal = AbortSignal.timeout(connector.timeoutMs);
    let response: Response;
    try {
      response = await fetch(connector.url, {
        method: 'POST',
        redirect: 'manual',
        signal,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          [SIGNATURE_HEADERS.timestamp]: String(timestamp),
          [SIGNATURE_HEADERS.requestId]: requestId,
          [SIGNATURE_HEADERS.signature]: signEndpointRequest(connector.secret, timestamp, requestId, body),
        },
        body,
      });
    } catch (error) {
      if (signal.aborted) return failed('timeout', null, `No answer within ${connector.timeoutMs} ms`);
      return failed('unreachable', null, connectionProblem(error));
    }
    const httpStatus = response.status;
    if (httpStatus !== 200) {
      discard(response);
      const redirect = httpStatus >= 300 && httpStatus < 400 ? ' (redirects are not followed)' : '';
      return failed('http_error', httpStatus, `HTTP ${httpStatus}${redirect}`);
    }
    const declaredLength = Number(response.headers.get('content-length') ?? 0);
    if (declaredLength > maxResponseBytes) {
      discard(response);
      return failed('bad_response', httpStatus, `Answer is larger than ${maxResponseBytes} bytes`);
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readAtMost(response, maxResponseBytes);
    } catch {
      if (signal.aborted) {
        return failed('timeout', httpStatus, `Answer not complete within ${connector.timeoutMs} ms`);
      }
      return failed('bad_response', httpStatus, 'Answer was cut off');
    }
    if (bytes === null) {
      return failed('bad_response', httpStatus, `Answer is larger than ${maxResponseBytes} bytes`);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return failed('bad_response', httpStatus, 'Answer is not JSON');
    }
    const parsed = answerBody.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return failed(
        'bad_response',
        httpStatus,
        `Answer does not follow the protocol (${where}${issue.message})`,
      );
    }
    const answer = parsed.data;
    if (answer.requestId !== requestId) {
      return failed('bad_response', httpStatus, 'Answer is for another request id');
    }
    if (!answer.found) return { answer: { ok: true, found: false }, httpStatus, detail: null };
    const { state, batch, expiry, intendedMarkets } = answer;
    return {
      answer: { ok: true, found: true, pack: { state, batch, expiry, intendedMarkets } },
      httpStatus,
      detail: null,
    };
  }

  return {
    async call(connector: EndpointConnector, request: EndpointRequest): Promise<EndpointCall> {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      if (!breaker.allow(connector.id)) {
        return {
          ...failed('circuit_open', null, 'Not called: the endpoint failed repeatedly, retrying later'),
          durationMs: elapsed(),
        };
      }
      let result: Exchange;
      try {
        result = await exchange(connector, request);
      } catch (error) {
        // Not expected; the officer still gets "service unavailable" rather than an error page.
        result = failed(
          'bad_response',
          null,
          `Unexpected error: ${error instanceof Error ? error.message : error}`,
        );
      }
      if (result.answer.ok) breaker.success(connector.id);
      else breaker.failure(connector.id);
      return { ...result, durationMs: elapsed() };
    },
    circuitState: (connectorId: string) => breaker.state(connectorId),
  };
}

export type EndpointClient = ReturnType<typeof createEndpointClient>;

function failed(failure: EndpointFailure, httpStatus: number | null, detail: string): Exchange {
  return { answer: { ok: false, failure }, httpStatus, detail };
}

/** Reads the body, or returns null as soon as it exceeds `limit` bytes. */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

/** Frees the connection without waiting for a body nobody reads. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

const CONNECTION_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset',
  ENOTFOUND: 'Host not found',
  EAI_AGAIN: 'Host name lookup failed',
  EHOSTUNREACH: 'Host unreachable',
  ENETUNREACH: 'Network unreachable',
};

/** fetch wraps the socket error in `cause`; several addresses tried give an AggregateError. */
function connectionProblem(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; errors?: { code?: unknown }[] }) : undefined;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code !== 'string') return 'Connection failed';
  if (CONNECTION_PROBLEMS[code]) return CONNECTION_PROBLEMS[code];
  if (/CERT|TLS|SSL/.test(code)) return `TLS handshake failed (${code})`;
  return `Connection failed (${code})`;
}
