import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetOldIdempotencyKeys } from '../../http/idempotency.js';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

const DAY_MS = 24 * 3600 * 1000;
let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let frOfficer: TestClient;
let sharedProductId: string;
let unsharedProductId: string;

const text = (en: string, fr?: string) => ({ original: 'en', texts: fr ? { en, fr } : { en } });

async function client(
  kind: OrganisationKind,
  countryCode: string | null,
  roles: Role[],
  organisationId?: string,
) {
  const orgId = organisationId ?? (await makeOrganisation(t.ctx, { kind, countryCode })).id;
  const user = await makeUser(t.ctx, orgId, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: orgId };
}

async function makeProduct(brandId: string, reference: string, shares: unknown[]) {
  const created = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
    brandId,
    reference,
    name: text(`Velmora running shoe ${reference}`, `Chaussure de course Velmora ${reference}`),
    category: 'footwear',
    hsCodes: ['6404.11'],
    identifiers: [],
    countriesOfManufacture: ['VN'],
    guidePoints: [],
    indicators: [],
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const shared = await owner.request('PUT', `/api/rights-holders/${rightsHolderId}/products/${id}/shares`, {
    shares,
  });
  expect(shared.statusCode).toBe(200);
  return id;
}

const report = (overrides: Record<string, unknown> = {}) => ({
  source: 'scan',
  productIds: [sharedProductId],
  scannedCode: '(01)09506000134352(10)AB12',
  location: { office: 'Le Havre port', locode: 'fr leh' },
  shipment: {
    transportMode: 'SEA',
    originCountry: 'cn',
    destinationCountry: 'FR',
    exporterName: 'Shenzhen Example Trading Co.',
    description: 'sport shoes',
    hsCode: '6404.11',
    declaredValue: 1200.5,
    currency: 'usd',
    smallConsignment: false,
  },
  goods: [{ productId: sharedProductId, description: 'Running shoes, blue', quantity: 240 }],
  notes: 'Logo stitching uneven, box label misspelt.',
  ...overrides,
});

const open = (who: TestClient, body: unknown, key: string | null = randomUUID()) =>
  who.request('POST', '/api/cases', body, key ? { 'idempotency-key': key } : {});

beforeAll(async () => {
  t = await createTestApp();
  const holder = await client('rights_holder', 'IT', ['admin']);
  owner = holder.client;
  rightsHolderId = holder.organisationId;
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, {
    name: 'Velmora',
    aliases: [],
    categories: ['footwear'],
  });
  sharedProductId = await makeProduct(brand.json().id, 'VLM-1', [{ kind: 'country', countryCode: 'FR' }]);
  unsharedProductId = await makeProduct(brand.json().id, 'VLM-2', [{ kind: 'country', countryCode: 'KE' }]);
  frOfficer = (await client('customs', 'FR', ['officer'])).client;
});
afterAll(() => t.close());

