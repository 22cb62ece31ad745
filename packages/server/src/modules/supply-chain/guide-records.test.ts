import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

/*
 * What an officer's product guide adds from the rest of the portfolio — supply chain, contacts,
 * IP rights with the recordation in the officer's country — and to whom: only with product access.
 */

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
const products: Record<'sharedWithFrance' | 'notShared' | 'sharedWithAll', string> = {
  sharedWithFrance: '',
  notShared: '',
  sharedWithAll: '',
};

/** Every name the guides may show: none of them may reach a viewer without access. */
const SECRETS = [
  'Tromso Tablet Works',
  'Nordic Export AS',
  'Bergen Distribution',
  'Oceanic Lines',
  'Rail Cargo Nord',
  'Solveig Strand',
  'Worldwide Hotline',
  'Wanjiru Kamau',
  'TM-NORVALIN-EU',
];

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[]) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return signedIn;
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t.ctx, {
    kind: 'rights_holder',
    countryCode: 'NO',
    name: 'Norvalin Pharma AS',
  });
  rightsHolderId = org.id;
  owner = new TestClient(t.app);
  await signIn(owner, t.ctx, await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true }));
  const base = `/api/rights-holders/${rightsHolderId}`;
  const post = async (path: string, body: unknown) => {
    const response = await owner.post(`${base}/${path}`, body);
    expect(response.statusCode, `${path}: ${response.body}`).toBe(201);
    return response.json().id as string;
  };

  const analgesics = await post('brands', { name: 'Norvalin' });
  const vitamins = await post('brands', { name: 'Vitanor' });
  const product = (brandId: string, reference: string) =>
    post('products', {
      brandId,
      reference,
      name: { original: 'en', texts: { en: reference } },
      category: 'medicines',
    });
  products.sharedWithFrance = await product(analgesics, 'NVL-500');
  products.notShared = await product(analgesics, 'NVL-1000');
  products.sharedWithAll = await product(vitamins, 'VTN-D3');
  const share = (productId: string, shares: unknown[]) =>
    owner.request('PUT', `${base}/products/${productId}/shares`, { shares });
  await share(products.sharedWithFrance, [{ kind: 'country', countryCode: 'FR' }]);
  await share(products.sharedWithAll, [{ kind: 'all' }]);

  await post('supply-chain/entries', {
    role: 'manufacturer',
    name: 'Tromso Tablet Works',
    countryCode: 'NO',
    productId: products.sharedWithFrance,
  });
  await post('supply-chain/entries', {
    role: 'exporter',
    name: 'Nordic Export AS',
    countryCode: 'NO',
    eori: 'NO987654321',
  });
  await post('supply-chain/entries', {
    role: 'distributor',
    name: 'Bergen Distribution',
    countryCode: 'NO',
    productId: products.notShared,
  });
  await post('supply-chain/routes', {
    originCountry: 'NO',
    destinationCountry: 'FR',
    ports: ['NOOSL', 'FRCDG'],
    carriers: ['Oceanic Lines'],
    transportMode: 'AIR',
    productId: products.sharedWithFrance,
  });
  await post('supply-chain/routes', {
    originCountry: 'NO',
    transitCountries: ['SE', 'DE'],
    destinationCountry: 'FR',
    carriers: ['Rail Cargo Nord'],
    transportMode: 'RAIL',
  });
  await post('supply-chain/routes', {
    originCountry: 'NO',
    destinationCountry: 'KE',
    transportMode: 'SEA',
    productId: products.notShared,
  });

  await post('contacts', { name: 'Worldwide Hotline', phone: '+47 800 00 000', alwaysAvailable: true });
  await post('contacts', {
    name: 'Wanjiru Kamau',
    email: 'wk@norvalin.example',
    countries: ['KE'],
    languages: ['sw', 'en'],
  });
  await post('contacts', {
    name: 'Solveig Strand',
    email: 'ss@norvalin.example',
    countries: ['FR', 'BE'],
    languages: ['fr'],
  });

  const brandMark = await post('ip-rights', {
    type: 'trademark',
    registrationNumber: 'TM-NORVALIN-EU',
    office: 'EUIPO',
    classes: [5],
    ownerName: 'Norvalin Pharma AS',
    brandId: analgesics,
  });
  await post('ip-rights', {
    type: 'design',
    registrationNumber: 'DM-BLISTER',
    office: 'EUIPO',
    classes: [9],
    ownerName: 'Norvalin Pharma AS',
  });
  const vitaminPatent = await post('ip-rights', {
    type: 'patent',
    registrationNumber: 'EP3456789',
    office: 'EPO',
    ownerName: 'Norvalin Pharma AS',
    brandId: vitamins,
  });
  await post('recordations', {
    countryCode: 'FR',
    reference: 'FR-OLD',
    status: 'expired',
    validTo: '2025-01-31',
    ipRightId: brandMark,
  });
  await post('recordations', {
    countryCode: 'FR',
    reference: 'FR-AFA-2026',
    status: 'granted',
    validFrom: '2026-02-01',
    validTo: '2027-01-31',
    ipRightId: brandMark,
  });
  await post('recordations', {
    countryCode: 'KE',
    reference: 'KE-PENDING',
    status: 'filed',
    ipRightId: brandMark,
  });
  await post('recordations', {
    countryCode: 'KE',
    reference: 'KE-EP',
    status: 'granted',
    ipRightId: vitaminPatent,
  });
});
afterAll(() => t.close());

