import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let rightsHolderId: string;
let owner: TestClient;
let brandId: string;

const text = (en: string, fr?: string) => ({ original: 'en', texts: fr ? { en, fr } : { en } });

const product = (reference: string, overrides: Record<string, unknown> = {}) => ({
  brandId,
  reference,
  name: text(`Norvalin 500 mg tablets ${reference}`, `Norvalin 500 mg comprimés ${reference}`),
  description: text('Film-coated tablets in blister packs of 20.'),
  category: 'analgesics',
  hsCodes: ['3004.90'],
  identifiers: [{ gtin: '4006381333931', level: 'item' }],
  countriesOfManufacture: ['no'],
  price: { min: 4.5, max: 7.9, currency: 'EUR' },
  guidePoints: [
    {
      title: text('Hologram on the seal', 'Hologramme sur le scellé'),
      body: text('Turns from green to blue when tilted.'),
      visibility: 'overt',
    },
    {
      title: text('UV micro-text'),
      body: text('Under UV light the batch code shows the letters NVX.'),
      visibility: 'covert',
    },
  ],
  indicators: [{ kind: 'price', text: text('Sold online below EUR 2 a box') }],
  ...overrides,
});

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[] = ['officer']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

beforeAll(async () => {
  t = await createTestApp();
  const rightsHolder = await client('rights_holder', 'NO', ['admin']);
  owner = rightsHolder.client;
  rightsHolderId = rightsHolder.organisationId;
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, {
    name: 'Norvalin',
    aliases: ['NVL'],
    categories: ['analgesics'],
  });
  expect(brand.statusCode).toBe(201);
  brandId = brand.json().id;
});
afterAll(() => t.close());

