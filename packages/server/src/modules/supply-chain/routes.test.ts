import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let productId: string;
let foreign: { client: TestClient; rightsHolderId: string; productId: string };

async function client(kind: OrganisationKind, roles: Role[] = ['admin']) {
  const org = await makeOrganisation(t.ctx, { kind });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

async function makeProduct(as: TestClient, holderId: string, reference: string) {
  const brand = await as.post(`/api/rights-holders/${holderId}/brands`, { name: `Brand ${reference}` });
  const product = await as.post(`/api/rights-holders/${holderId}/products`, {
    brandId: brand.json().id,
    reference,
    name: { original: 'en', texts: { en: `Trail runner ${reference}` } },
    category: 'footwear',
  });
  expect(product.statusCode).toBe(201);
  return product.json().id as string;
}

const errorPaths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

const entry = (overrides: Record<string, unknown> = {}) => ({
  role: 'manufacturer',
  name: 'Dong Nai Footwear Co. Ltd',
  countryCode: 'vn',
  eori: 'de 1234567 8901234',
  taxNumber: '3600123456',
  address: 'Bien Hoa Industrial Zone 2, Dong Nai',
  ...overrides,
});

const route = (overrides: Record<string, unknown> = {}) => ({
  originCountry: 'VN',
  transitCountries: ['sg'],
  destinationCountry: 'DE',
  ports: ['VNSGN', 'de ham'],
  carriers: ['Oceanic Lines'],
  transportMode: 'sea',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  const holder = await client('rights_holder');
  owner = holder.client;
  rightsHolderId = holder.organisationId;
  productId = await makeProduct(owner, rightsHolderId, 'TR-100');
  const other = await client('rights_holder');
  foreign = {
    client: other.client,
    rightsHolderId: other.organisationId,
    productId: await makeProduct(other.client, other.organisationId, 'OTHER-1'),
  };
});
afterAll(() => t.close());

describe('supply-chain entries', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/supply-chain/entries`;

  it('are created, read, listed, changed and removed, each write in the audit log', async () => {
    const wide = await owner.post(url(), entry());
    expect(wide.statusCode).toBe(201);
    expect(wide.json()).toMatchObject({
      role: 'manufacturer',
      countryCode: 'VN',
      eori: 'DE12345678901234',
      taxNumber: '3600123456',
      product: null,
    });
    const specific = await owner.post(
      url(),
      entry({ role: 'importer', name: 'Trailhawk Europe GmbH', countryCode: 'DE', productId, eori: null }),
    );
    expect(specific.json()).toMatchObject({ eori: null, product: { id: productId, reference: 'TR-100' } });
    const bare = await owner.post(url(), {
      role: 'carrier',
      name: 'Oceanic Lines',
      countryCode: 'SG',
      address: ' ',
    });
    expect(bare.json()).toMatchObject({ eori: null, taxNumber: null, address: null });

    expect((await owner.get(url())).json().entries.map((e: { role: string }) => e.role)).toEqual([
      'carrier',
      'importer',
      'manufacturer',
    ]);
    expect((await owner.get(`${url()}?productId=${productId}`)).json().entries).toHaveLength(1);
    expect((await owner.get(`${url()}/${wide.json().id}`)).json().name).toBe('Dong Nai Footwear Co. Ltd');

    const changed = await owner.request(
      'PUT',
      `${url()}/${wide.json().id}`,
      entry({ role: 'licensee', productId }),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'licensee', product: { id: productId } });

    expect((await owner.delete(`${url()}/${bare.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(`${url()}/${bare.json().id}`)).statusCode).toBe(404);

    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', rightsHolderId)
      .where('target_type', '=', 'supply_chain_entry')
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'supply_chain_entry.created',
      'supply_chain_entry.created',
      'supply_chain_entry.created',
      'supply_chain_entry.updated',
      'supply_chain_entry.deleted',
    ]);
  });

  it.each([
    ['an unknown role', { role: 'wholesaler' }, 'role'],
    ['no name', { name: '' }, 'name'],
    ['an unknown country', { countryCode: 'XX' }, 'countryCode'],
    ['an EORI without a country prefix', { eori: '1234567890' }, 'eori'],
    ['an EORI too long', { eori: 'DE1234567890123456' }, 'eori'],
    ['a tax number too long', { taxNumber: '1'.repeat(51) }, 'taxNumber'],
    ['a product id that is not a uuid', { productId: 'TR-100' }, 'productId'],
  ])('refuse %s, naming the field', async (_name, overrides, path) => {
    const response = await owner.post(url(), entry(overrides));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toContain(path);
  });

  it("refuse another rights holder's product and hide its entries", async () => {
    const response = await owner.post(url(), entry({ productId: foreign.productId }));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(['productId']);
    const theirs = await foreign.client.post(
      `/api/rights-holders/${foreign.rightsHolderId}/supply-chain/entries`,
      entry({ name: 'Secret Distributor SA' }),
    );
    expect(theirs.statusCode).toBe(201);
    for (const response of [
      await owner.get(`${url()}/${theirs.json().id}`),
      await owner.request('PUT', `${url()}/${theirs.json().id}`, entry()),
      await owner.delete(`${url()}/${theirs.json().id}`),
    ])
      expect(response.statusCode).toBe(404);
    expect((await owner.get(url())).body).not.toContain('Secret Distributor');
  });
});