const viewers = [
  { name: 'FR customs officer', kind: 'customs', country: 'FR', roles: ['officer'] },
  { name: 'FR police officer', kind: 'police', country: 'FR', roles: ['officer'] },
  { name: 'KE customs analyst', kind: 'customs', country: 'KE', roles: ['analyst'] },
  { name: 'DE market surveillance officer', kind: 'other_enforcement', country: 'DE', roles: ['officer'] },
  { name: 'another rights holder', kind: 'rights_holder', country: 'NO', roles: ['admin'] },
  {
    name: 'an unappointed legal representative',
    kind: 'legal_representative',
    country: 'FR',
    roles: ['admin'],
  },
  { name: 'an industry association', kind: 'industry_association', country: 'FR', roles: ['admin'] },
  { name: 'the platform operator', kind: 'platform_operator', country: null, roles: ['admin'] },
] as const;
type Viewer = (typeof viewers)[number];
type ProductName = keyof typeof products;

function hasAccess(viewer: Viewer, product: ProductName): boolean {
  if (!['customs', 'police', 'other_enforcement'].includes(viewer.kind)) return false;
  if (product === 'sharedWithAll') return true;
  return product === 'sharedWithFrance' && viewer.country === 'FR';
}

/** The guide's records as a viewer in `country` should get them, written out by hand. */
function expectedRecords(product: ProductName, country: string | null) {
  const own = product === 'sharedWithFrance';
  const contactOrder =
    country === 'FR'
      ? ['Solveig Strand', 'Worldwide Hotline', 'Wanjiru Kamau']
      : country === 'KE'
        ? ['Wanjiru Kamau', 'Worldwide Hotline', 'Solveig Strand']
        : ['Worldwide Hotline', 'Solveig Strand', 'Wanjiru Kamau'];
  const recordation = (reference: string, status: string) => ({ countryCode: country, reference, status });
  return {
    entries: own
      ? [
          { name: 'Tromso Tablet Works', productSpecific: true },
          { name: 'Nordic Export AS', productSpecific: false },
        ]
      : [{ name: 'Nordic Export AS', productSpecific: false }],
    routes: own
      ? [
          { carriers: ['Oceanic Lines'], productSpecific: true },
          { carriers: ['Rail Cargo Nord'], productSpecific: false },
        ]
      : [{ carriers: ['Rail Cargo Nord'], productSpecific: false }],
    contacts: contactOrder,
    ipRights: own
      ? [
          { registrationNumber: 'DM-BLISTER', recordation: null },
          {
            registrationNumber: 'TM-NORVALIN-EU',
            recordation:
              country === 'FR'
                ? recordation('FR-AFA-2026', 'granted')
                : country === 'KE'
                  ? recordation('KE-PENDING', 'filed')
                  : null,
          },
        ]
      : [
          { registrationNumber: 'DM-BLISTER', recordation: null },
          {
            registrationNumber: 'EP3456789',
            recordation: country === 'KE' ? recordation('KE-EP', 'granted') : null,
          },
        ],
  };
}

