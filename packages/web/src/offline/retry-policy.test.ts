import { describe, expect, it } from 'vitest';
import { backoffMs, decide } from './retry-policy';

describe('decide', () => {
  it('takes a 2xx answer as delivered, with the case reference', () => {
    expect(decide({ ok: true, id: 'c1', reference: 'FR-2026-000012' }, 0)).toEqual({
      kind: 'delivered',
      id: 'c1',
      reference: 'FR-2026-000012',
    });
  });

  it('sends again later when there was no answer at all', () => {
    expect(decide({ ok: false, status: 0, code: 'unavailable' }, 1)).toEqual({
      kind: 'retry',
      delayMs: 15_000,
      reason: 'network',
    });
  });

  it.each([500, 502, 503, 504, 408, 429])('sends again later after a %i', (status) => {
    expect(decide({ ok: false, status, code: 'unavailable' }, 2)).toMatchObject({
      kind: 'retry',
      reason: 'server',
    });
  });

  it('waits for a new sign-in rather than giving up on a lost session', () => {
    expect(decide({ ok: false, status: 401, code: 'unauthorised' }, 1)).toMatchObject({
      kind: 'retry',
      reason: 'sign_in',
    });
    expect(decide({ ok: false, status: 403, code: 'csrf_failed' }, 1)).toMatchObject({
      kind: 'retry',
      reason: 'sign_in',
    });
  });

  it.each([
    [400, 'validation_failed'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'idempotency_key_reused'],
    [413, 'payload_too_large'],
  ])('keeps the report for the officer to correct after a %i %s', (status, code) => {
    expect(decide({ ok: false, status, code }, 1)).toEqual({ kind: 'attention' });
  });
});

describe('backoffMs', () => {
  it('doubles the pause after each failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffMs)).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000,
    ]);
  });
});