describe("telling the rights holder's systems", () => {
  it('sends a signed case.opened event to the webhook of the rights holder of the goods, with its goods only', async () => {
    const received: { type: string; data: Record<string, unknown>; signature: string | undefined }[] = [];
    const receiver = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push({
        type: event.type,
        data: event.data,
        signature: request.headers['assay-signature'] as string,
      });
      response.end();
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const saved = await owner.request('PUT', `/api/rights-holders/${rightsHolderId}/webhook`, { url });
      expect(saved.statusCode).toBeLessThan(300);
      const opened = await open(frOfficer, report());
      expect(opened.statusCode).toBe(201);
      await t.ctx.webhookDispatcher.runOnce();
      const event = received.find((entry) => entry.type === 'case.opened');
      expect(event?.data).toMatchObject({
        caseId: opened.json().id,
        reference: opened.json().reference,
        countryCode: 'FR',
        source: 'scan',
        goods: [{ productId: sharedProductId, description: 'Running shoes, blue', quantity: 240 }],
      });
      expect(event?.signature).toMatch(/^v1=[0-9a-f]{64}$/);
    } finally {
      await owner.request('DELETE', `/api/rights-holders/${rightsHolderId}/webhook`);
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('opening a case', () => {
  it('opens a case with a readable reference per country and year, and shows it back', async () => {
    const first = await open(frOfficer, report());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'awaiting_answer',
      reference: expect.stringMatching(/^FR-\d{4}-\d{6}$/),
    });
    const second = await open(frOfficer, report());
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(second.json().reference)).toBe(number(first.json().reference) + 1);

    const shown = await frOfficer.get(`/api/cases/${first.json().id}?lang=fr`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      countryCode: 'FR',
      locode: 'FRLEH',
      source: 'scan',
      scannedCode: '(01)09506000134352(10)AB12',
      shipment: { originCountry: 'CN', currency: 'USD', hsCode: '640411', declaredValue: 1200.5 },
      goods: [{ productId: sharedProductId, quantity: 240, rightsHolderId }],
      productNames: ['Chaussure de course Velmora VLM-1'],
    });
  });

  it('creates nothing twice when the same request is retried with the same key', async () => {
    const key = randomUUID();
    const before = (await frOfficer.get('/api/cases')).json().cases.length;
    const first = await open(frOfficer, report({ notes: 'retried' }), key);
    const retry = await open(frOfficer, report({ notes: 'retried' }), key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect((await frOfficer.get('/api/cases')).json().cases.length).toBe(before + 1);
  });

  it('creates one case when two identical retries race', async () => {
    const key = randomUUID();
    const before = (await frOfficer.get('/api/cases')).json().cases.length;
    const answers = await Promise.all([1, 2, 3].map(() => open(frOfficer, report({ notes: 'race' }), key)));
    expect(new Set(answers.map((answer) => answer.json().id)).size).toBe(1);
    expect((await frOfficer.get('/api/cases')).json().cases.length).toBe(before + 1);
  });

  it('forgets keys after 30 days: a retry then opens a new case', async () => {
    const key = randomUUID();
    const first = (await open(frOfficer, report({ notes: 'long weekend' }), key)).json();
    expect(await forgetOldIdempotencyKeys(t.ctx.db, new Date(Date.now() + 29 * DAY_MS))).toBe(0);
    expect((await open(frOfficer, report({ notes: 'long weekend' }), key)).json().id).toBe(first.id);
    expect(await forgetOldIdempotencyKeys(t.ctx.db, new Date(Date.now() + 31 * DAY_MS))).toBeGreaterThan(0);
    expect((await open(frOfficer, report({ notes: 'long weekend' }), key)).json().id).not.toBe(first.id);
  });

  it('refuses the same key for a different report, and changes nothing', async () => {
    const key = randomUUID();
    expect((await open(frOfficer, report({ notes: 'one' }), key)).statusCode).toBe(201);
    const before = (await frOfficer.get('/api/cases')).json().cases.length;
    const reused = await open(frOfficer, report({ notes: 'another' }), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');
    expect((await frOfficer.get('/api/cases')).json().cases.length).toBe(before);
  });

  it('asks for an idempotency key', async () => {
    const missing = await open(frOfficer, report(), null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ location: 'headers', path: 'idempotency-key' });
  });

  it.each([
    [{ shipment: { originCountry: 'XX' } }, 'shipment.originCountry'],
    [{ shipment: { declaredValue: 10 } }, 'shipment.currency'],
    [{ shipment: { hsCode: '12' } }, 'shipment.hsCode'],
    [{ location: { locode: 'FRLE' } }, 'location.locode'],
    [{ goods: [{ description: 'shoes', quantity: 0 }] }, 'goods.0.quantity'],
    [{ source: 'rumour' }, 'source'],
  ])('refuses %j at %s, and a failed request leaves its key free', async (change, path) => {
    const key = randomUUID();
    const bad = await open(frOfficer, report(change), key);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect((await open(frOfficer, report(), key)).statusCode).toBe(201);
  });

  it('refuses a product the officer cannot see, naming where it is', async () => {
    const key = randomUUID();
    const hidden = await open(frOfficer, report({ productIds: [sharedProductId, unsharedProductId] }), key);
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details).toEqual([
      { path: 'productIds.1', message: 'No such product in the guides you can see' },
    ]);
    // Nothing was written: the key is still free for a corrected report.
    expect((await open(frOfficer, report(), key)).statusCode).toBe(201);
  });

  it("refuses an alert that is not in the officer's inbox", async () => {
    const key = randomUUID();
    const unknown = await open(frOfficer, report({ source: 'alert', alertId: randomUUID() }), key);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { path: 'alertId', message: 'No such alert in your inbox' },
    ]);

    const alert = (target: string, status: 'published' | 'draft') =>
      t.ctx.db
        .insertInto('alerts')
        .values({
          organisation_id: rightsHolderId,
          status,
          severity: 'high',
          title: { original: 'en', texts: { en: 'Fake Velmora shoes via Le Havre' } },
          body: { original: 'en', texts: { en: 'Look for uneven stitching.' } },
          indicators: {
            exporterNames: [],
            importerNames: [],
            routes: [],
            ports: ['FRLEH'],
            descriptions: [],
            hsCodes: [],
          },
          target_countries: [target],
          valid_from: '2026-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    for (const [target, status, expected] of [
      ['FR', 'published', 201],
      ['KE', 'published', 400],
      ['FR', 'draft', 400],
    ] as const) {
      const { id } = await alert(target, status);
      const answer = await open(frOfficer, report({ source: 'alert', alertId: id }));
      expect(answer.statusCode, `${status} alert for ${target}`).toBe(expected);
    }
  });

  it('keeps a product named without counted goods on the case', async () => {
    const opened = await open(frOfficer, report({ goods: [] }));
    const shown = (await frOfficer.get(`/api/cases/${opened.json().id}`)).json();
    expect(shown.goods).toEqual([
      {
        productId: sharedProductId,
        productName: 'Velmora running shoe VLM-1',
        rightsHolderId,
        description: null,
        quantity: null,
      },
    ]);
  });
});