describe('supply chain, contacts and IP rights in the guide', () => {
  const clients = new Map<string, TestClient>();
  beforeAll(async () => {
    for (const viewer of viewers)
      clients.set(viewer.name, await client(viewer.kind, viewer.country, [...viewer.roles]));
  });

  const cases = viewers.flatMap((viewer) =>
    (Object.keys(products) as ProductName[]).map((product) => ({
      viewer,
      product,
      access: hasAccess(viewer, product),
    })),
  );

  it.each(cases)('$viewer.name, product $product: sees them $access', async ({ viewer, product, access }) => {
    const response = await clients.get(viewer.name)!.get(`/api/catalogue/products/${products[product]}`);
    if (!access) {
      expect(response.statusCode).toBe(404);
      for (const secret of SECRETS) expect(response.body).not.toContain(secret);
      return;
    }
    expect(response.statusCode).toBe(200);
    const guide = response.json();
    const want = expectedRecords(product, viewer.country);
    expect(guide.supplyChain.entries).toEqual(want.entries.map((entry) => expect.objectContaining(entry)));
    expect(guide.supplyChain.routes).toEqual(want.routes.map((route) => expect.objectContaining(route)));
    expect(guide.contacts.map((contact: { name: string }) => contact.name)).toEqual(want.contacts);
    expect(
      guide.contacts.filter((contact: { coversYourCountry: boolean }) => contact.coversYourCountry).length,
    ).toBe(viewer.country === 'FR' || viewer.country === 'KE' ? 1 : 0);
    expect(guide.ipRights).toEqual(
      want.ipRights.map(({ recordation, ...right }) =>
        expect.objectContaining({
          ...right,
          recordation: recordation ? expect.objectContaining(recordation) : null,
        }),
      ),
    );
    for (const hidden of ['Bergen Distribution', 'FR-OLD']) expect(response.body).not.toContain(hidden);
  });

  it('shows the full detail of each record', async () => {
    const guide = (
      await clients.get('FR customs officer')!.get(`/api/catalogue/products/${products.sharedWithFrance}`)
    ).json();
    expect(guide.supplyChain.entries[1]).toEqual({
      id: expect.any(String),
      role: 'exporter',
      name: 'Nordic Export AS',
      countryCode: 'NO',
      eori: 'NO987654321',
      taxNumber: null,
      address: null,
      productSpecific: false,
    });
    expect(guide.supplyChain.routes[0]).toEqual({
      id: expect.any(String),
      originCountry: 'NO',
      transitCountries: [],
      destinationCountry: 'FR',
      ports: ['NOOSL', 'FRCDG'],
      carriers: ['Oceanic Lines'],
      transportMode: 'AIR',
      productSpecific: true,
    });
    expect(guide.contacts[0]).toEqual({
      id: expect.any(String),
      name: 'Solveig Strand',
      title: null,
      email: 'ss@norvalin.example',
      phone: null,
      countries: ['FR', 'BE'],
      languages: ['fr'],
      alwaysAvailable: false,
      hours: null,
      coversYourCountry: true,
    });
    expect(guide.ipRights[1]).toEqual({
      id: expect.any(String),
      type: 'trademark',
      registrationNumber: 'TM-NORVALIN-EU',
      office: 'EUIPO',
      classes: [5],
      ownerName: 'Norvalin Pharma AS',
      validFrom: null,
      validTo: null,
      recordation: {
        countryCode: 'FR',
        reference: 'FR-AFA-2026',
        status: 'granted',
        validFrom: '2026-02-01',
        validTo: '2027-01-31',
      },
    });
  });

  it("shows the owner its unshared product's guide with that product's own supply chain", async () => {
    const guide = (await owner.get(`/api/catalogue/products/${products.notShared}`)).json();
    expect(guide.supplyChain.entries.map((entry: { name: string }) => entry.name)).toEqual([
      'Bergen Distribution',
      'Nordic Export AS',
    ]);
    expect(
      guide.supplyChain.routes.map((route: { destinationCountry: string }) => route.destinationCountry),
    ).toEqual(['KE', 'FR']);
  });
});