describe('writing products', () => {
  it('normalises GTINs and HS codes and keeps every language entered', async () => {
    const created = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, product('NVL-500'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      identifiers: [{ gtin: '04006381333931', level: 'item' }],
      hsCodes: ['300490'],
      countriesOfManufacture: ['NO'],
      name: { original: 'en', texts: { fr: 'Norvalin 500 mg comprimés NVL-500' } },
    });
  });

  it('refuses a GTIN with a wrong check digit, naming the field and the right digit, and writes nothing', async () => {
    const response = await owner.post(
      `/api/rights-holders/${rightsHolderId}/products`,
      product('NVL-BAD', { identifiers: [{ gtin: '4006381333932', level: 'item' }] }),
    );
    expect(response.statusCode).toBe(400);
    const detail = response.json().error.details[0];
    expect(detail.path).toBe('identifiers.0.gtin');
    expect(detail.message).toMatch(/1/);
    const list = await owner.get(`/api/rights-holders/${rightsHolderId}/products`);
    expect(list.json().products.map((p: { reference: string }) => p.reference)).not.toContain('NVL-BAD');
  });

  it('refuses the same GTIN on two products of one rights holder', async () => {
    const response = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, product('NVL-DUP'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toBe('identifiers');
  });

  it('upserts by the rights holder reference without ever duplicating', async () => {
    const url = `/api/rights-holders/${rightsHolderId}/products/by-reference/PIM-42`;
    const body = product('PIM-42', { identifiers: [{ gtin: '96385074', level: 'item' }] });
    const first = await owner.request('PUT', url, body);
    const second = await owner.request('PUT', url, { ...body, status: 'recalled' });
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().status).toBe('recalled');
    const references = (await owner.get(`/api/rights-holders/${rightsHolderId}/products`))
      .json()
      .products.map((p: { reference: string }) => p.reference);
    expect(references.filter((reference: string) => reference === 'PIM-42')).toHaveLength(1);
  });

  it('refuses covert points for a country-wide share', async () => {
    const { id } = (
      await owner.post(
        `/api/rights-holders/${rightsHolderId}/products`,
        product('NVL-SHARE', { identifiers: [] }),
      )
    ).json();
    const response = await owner.request(
      'PUT',
      `/api/rights-holders/${rightsHolderId}/products/${id}/shares`,
      {
        shares: [{ kind: 'country', countryCode: 'FR', includesCovert: true }],
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toContain('includesCovert');
  });
});

describe('who sees a product guide', () => {
  const scenarios = {
    'not shared': [],
    'shared with all': [{ kind: 'all', includesCovert: false }],
    'shared with FR': [{ kind: 'country', countryCode: 'FR', includesCovert: false }],
    'shared with KE customs (overt)': [{ kind: 'organisation', organisationId: 'KE', includesCovert: false }],
    'shared with KE customs (covert too)': [
      { kind: 'organisation', organisationId: 'KE', includesCovert: true },
    ],
  } as const;
  type Scenario = keyof typeof scenarios;

  const viewers = [
    { name: 'FR customs officer', kind: 'customs', country: 'FR', roles: ['officer'] },
    { name: 'FR customs analyst', kind: 'customs', country: 'FR', roles: ['analyst'] },
    {
      name: 'FR customs coordinator',
      kind: 'customs',
      country: 'FR',
      roles: ['national_coordinator', 'admin'],
    },
    { name: 'FR police officer', kind: 'police', country: 'FR', roles: ['officer'] },
    { name: 'KE customs officer', kind: 'customs', country: 'KE', roles: ['officer'] },
    { name: 'DE market surveillance officer', kind: 'other_enforcement', country: 'DE', roles: ['officer'] },
    { name: 'another rights holder', kind: 'rights_holder', country: null, roles: ['admin'] },
    {
      name: 'an unrelated legal representative',
      kind: 'legal_representative',
      country: null,
      roles: ['admin'],
    },
    { name: 'an industry association', kind: 'industry_association', country: null, roles: ['admin'] },
    { name: 'the platform operator', kind: 'platform_operator', country: null, roles: ['admin'] },
  ] as const;

  /** What each viewer should get, written out by hand from the sharing rules. */
  function expected(viewer: (typeof viewers)[number], scenario: Scenario): 'none' | 'overt' | 'covert' {
    const enforcement = ['customs', 'police', 'other_enforcement'].includes(viewer.kind);
    if (!enforcement) return 'none';
    switch (scenario) {
      case 'not shared':
        return 'none';
      case 'shared with all':
        return 'overt';
      case 'shared with FR':
        return viewer.country === 'FR' ? 'overt' : 'none';
      case 'shared with KE customs (overt)':
        return viewer.name === 'KE customs officer' ? 'overt' : 'none';
      case 'shared with KE customs (covert too)':
        return viewer.name === 'KE customs officer' ? 'covert' : 'none';
    }
  }

  const clients = new Map<string, TestClient>();
  const productIds = new Map<Scenario, string>();

  beforeAll(async () => {
    const orgIds = new Map<string, string>();
    for (const viewer of viewers) {
      const key = `${viewer.kind}:${viewer.country}`;
      let organisationId = orgIds.get(key);
      if (!organisationId || viewer.kind !== 'customs') {
        organisationId = (await makeOrganisation(t.ctx, { kind: viewer.kind, countryCode: viewer.country }))
          .id;
        orgIds.set(key, organisationId);
      }
      const user = await makeUser(t.ctx, organisationId, { roles: [...viewer.roles], twoFactor: true });
      const signedIn = new TestClient(t.app);
      await signIn(signedIn, t.ctx, user);
      clients.set(viewer.name, signedIn);
    }
    const keCustoms = orgIds.get('customs:KE')!;
    let gtinSerial = 0;
    for (const [scenario, shares] of Object.entries(scenarios) as [
      Scenario,
      readonly Record<string, unknown>[],
    ][]) {
      gtinSerial += 1;
      const created = await owner.post(
        `/api/rights-holders/${rightsHolderId}/products`,
        product(`MATRIX-${gtinSerial}`, { identifiers: [] }),
      );
      productIds.set(scenario, created.json().id);
      const resolved = shares.map((share) =>
        share.organisationId ? { ...share, organisationId: keCustoms } : share,
      );
      const response = await owner.request(
        'PUT',
        `/api/rights-holders/${rightsHolderId}/products/${created.json().id}/shares`,
        { shares: resolved },
      );
      expect(response.statusCode).toBe(200);
    }
  });

  const cases = viewers.flatMap((viewer) =>
    (Object.keys(scenarios) as Scenario[]).map((scenario) => ({ viewer, scenario })),
  );

  it.each(cases)('$viewer.name, product $scenario', async ({ viewer, scenario }) => {
    const viewerClient = clients.get(viewer.name)!;
    const productId = productIds.get(scenario)!;
    const want = expected(viewer, scenario);

    const listed = (await viewerClient.get('/api/catalogue/products'))
      .json()
      .products.map((p: { id: string }) => p.id);
    expect(listed.includes(productId)).toBe(want !== 'none');

    const guide = await viewerClient.get(`/api/catalogue/products/${productId}`);
    if (want === 'none') {
      expect(guide.statusCode).toBe(404);
      expect(guide.body).not.toContain('UV micro-text');
      return;
    }
    expect(guide.statusCode).toBe(200);
    const titles = guide.json().guidePoints.map((point: { title: { text: string } }) => point.title.text);
    expect(titles).toContain('Hologram on the seal');
    expect(titles.includes('UV micro-text')).toBe(want === 'covert');
    expect(guide.body.includes('NVX')).toBe(want === 'covert');
  });

  it("keeps another organisation's portfolio management out of reach", async () => {
    for (const name of [
      'another rights holder',
      'an unrelated legal representative',
      'FR customs coordinator',
      'the platform operator',
    ]) {
      const response = await clients.get(name)!.get(`/api/rights-holders/${rightsHolderId}/products`);
      expect(response.statusCode, name).toBe(404);
    }
  });

  it('lets a legal representative appointed by the rights holder manage its portfolio', async () => {
    const firm = await client('legal_representative', 'IT', ['member']);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: firm.organisationId, rights_holder_id: rightsHolderId })
      .execute();
    const response = await firm.client.get(`/api/rights-holders/${rightsHolderId}/products`);
    expect(response.statusCode).toBe(200);
    expect(response.json().products.length).toBeGreaterThan(0);
  });
});

