import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers Assay signs every endpoint request with (lower case, as Node reports them). */
export const SIGNATURE_HEADERS = {
  timestamp: 'assay-timestamp',
  requestId: 'assay-request-id',
  signature: 'assay-signature',
} as const;

/** How far a request's timestamp may be from the receiver's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The `assay-signature` value: `v1=` and the hex HMAC-SHA256, keyed with the connector's signing
 * secret, of `<timestamp>.<requestId>.<body>`. Timestamp and id are inside the MAC so a captured
 * request cannot be replayed later or under another id.
 */
export function signEndpointRequest(
  secret: string,
  timestamp: number,
  requestId: string,
  body: string,
): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${requestId}.${body}`).digest('hex')}`;
}

export type SignatureRefusal = 'missing_header' | 'stale_timestamp' | 'bad_signature' | 'replayed';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureRefusal };

export interface SignatureCheckInput {
  secret: string;
  /** Request headers with lower-case names (Node's `IncomingMessage.headers`). */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw request body, exactly as received. */
  body: string;
  nowSeconds: number;
  /** Request ids already accepted within the tolerance window; the receiver keeps them that long. */
  seenRequestIds: { has(id: string): boolean; add(id: string): void };
  toleranceSeconds?: number;
}

/**
 * What an endpoint must do with each request, in the order that matters: the signature is checked
 * before the request id is remembered, so forged requests cannot burn ids of genuine ones.
 * The reference for rights holders (docs/authentication-endpoint.md) and the tests' receiver.
 */
export function verifyEndpointSignature({
  secret,
  headers,
  body,
  nowSeconds,
  seenRequestIds,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: SignatureCheckInput): SignatureCheck {
  const timestamp = single(headers[SIGNATURE_HEADERS.timestamp]);
  const requestId = single(headers[SIGNATURE_HEADERS.requestId]);
  const signature = single(headers[SIGNATURE_HEADERS.signature]);
  if (!timestamp || !requestId || !signature) return { ok: false, reason: 'missing_header' };
  // A timestamp that is not whole seconds cannot be inside the window either.
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  const expected = Buffer.from(signEndpointRequest(secret, Number(timestamp), requestId, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  if (seenRequestIds.has(requestId)) return { ok: false, reason: 'replayed' };
  seenRequestIds.add(requestId);
  return { ok: true };
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
