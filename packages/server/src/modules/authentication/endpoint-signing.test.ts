import { describe, expect, it } from 'vitest';
import { signEndpointRequest, verifyEndpointSignature } from './endpoint-signing.js';

// The worked example of docs/authentication-endpoint.md: a change here must change the document too.
const example = {
  secret: 'assay-example-secret-do-not-use',
  timestamp: 1795424400,
  requestId: '7d4f2a1e-9c3b-4e8a-b5d6-0f1e2a3b4c5d',
  body: '{"requestId":"7d4f2a1e-9c3b-4e8a-b5d6-0f1e2a3b4c5d","timestamp":1795424400,"gtin":"09506000134352","serial":"7K2P9QX4","batch":"B2311A","expiry":"2028-06-30","country":"FR"}',
};

function signedHeaders(overrides: Record<string, string | undefined> = {}) {
  return {
    'assay-timestamp': String(example.timestamp),
    'assay-request-id': example.requestId,
    'assay-signature': signEndpointRequest(
      example.secret,
      example.timestamp,
      example.requestId,
      example.body,
    ),
    ...overrides,
  };
}

function check(
  headers: Record<string, string | undefined>,
  options: { nowSeconds?: number; body?: string } = {},
) {
  return verifyEndpointSignature({
    secret: example.secret,
    headers,
    body: options.body ?? example.body,
    nowSeconds: options.nowSeconds ?? example.timestamp,
    seenRequestIds: new Set(),
  });
}

describe('signing an endpoint request', () => {
  it('gives the signature of the documented worked example', () => {
    expect(signEndpointRequest(example.secret, example.timestamp, example.requestId, example.body)).toBe(
      'v1=78ec675f5717362f7a2833e90c0be24fd0a7b05b8396d529ea7ea5c2fb14e480',
    );
  });

  it('depends on the secret, the timestamp, the request id and every byte of the body', () => {
    const base = signEndpointRequest(example.secret, example.timestamp, example.requestId, example.body);
    expect(
      signEndpointRequest('another-secret', example.timestamp, example.requestId, example.body),
    ).not.toBe(base);
    expect(
      signEndpointRequest(example.secret, example.timestamp + 1, example.requestId, example.body),
    ).not.toBe(base);
    expect(signEndpointRequest(example.secret, example.timestamp, 'other-id', example.body)).not.toBe(base);
    expect(
      signEndpointRequest(example.secret, example.timestamp, example.requestId, `${example.body} `),
    ).not.toBe(base);
  });
});

describe('checking a request on the receiving side', () => {
  it('accepts a correctly signed request within the time window, either side of the clock', () => {
    expect(check(signedHeaders())).toEqual({ ok: true });
    expect(check(signedHeaders(), { nowSeconds: example.timestamp + 300 })).toEqual({ ok: true });
    expect(check(signedHeaders(), { nowSeconds: example.timestamp - 300 })).toEqual({ ok: true });
  });

  it('refuses a request without one of the three headers', () => {
    for (const name of ['assay-timestamp', 'assay-request-id', 'assay-signature']) {
      expect(check(signedHeaders({ [name]: undefined }))).toEqual({ ok: false, reason: 'missing_header' });
    }
  });

  it('refuses a timestamp more than 300 seconds old or ahead, and one that is not a number', () => {
    expect(check(signedHeaders(), { nowSeconds: example.timestamp + 301 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(check(signedHeaders(), { nowSeconds: example.timestamp - 301 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(check(signedHeaders({ 'assay-timestamp': 'yesterday' }))).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it('refuses a changed body, a moved timestamp, another secret and a malformed signature', () => {
    expect(check(signedHeaders(), { body: example.body.replace('"FR"', '"DE"') })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check(signedHeaders({ 'assay-timestamp': String(example.timestamp + 10) }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const forged = signEndpointRequest('guessed', example.timestamp, example.requestId, example.body);
    expect(check(signedHeaders({ 'assay-signature': forged }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check(signedHeaders({ 'assay-signature': 'v1=abc' }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses the same request id a second time, but a forged request does not use up the id', () => {
    const seenRequestIds = new Set<string>();
    const receive = (headers: Record<string, string>) =>
      verifyEndpointSignature({
        secret: example.secret,
        headers,
        body: example.body,
        nowSeconds: example.timestamp,
        seenRequestIds,
      });
    expect(receive(signedHeaders({ 'assay-signature': `v1=${'0'.repeat(64)}` }))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(receive(signedHeaders())).toEqual({ ok: true });
    expect(receive(signedHeaders())).toEqual({ ok: false, reason: 'replayed' });
  });
});