describe('reading a guide in the officer language', () => {
  it('shows French where entered and marks the English fallback', async () => {
    const { id } = (
      await owner.post(
        `/api/rights-holders/${rightsHolderId}/products`,
        product('LANG-1', { identifiers: [] }),
      )
    ).json();
    await owner.request('PUT', `/api/rights-holders/${rightsHolderId}/products/${id}/shares`, {
      shares: [{ kind: 'all', includesCovert: false }],
    });
    const officer = (await client('customs', 'FR')).client;
    const guide = (await officer.get(`/api/catalogue/products/${id}?lang=fr`)).json();
    expect(guide.name).toEqual({
      text: 'Norvalin 500 mg comprimés LANG-1',
      language: 'fr',
      isReaderLanguage: true,
    });
    expect(guide.description).toEqual({
      text: 'Film-coated tablets in blister packs of 20.',
      language: 'en',
      isReaderLanguage: false,
    });
    const spanish = (await officer.get(`/api/catalogue/products/${id}?lang=es`)).json();
    expect(spanish.name.language).toBe('en');
  });
});

describe('guide views', () => {
  it('counts views per month and country for the rights holder, never naming the viewer', async () => {
    const { id } = (
      await owner.post(
        `/api/rights-holders/${rightsHolderId}/products`,
        product('VIEWS-1', { identifiers: [] }),
      )
    ).json();
    await owner.request('PUT', `/api/rights-holders/${rightsHolderId}/products/${id}/shares`, {
      shares: [{ kind: 'all', includesCovert: false }],
    });
    const before = (await owner.get(`/api/rights-holders/${rightsHolderId}/statistics/guide-views`)).json()
      .rows;
    const count = (rows: { countryCode: string; views: number }[], country: string) =>
      rows.filter((row) => row.countryCode === country).reduce((sum, row) => sum + row.views, 0);
    const kenya = (await client('customs', 'KE')).client;
    await kenya.get(`/api/catalogue/products/${id}`);
    await kenya.get(`/api/catalogue/products/${id}`);
    const response = await owner.get(`/api/rights-holders/${rightsHolderId}/statistics/guide-views`);
    const rows = response.json().rows;
    expect(count(rows, 'KE') - count(before, 'KE')).toBe(2);
    expect(rows[0].month).toMatch(/^\d{4}-\d{2}$/);
    expect(response.body).not.toMatch(/@example\.test|Person /);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', id)
      .where('action', '=', 'product.guide_viewed')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actor_user_id).toBeTruthy();
  });
});
