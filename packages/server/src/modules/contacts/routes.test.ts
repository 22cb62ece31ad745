import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;

async function client(
  kind: OrganisationKind,
  countryCode: string | null,
  roles: Role[] = ['admin'],
  name?: string,
) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode, ...(name ? { name } : {}) });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

const errorPaths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

const contact = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  title: 'Brand protection manager',
  email: `${name
    .split(' ')[0]!
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}@trailhawk.example`,
  phone: '+49 40 1234 5678',
  countries: [],
  languages: ['en', 'DE'],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  const holder = await client('rights_holder', 'DE', ['member'], 'Trailhawk Sports GmbH');
  owner = holder.client;
  rightsHolderId = holder.organisationId;
});
afterAll(() => t.close());

describe('contacts', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/contacts`;

  it('are created, read, listed, changed and removed, each write in the audit log', async () => {
    const created = await owner.post(
      url(),
      contact('Hanna Berger', { email: 'Hanna.Berger@Trailhawk.example', countries: ['de', 'AT', 'DE'] }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Hanna Berger',
      email: 'hanna.berger@trailhawk.example',
      countries: ['DE', 'AT'],
      languages: ['en', 'de'],
      alwaysAvailable: false,
      hours: null,
    });
    const hotline = await owner.post(url(), {
      name: 'Trailhawk 24/7 hotline',
      phone: '+49 800 000 0000',
      alwaysAvailable: true,
    });
    expect(hotline.statusCode).toBe(201);
    expect(hotline.json()).toMatchObject({ email: null, title: null, countries: [], alwaysAvailable: true });

    expect((await owner.get(url())).json().contacts.map((c: { name: string }) => c.name)).toEqual([
      'Hanna Berger',
      'Trailhawk 24/7 hotline',
    ]);
    const changed = await owner.request(
      'PUT',
      `${url()}/${created.json().id}`,
      contact('Hanna Berger', { hours: 'Mon–Fri 08:00–18:00 CET', phone: null }),
    );
    expect(changed.json()).toMatchObject({ hours: 'Mon–Fri 08:00–18:00 CET', phone: null, countries: [] });
    expect((await owner.get(`${url()}/${created.json().id}`)).json().hours).toBe('Mon–Fri 08:00–18:00 CET');
    expect((await owner.delete(`${url()}/${hotline.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(`${url()}/${hotline.json().id}`)).statusCode).toBe(404);

    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'contact')
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'contact.created',
      'contact.created',
      'contact.updated',
      'contact.deleted',
    ]);
  });

  it.each([
    ['no name', { name: ' ' }, 'name'],
    ['neither email nor phone', { email: null, phone: null }, 'email'],
    ['a malformed email', { email: 'hanna@' }, 'email'],
    ['a phone with letters', { phone: 'call me' }, 'phone'],
    ['an unknown country', { countries: ['DE', 'EU'] }, 'countries.1'],
    ['a three-letter language', { languages: ['deu'] }, 'languages.0'],
    ['hours that are not text', { hours: 24 }, 'hours'],
    ['a 24/7 flag that is not true or false', { alwaysAvailable: 'yes' }, 'alwaysAvailable'],
  ])('refuse %s, naming the field', async (_name, overrides, path) => {
    const response = await owner.post(url(), contact('Bad Contact', overrides));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toContain(path);
  });

  it("answer 404 for another rights holder's contacts", async () => {
    const other = await client('rights_holder', 'IT');
    const theirs = await other.client.post(
      `/api/rights-holders/${other.organisationId}/contacts`,
      contact('Giulia Secret'),
    );
    expect((await owner.get(`${url()}/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await owner.request('PUT', `${url()}/${theirs.json().id}`, contact('X'))).statusCode).toBe(404);
    expect((await owner.delete(`${url()}/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/rights-holders/${other.organisationId}/contacts`)).statusCode).toBe(404);
  });
});

describe('company information', () => {
  let companyId: string;

  beforeAll(async () => {
    const company = await client('rights_holder', 'FR', ['admin'], 'Maison Verdier SA');
    companyId = company.organisationId;
    await t.ctx.db
      .updateTable('organisations')
      .set({ website: 'https://verdier.example' })
      .where('id', '=', companyId)
      .execute();
    const base = `/api/rights-holders/${companyId}`;
    await company.client.post(`${base}/brands`, {
      name: 'Verdier',
      aliases: ['MV', 'Maison V'],
      categories: ['leather goods'],
    });
    await company.client.post(`${base}/brands`, { name: 'Atelier Rousse', categories: ['scarves'] });
    for (const body of [
      contact('Zoé Worldwide', { countries: [] }),
      contact('Amira Kenya', { countries: ['KE', 'TZ'], languages: ['en', 'sw'] }),
      contact('Claire France', { countries: ['FR', 'BE'], languages: ['fr'], alwaysAvailable: true }),
      contact('Bruno Night', { countries: [], alwaysAvailable: true, hours: null }),
    ])
      expect((await company.client.post(`${base}/contacts`, body)).statusCode).toBe(201);
  });

  const viewers = [
    { name: 'FR customs officer', kind: 'customs', country: 'FR', roles: ['officer'], sees: true },
    { name: 'FR customs analyst', kind: 'customs', country: 'FR', roles: ['analyst'], sees: true },
    {
      name: 'KE customs coordinator',
      kind: 'customs',
      country: 'KE',
      roles: ['national_coordinator', 'admin'],
      sees: true,
    },
    { name: 'DE police officer', kind: 'police', country: 'DE', roles: ['officer'], sees: true },
    {
      name: 'NL market surveillance',
      kind: 'other_enforcement',
      country: 'NL',
      roles: ['officer'],
      sees: true,
    },
    { name: 'another rights holder', kind: 'rights_holder', country: 'IT', roles: ['admin'], sees: false },
    {
      name: 'a legal representative',
      kind: 'legal_representative',
      country: 'FR',
      roles: ['admin'],
      sees: false,
    },
    {
      name: 'an industry association',
      kind: 'industry_association',
      country: 'FR',
      roles: ['admin'],
      sees: false,
    },
    {
      name: 'the platform operator',
      kind: 'platform_operator',
      country: null,
      roles: ['admin'],
      sees: false,
    },
  ] as const;

  it.each(viewers)('$name: visible $sees', async (viewer) => {
    const { client: as } = await client(viewer.kind, viewer.country, [...viewer.roles]);
    const list = await as.get('/api/catalogue/rights-holders');
    const detail = await as.get(`/api/catalogue/rights-holders/${companyId}`);
    if (!viewer.sees) {
      expect(list.statusCode).toBe(404);
      expect(detail.statusCode).toBe(404);
      expect(list.body + detail.body).not.toMatch(/Verdier|Claire|verdier\.example/);
      return;
    }
    expect(list.statusCode).toBe(200);
    expect(list.json().rightsHolders).toContainEqual({
      id: companyId,
      name: 'Maison Verdier SA',
      countryCode: 'FR',
      website: 'https://verdier.example',
      brands: [
        {
          id: expect.any(String),
          name: 'Atelier Rousse',
          aliases: [],
          categories: ['scarves'],
          logoImageId: null,
        },
        {
          id: expect.any(String),
          name: 'Verdier',
          aliases: ['MV', 'Maison V'],
          categories: ['leather goods'],
          logoImageId: null,
        },
      ],
    });
    expect(detail.statusCode).toBe(200);
    const contacts = detail.json().contacts as { name: string; coversYourCountry: boolean }[];
    const mine = viewer.country === 'FR' ? ['Claire France'] : viewer.country === 'KE' ? ['Amira Kenya'] : [];
    const others = ['Amira Kenya', 'Claire France'].filter((name) => !mine.includes(name));
    expect(contacts.map((c) => c.name)).toEqual([...mine, 'Bruno Night', 'Zoé Worldwide', ...others]);
    expect(contacts.filter((c) => c.coversYourCountry).map((c) => c.name)).toEqual(mine);
    expect(detail.json()).toMatchObject({ name: 'Maison Verdier SA', website: 'https://verdier.example' });
  });

  it('shows the rights holder its own company as officers see it, but not the catalogue list', async () => {
    const own = await owner.get(`/api/catalogue/rights-holders/${rightsHolderId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().name).toBe('Trailhawk Sports GmbH');
    expect((await owner.get(`/api/catalogue/rights-holders/${companyId}`)).statusCode).toBe(404);
    expect((await owner.get('/api/catalogue/rights-holders')).statusCode).toBe(404);
  });

  it('finds companies by name, brand or alias, and never lists a pending one', async () => {
    const { client: officer } = await client('customs', 'BE', ['officer']);
    const names = async (q: string) =>
      (await officer.get(`/api/catalogue/rights-holders?q=${encodeURIComponent(q)}`))
        .json()
        .rightsHolders.map((company: { name: string }) => company.name);
    expect(await names('verdier')).toEqual(['Maison Verdier SA']);
    expect(await names('rousse')).toEqual(['Maison Verdier SA']);
    expect(await names('maison v')).toEqual(['Maison Verdier SA']);
    expect(await names('trailhawk')).toEqual(['Trailhawk Sports GmbH']);
    expect(await names('%')).toEqual([]);
    const pending = await makeOrganisation(t.ctx, {
      kind: 'rights_holder',
      status: 'pending',
      name: 'Pending Verdier Ltd',
    });
    expect(await names('verdier')).toEqual(['Maison Verdier SA']);
    expect((await officer.get(`/api/catalogue/rights-holders/${pending.id}`)).statusCode).toBe(404);
    const customs = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
    expect((await officer.get(`/api/catalogue/rights-holders/${customs.id}`)).statusCode).toBe(404);
  });

  it('needs a signed-in user', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/catalogue/rights-holders')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/catalogue/rights-holders/${companyId}`)).statusCode).toBe(401);
  });
});
