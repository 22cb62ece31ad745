import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../test-support/test-app.js';

let t: TestApp;
let officer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const customs = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
  const user = await makeUser(t.ctx, customs.id, { roles: ['officer'], twoFactor: true });
  officer = new TestClient(t.app);
  await signIn(officer, t.ctx, user);
});
afterAll(() => t.close());

describe('a NUL character anywhere in a request', () => {
  it('is refused at its field in a query string', async () => {
    const response = await officer.get('/api/search?q=nor%00dic');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { location: 'querystring', path: 'q', message: 'Text may not contain the NUL character' },
    ]);
  });

  it('is refused at its field in a JSON body, and nothing is written', async () => {
    const response = await officer.request(
      'POST',
      '/api/cases',
      { source: 'manual', goods: [{ description: 'shoes\u0000', quantity: 2 }] },
      { 'idempotency-key': randomUUID() },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ location: 'body', path: 'goods.0.description' });
    expect((await officer.get('/api/cases')).json().cases).toEqual([]);
  });

  it('leaves ordinary text alone', async () => {
    expect((await officer.get('/api/search?q=nordic')).statusCode).toBe(200);
  });
});

describe('year 0', () => {
  it('is refused as a date-time, not sent to the database', async () => {
    const response = await officer.request(
      'POST',
      '/api/cases',
      { source: 'manual', observedAt: '0000-01-01T00:00:00Z' },
      { 'idempotency-key': randomUUID() },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: 'observedAt' });
  });
});
