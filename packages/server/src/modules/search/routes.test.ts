import { gtinCheckDigit, type OrganisationKind, type Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;

/** A GTIN-13 with the right check digit from its first 12 digits. */
const gtin13 = (body: string) => `${body}${gtinCheckDigit(body)}`;
const TRAIL_SHOE_GTIN = gtin13('703801000001');
const BASE_LAYER_GTIN = gtin13('703801000002');
const PERFUME_GTIN = gtin13('703801000004');
const FJELLVIK_PREFIX = '7038010';

const text = (original: string, texts: Record<string, string>) => ({ original, texts });

interface Signed {
  client: TestClient;
  organisationId: string;
}

async function member(
  kind: OrganisationKind,
  countryCode: string | null,
  roles: Role[] = ['officer'],
  status: 'active' | 'pending' = 'active',
): Promise<Signed> {
  const org = await makeOrganisation(t.ctx, { kind, countryCode, status });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return { client, organisationId: org.id };
}

let fjellvik: Signed;
let halden: Signed;
let officerFr: Signed;
let officerDe: Signed;
let namedPolice: Signed;
const brands: Record<string, string> = {};
const products: Record<string, string> = {};

async function brand(owner: Signed, name: string, aliases: string[] = []) {
  const response = await owner.client.post(`/api/rights-holders/${owner.organisationId}/brands`, {
    name,
    aliases,
  });
  expect(response.statusCode).toBe(201);
  brands[name] = response.json().id;
}

async function product(
  owner: Signed,
  key: string,
  body: Record<string, unknown>,
  shares: Record<string, unknown>[],
) {
  const created = await owner.client.post(`/api/rights-holders/${owner.organisationId}/products`, {
    reference: key,
    ...body,
  });
  expect(created.statusCode).toBe(201);
  products[key] = created.json().id;
  await share(owner, key, shares);
}

async function share(owner: Signed, key: string, shares: Record<string, unknown>[]) {
  const response = await owner.client.request(
    'PUT',
    `/api/rights-holders/${owner.organisationId}/products/${products[key]}/shares`,
    { shares },
  );
  expect(response.statusCode).toBe(200);
}

interface Result {
  productId: string;
  name: string;
  nameLanguage: string;
  matchedOn: string;
  score: number;
}

async function search(who: Signed, query: string) {
  const response = await who.client.get(`/api/search?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as {
    results: Result[];
    corrections: { from: string; to: string }[];
    facets: Record<string, { count: number }[]>;
    total: number;
  };
}

const keysOf = (results: { productId: string }[]) =>
  results.map((result) => Object.keys(products).find((key) => products[key] === result.productId));

beforeAll(async () => {
  t = await createTestApp();
  fjellvik = await member('rights_holder', 'NO', ['admin']);
  halden = await member('rights_holder', 'SE', ['admin']);
  officerFr = await member('customs', 'FR');
  officerDe = await member('customs', 'DE');
  namedPolice = await member('police', 'BE');

  await brand(fjellvik, 'Nordic', ['NDC Outdoor']);
  await brand(fjellvik, 'Solvane', ['Maison Solvane']);
  await brand(halden, 'Kalmero');

  await product(
    fjellvik,
    'NRD-100',
    {
      brandId: brands.Nordic,
      name: text('en', {
        en: 'Trail running shoe',
        fr: 'Chaussures de course en montagne',
        es: 'Zapatillas de trail',
      }),
      description: text('en', { en: 'Reflective heel and a lugged outsole.' }),
      category: 'footwear',
      hsCodes: ['6404.11'],
      countriesOfManufacture: ['VN'],
      identifiers: [{ gtin: TRAIL_SHOE_GTIN, level: 'item' }],
    },
    [{ kind: 'all' }],
  );
  await product(
    fjellvik,
    'NRD-200',
    {
      brandId: brands.Nordic,
      name: text('en', {
        en: 'Merino base layer shirt',
        fr: 'Maillot de corps en mérinos',
        es: 'Camiseta térmica de merino',
      }),
      category: 'apparel',
      hsCodes: ['610910'],
      countriesOfManufacture: ['PT'],
      identifiers: [{ gtin: BASE_LAYER_GTIN, level: 'item' }],
    },
    [{ kind: 'country', countryCode: 'FR' }],
  );
  await product(
    fjellvik,
    'SLV-1',
    {
      brandId: brands.Solvane,
      name: text('fr', { fr: 'Sac à main en cuir', en: 'Leather handbag' }),
      category: 'leather goods',
      hsCodes: ['420221'],
      countriesOfManufacture: ['IT'],
    },
    [{ kind: 'organisation', organisationId: namedPolice.organisationId }],
  );
  await product(
    fjellvik,
    'SLV-2',
    {
      brandId: brands.Solvane,
      name: text('fr', { fr: 'Eau de parfum florale' }),
      category: 'perfume',
      hsCodes: ['330300'],
      identifiers: [{ gtin: PERFUME_GTIN, level: 'item' }],
    },
    [],
  );
  await product(
    halden,
    'KLM-1',
    {
      brandId: brands.Kalmero,
      name: text('en', { en: 'Kalmero trail running gel' }),
      category: 'sports nutrition',
      hsCodes: ['210690'],
    },
    [{ kind: 'all' }],
  );
});
afterAll(() => t.close());

describe('search relevance', () => {
  it.each([
    ['a misspelled brand', 'nordik'],
    ['the brand with a stray accent', 'Nørdik'],
    ['the brand in capitals', 'NORDIC'],
    ['the brand split in two', 'nor dic'],
  ])('finds %s (“%s”) as the brand, ranked before anything else', async (_case, q) => {
    const body = await search(officerFr, `q=${encodeURIComponent(q)}`);
    expect(keysOf(body.results)).toEqual(expect.arrayContaining(['NRD-100', 'NRD-200']));
    expect(body.results).toHaveLength(2);
    expect(body.results.every((result) => result.matchedOn === 'brand')).toBe(true);
  });

  it('says which word it corrected', async () => {
    const body = await search(officerFr, 'q=nordik');
    expect(body.corrections).toEqual([{ from: 'nordik', to: 'nordic' }]);
    expect((await search(officerFr, 'q=nordic')).corrections).toEqual([]);
  });

  it('never corrects towards a word only products hidden from the reader hold', async () => {
    // "parfum" is only in SLV-2, shared with nobody: a French officer learns nothing of it.
    const hidden = await search(officerFr, 'q=parfumm');
    expect(hidden).toMatchObject({ results: [], corrections: [] });
    // "Solvane" reaches the police unit it was shared with, corrected.
    const shared = await search(namedPolice, 'q=solvanne');
    expect(keysOf(shared.results)).toEqual(['SLV-1']);
    expect(shared.corrections).toEqual([{ from: 'solvanne', to: 'solvane' }]);
  });

  it('finds a product by its French or Spanish name, shown in the reader’s language', async () => {
    const french = await search(officerFr, `q=${encodeURIComponent('chaussure montagne')}&lang=fr`);
    expect(keysOf(french.results)).toEqual(['NRD-100']);
    expect(french.results[0]).toMatchObject({
      matchedOn: 'name',
      name: 'Chaussures de course en montagne',
      nameLanguage: 'fr',
    });
    const spanish = await search(officerFr, `q=${encodeURIComponent('camiseta térmica')}&lang=es`);
    expect(keysOf(spanish.results)).toEqual(['NRD-200']);
    expect(spanish.results[0]).toMatchObject({ name: 'Camiseta térmica de merino', nameLanguage: 'es' });
    const typo = await search(officerFr, `q=${encodeURIComponent('zapatilas')}`);
    expect(keysOf(typo.results)).toEqual(['NRD-100']);
  });

  it('finds a GTIN with or without leading zeros and spaces, before any other match', async () => {
    for (const q of [TRAIL_SHOE_GTIN, `0${TRAIL_SHOE_GTIN}`, TRAIL_SHOE_GTIN.replace(/(\d{4})/g, '$1 ')]) {
      const body = await search(officerFr, `q=${encodeURIComponent(q)}`);
      expect(keysOf(body.results)).toEqual(['NRD-100']);
      expect(body.results[0]).toMatchObject({ matchedOn: 'gtin', name: 'Trail running shoe' });
    }
  });

  it('finds an HS code by its prefix, with or without dots, and a reference', async () => {
    const heading = await search(officerFr, 'q=6109');
    expect(keysOf(heading.results)).toEqual(['NRD-200']);
    expect(heading.results[0]!.matchedOn).toBe('hs_code');
    expect(keysOf((await search(officerFr, 'q=6404.11')).results)).toEqual(['NRD-100']);
    const reference = await search(officerFr, 'q=nrd-200');
    expect(keysOf(reference.results)).toEqual(['NRD-200']);
    expect(reference.results[0]!.matchedOn).toBe('reference');
  });

  it('finds words of descriptions, after names', async () => {
    const body = await search(officerFr, 'q=reflective');
    expect(keysOf(body.results)).toEqual(['NRD-100']);
    expect(body.results[0]!.matchedOn).toBe('description');
  });

  it('ranks an exact brand above a name that mentions it, and filters and counts facets', async () => {
    const trail = await search(officerFr, 'q=trail');
    expect(keysOf(trail.results).sort()).toEqual(['KLM-1', 'NRD-100']);
    const kalmero = await search(officerFr, 'q=kalmero');
    expect(kalmero.results[0]!.matchedOn).toBe('brand');

    expect(trail.facets.categories).toEqual(
      expect.arrayContaining([
        { value: 'footwear', count: 1 },
        { value: 'sports nutrition', count: 1 },
      ]),
    );
    const filtered = await search(officerFr, 'q=trail&category=footwear');
    expect(keysOf(filtered.results)).toEqual(['NRD-100']);
    expect(filtered.total).toBe(1);
    // Facets count the filtered candidates.
    expect(filtered.facets.categories).toEqual([{ value: 'footwear', count: 1 }]);
    expect(filtered.facets.countries).toEqual([{ code: 'VN', count: 1 }]);
    expect(
      keysOf((await search(officerFr, `q=trail&rightsHolderId=${halden.organisationId}`)).results),
    ).toEqual(['KLM-1']);
    expect(keysOf((await search(officerFr, 'q=&country=PT')).results)).toEqual(['NRD-200']);
    expect(keysOf((await search(officerFr, `brandId=${brands.Nordic}&limit=1`)).results)).toHaveLength(1);
    expect((await search(officerFr, 'q=')).results).toEqual([]);
  });

  it('are described in the OpenAPI document', async () => {
    const spec = (await officerFr.client.get('/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/search',
        '/api/lookup/gtin/{code}',
        '/api/rights-holders/{rightsHolderId}/company-prefixes',
      ]),
    );
  });

  it('refuses a limit above 50', async () => {
    const response = await officerFr.client.get('/api/search?q=trail&limit=51');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('limit');
  });
});

describe('who finds what', () => {
  const everything = 'q=nordic solvane kalmero';
  const visible = async (who: Signed) => {
    const found = new Set<string>();
    for (const q of ['nordic', 'solvane', 'kalmero'])
      for (const key of keysOf((await search(who, `q=${q}`)).results)) found.add(key!);
    return [...found].sort();
  };

  it('shows an officer what is shared with everyone, their country or their organisation', async () => {
    expect(await visible(officerFr)).toEqual(['KLM-1', 'NRD-100', 'NRD-200']);
    expect(await visible(officerDe)).toEqual(['KLM-1', 'NRD-100']);
    expect(await visible(namedPolice)).toEqual(['KLM-1', 'NRD-100', 'SLV-1']);
  });

  it("shows a rights holder its own portfolio and never another's, shared or not", async () => {
    expect(await visible(fjellvik)).toEqual(['NRD-100', 'NRD-200', 'SLV-1', 'SLV-2']);
    expect(await visible(halden)).toEqual(['KLM-1']);
  });

  it('shows a legal representative the portfolios it acts for only', async () => {
    const acting = await member('legal_representative', 'FR', ['admin']);
    const other = await member('legal_representative', 'FR', ['admin']);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: acting.organisationId, rights_holder_id: halden.organisationId })
      .execute();
    expect(await visible(acting)).toEqual(['KLM-1']);
    expect(await visible(other)).toEqual([]);
  });

  it('shows nothing to the operator, refuses an unapproved organisation and a stranger', async () => {
    expect(await visible(await member('platform_operator', null, ['admin']))).toEqual([]);
    const pending = await member('customs', 'FR', ['officer'], 'pending');
    expect((await pending.client.get(`/api/search?${everything}`)).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(`/api/search?${everything}`)).statusCode).toBe(401);
    expect((await new TestClient(t.app).get(`/api/lookup/gtin/${TRAIL_SHOE_GTIN}`)).statusCode).toBe(401);
  });

  it('writes nothing to the audit log', async () => {
    const count = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    await search(officerFr, 'q=nordic');
    await officerFr.client.get(`/api/lookup/gtin/${TRAIL_SHOE_GTIN}`);
    expect(await count()).toBe(before);
  });
});

describe('GTIN lookup', () => {
  const lookup = (who: Signed, code: string) =>
    who.client.get(`/api/lookup/gtin/${encodeURIComponent(code)}`);

  it('answers the products with this GTIN the officer may see', async () => {
    const response = await lookup(officerFr, TRAIL_SHOE_GTIN);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      gtin: `0${TRAIL_SHOE_GTIN}`,
      products: [
        {
          productId: products['NRD-100'],
          brandName: 'Nordic',
          rightsHolderId: fjellvik.organisationId,
          gtins: [`0${TRAIL_SHOE_GTIN}`],
          hsCodes: ['640411'],
          imageId: null,
          matchedOn: 'gtin',
        },
      ],
      prefixOwner: null,
    });
    expect((await lookup(officerDe, BASE_LAYER_GTIN)).json().products).toEqual([]);
  });

  it('names the rights holder of the company prefix, with its contacts for the officer’s country', async () => {
    const unknown = gtin13('703801099999');
    expect((await lookup(officerFr, unknown)).json().prefixOwner).toBeNull();

    const contacts = `/api/rights-holders/${fjellvik.organisationId}/contacts`;
    for (const [name, countries] of [
      ['Amélie Fjord', ['FR']],
      ['Dieter Fjord', ['DE']],
      ['Fjellvik hotline', []],
    ] as const)
      expect(
        (await fjellvik.client.post(contacts, { name, phone: '+47 22 00 00 00', countries })).statusCode,
      ).toBe(201);
    const declared = await fjellvik.client.request(
      'PUT',
      `/api/rights-holders/${fjellvik.organisationId}/company-prefixes`,
      { prefixes: ['703801', FJELLVIK_PREFIX] },
    );
    expect(declared.statusCode).toBe(200);

    const body = (await lookup(officerFr, unknown)).json();
    expect(body.products).toEqual([]);
    expect(body.prefixOwner).toMatchObject({
      rightsHolder: { id: fjellvik.organisationId },
      prefix: FJELLVIK_PREFIX,
    });
    expect(body.prefixOwner.contacts.map((c: { name: string }) => c.name)).toEqual([
      'Amélie Fjord',
      'Fjellvik hotline',
    ]);
    expect(body.prefixOwner.contacts[0]).toEqual({
      name: 'Amélie Fjord',
      title: null,
      email: null,
      phone: '+47 22 00 00 00',
      hours: null,
      alwaysAvailable: false,
    });
    // A product the officer may not see is an unknown GTIN to them: only its prefix owner is told.
    const hidden = (await lookup(officerFr, PERFUME_GTIN)).json();
    expect(hidden.products).toEqual([]);
    expect(hidden.prefixOwner.rightsHolder.id).toBe(fjellvik.organisationId);
    expect((await lookup(officerFr, gtin13('590123412345'))).json().prefixOwner).toBeNull();
  });

  it('refuses a bad check digit with the expected digit, at the field', async () => {
    const good = TRAIL_SHOE_GTIN;
    const bad = `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`;
    const response = await lookup(officerFr, bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({
        path: 'code',
        message: `Check digit should be ${good.slice(-1)}, not ${bad.slice(-1)}`,
      }),
    ]);
    expect((await lookup(officerFr, '12345')).statusCode).toBe(400);
  });
});

describe('the index follows every change', () => {
  it('after a product edit', async () => {
    const url = `/api/rights-holders/${fjellvik.organisationId}/products/${products['NRD-100']}`;
    const current = (await fjellvik.client.get(url)).json();
    const changed = await fjellvik.client.request('PUT', url, {
      brandId: current.brandId,
      reference: current.reference,
      name: text('en', { en: 'Alpine approach shoe' }),
      category: current.category,
      hsCodes: current.hsCodes,
      identifiers: current.identifiers,
    });
    expect(changed.statusCode).toBe(200);
    expect(keysOf((await search(officerFr, 'q=alpine')).results)).toEqual(['NRD-100']);
    expect(keysOf((await search(officerFr, 'q=montagne')).results)).toEqual([]);
  });

  it('after a share change', async () => {
    await share(fjellvik, 'NRD-200', [{ kind: 'country', countryCode: 'DE' }]);
    expect(keysOf((await search(officerFr, 'q=merino')).results)).toEqual([]);
    expect(keysOf((await search(officerDe, 'q=merino')).results)).toEqual(['NRD-200']);
    expect((await officerDe.client.get(`/api/lookup/gtin/${BASE_LAYER_GTIN}`)).json().products).toHaveLength(
      1,
    );
  });

  it('after a brand rename', async () => {
    const renamed = await namedPolice.client.get('/api/search?q=solvane');
    expect(keysOf(renamed.json().results)).toEqual(['SLV-1']);
    const response = await fjellvik.client.request(
      'PUT',
      `/api/rights-holders/${fjellvik.organisationId}/brands/${brands.Solvane}`,
      { name: 'Solvenza', aliases: [] },
    );
    expect(response.statusCode).toBe(200);
    const after = await search(namedPolice, 'q=solvenza');
    expect(keysOf(after.results)).toEqual(['SLV-1']);
    expect(after.results[0]).toMatchObject({ matchedOn: 'brand', brandName: 'Solvenza' });
    expect((await search(namedPolice, 'q=maison')).results).toEqual([]);
  });
});
