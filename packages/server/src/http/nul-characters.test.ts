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

describe('a streamed request body', () => {
  it('is left to its route: serials sent as CSV over a real connection are stored', async () => {
    const holder = await makeOrganisation(t.ctx, { kind: 'rights_holder', countryCode: 'NO' });
    const owner = new TestClient(t.app);
    await signIn(owner, t.ctx, await makeUser(t.ctx, holder.id, { roles: ['admin'], twoFactor: true }));
    const base = `/api/rights-holders/${holder.id}`;
    const brand = await owner.post(`${base}/brands`, {
      name: 'Norvexa',
      aliases: [],
      categories: ['pharmaceuticals'],
    });
    const connector = await owner.post(`${base}/connectors`, {
      kind: 'registry',
      name: 'Packaging line',
      brandId: brand.json().id,
    });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(
      `${address}${base}/connectors/${connector.json().connector.id}/serials/csv`,
      {
        method: 'POST',
        headers: {
          'content-type': 'text/csv',
          cookie: `assay_session=${owner.cookie}`,
          'x-csrf-token': owner.csrf ?? '',
        },
        body: 'gtin,serial,batch,expiry\n07038210000018,SN0001,B2026A,2028-03-31\n',
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rows: 1, stored: 1 });
  });
});