describe('who opens and who sees cases', () => {
  it.each([
    ['customs', 'FR', ['officer'], 201],
    ['customs', 'FR', ['analyst'], 201],
    ['police', 'FR', ['national_coordinator'], 201],
    ['customs', 'FR', ['admin'], 403],
    ['rights_holder', 'FR', ['admin'], 403],
    ['legal_representative', 'FR', ['admin'], 403],
  ] as const)('a %s user in %s with roles %j gets %i', async (kind, country, roles, status) => {
    const { client: who } = await client(kind, country, [...roles]);
    expect((await open(who, report({ productIds: [], goods: [] }))).statusCode).toBe(status);
  });

  it('shows a case to its authority and to the rights holder of the goods, to nobody else', async () => {
    const frCustoms = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
    const opener = (await client('customs', 'FR', ['officer'], frCustoms.id)).client;
    const colleague = (await client('customs', 'FR', ['officer'], frCustoms.id)).client;
    const opened = (await open(opener, report())).json();

    const representative = await client('legal_representative', 'FR', ['admin']);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: representative.organisationId, rights_holder_id: rightsHolderId })
      .execute();
    const seers = { colleague, owner, representative: representative.client };
    for (const [who, seer] of Object.entries(seers)) {
      const listed = (await seer.get('/api/cases')).json().cases.map((item: { id: string }) => item.id);
      expect(listed, who).toContain(opened.id);
      expect((await seer.get(`/api/cases/${opened.id}`)).statusCode, who).toBe(200);
    }

    const others = {
      'another FR authority': (await client('customs', 'FR', ['officer'])).client,
      'another rights holder': (await client('rights_holder', 'IT', ['admin'])).client,
      'an unrelated legal representative': (await client('legal_representative', 'FR', ['admin'])).client,
      operator: (await client('platform_operator', null, ['admin'])).client,
    };
    for (const [who, other] of Object.entries(others)) {
      const listed = (await other.get('/api/cases')).json().cases.map((item: { id: string }) => item.id);
      expect(listed, who).not.toContain(opened.id);
      expect((await other.get(`/api/cases/${opened.id}`)).statusCode, who).toBe(404);
    }
    expect((await new TestClient(t.app).get('/api/cases')).statusCode).toBe(401);
  });

  it("shows each rights holder only its own goods of a shipment that holds another's too", async () => {
    const other = await client('rights_holder', 'DE', ['admin']);
    const otherBrand = await other.client.post(`/api/rights-holders/${other.organisationId}/brands`, {
      name: 'Kestrel Optics',
      aliases: [],
      categories: ['eyewear'],
    });
    const otherProduct = await other.client.post(`/api/rights-holders/${other.organisationId}/products`, {
      brandId: otherBrand.json().id,
      reference: 'KO-SUN-1',
      name: text('Kestrel Optics aviator sunglasses'),
      category: 'eyewear',
      hsCodes: ['9004.10'],
      identifiers: [],
      countriesOfManufacture: ['IT'],
      guidePoints: [],
      indicators: [],
    });
    const otherProductId = otherProduct.json().id as string;
    await other.client.request(
      'PUT',
      `/api/rights-holders/${other.organisationId}/products/${otherProductId}/shares`,
      {
        shares: [{ kind: 'all' }],
      },
    );
    const opened = (
      await open(
        frOfficer,
        report({
          productIds: [sharedProductId, otherProductId],
          goods: [
            { productId: sharedProductId, description: 'Running shoes', quantity: 240 },
            { productId: otherProductId, description: 'Sunglasses', quantity: 1200 },
            { description: 'Unbranded boxes', quantity: 30 },
          ],
        }),
      )
    ).json();

    const officerView = (await frOfficer.get(`/api/cases/${opened.id}`)).json();
    expect(officerView.goods.map((line: { quantity: number }) => line.quantity)).toEqual([240, 1200, 30]);
    const ownerView = (await owner.get(`/api/cases/${opened.id}`)).json();
    expect(ownerView.goods).toEqual([expect.objectContaining({ productId: sharedProductId, quantity: 240 })]);
    expect(ownerView.productNames).toEqual(['Velmora running shoe VLM-1']);
    const otherView = (await other.client.get(`/api/cases/${opened.id}`)).json();
    expect(otherView.goods).toEqual([expect.objectContaining({ productId: otherProductId, quantity: 1200 })]);
    const listed = (await other.client.get('/api/cases')).json().cases;
    expect(listed.find((item: { id: string }) => item.id === opened.id).productNames).toEqual([
      'Kestrel Optics aviator sunglasses',
    ]);
  });

  it('writes the opening to the audit log of the authority', async () => {
    const opened = (await open(frOfficer, report())).json();
    const event = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('target_id', '=', opened.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'case.opened', details: { reference: opened.reference } });
  });
});