describe('supply routes', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/supply-chain/routes`;

  it('are created, listed, changed and removed, with ports as UN/LOCODEs', async () => {
    const created = await owner.post(url(), route({ productId }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      originCountry: 'VN',
      transitCountries: ['SG'],
      destinationCountry: 'DE',
      ports: ['VNSGN', 'DEHAM'],
      carriers: ['Oceanic Lines'],
      transportMode: 'SEA',
      product: { id: productId, reference: 'TR-100' },
    });
    const air = await owner.post(url(), {
      originCountry: 'CN',
      destinationCountry: 'FR',
      ports: ['CNPVG', 'FRCDG'],
      transportMode: 'AIR',
    });
    expect(air.json()).toMatchObject({ transitCountries: [], carriers: [], product: null });
    const unknownMode = await owner.post(url(), { originCountry: 'IT', destinationCountry: 'CH' });
    expect(unknownMode.json().transportMode).toBeNull();

    expect(
      (await owner.get(url())).json().routes.map((r: { originCountry: string }) => r.originCountry),
    ).toEqual(['CN', 'IT', 'VN']);
    const changed = await owner.request(
      'PUT',
      `${url()}/${air.json().id}`,
      route({ transportMode: 'COURIER' }),
    );
    expect(changed.json()).toMatchObject({ originCountry: 'VN', transportMode: 'COURIER', product: null });
    expect((await owner.delete(`${url()}/${unknownMode.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(`${url()}/${unknownMode.json().id}`)).statusCode).toBe(404);
    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'supply_route')
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'supply_route.created',
      'supply_route.created',
      'supply_route.created',
      'supply_route.updated',
      'supply_route.deleted',
    ]);
  });

  it.each([
    ['a port of 6 characters', { ports: ['VNSGN', 'DEHAMB'] }, 'ports.1'],
    ['a port with a 1 in its location', { ports: ['DEHA1'] }, 'ports.0'],
    ['a port of no country', { ports: ['XXABC'] }, 'ports.0'],
    ['an unknown transit country', { transitCountries: ['SG', 'ZZ'] }, 'transitCountries.1'],
    ['no destination', { destinationCountry: undefined }, 'destinationCountry'],
    ['an unknown transport mode', { transportMode: 'BOAT' }, 'transportMode'],
    ['an empty carrier', { carriers: [''] }, 'carriers.0'],
  ])('refuse %s, naming the field', async (_name, overrides, path) => {
    const response = await owner.post(url(), route(overrides));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toContain(path);
  });
});
