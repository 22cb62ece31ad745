import { randomBytes } from 'node:crypto';
import type { OrganisationKind, Role } from '@assay/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';
import { printable } from './render.js';

let t: TestApp;
let rightsHolderId: string;
let owner: TestClient;
let productId: string;
let frOfficer: TestClient;
let keOfficer: TestClient;

const text = (en: string, fr?: string) => ({ original: 'en', texts: fr ? { en, fr } : { en } });

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[] = ['officer']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

/** A photo-like JPEG (noise compresses poorly, as real photos do) uploaded for the rights holder. */
async function uploadPhoto(width: number, height: number): Promise<string> {
  const noise = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .blur(2)
    .jpeg({ quality: 90 })
    .toBuffer();
  const response = await owner.upload('POST', `/api/rights-holders/${rightsHolderId}/images`, noise, {
    filename: 'p.jpg',
    contentType: 'image/jpeg',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const viewCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('guide_views')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('product_id', '=', productId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  const rightsHolder = await client('rights_holder', 'NO', ['admin']);
  owner = rightsHolder.client;
  rightsHolderId = rightsHolder.organisationId;
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, { name: 'Norvalin' });
  const [front, seal, sealFake, uv] = [
    await uploadPhoto(1200, 900),
    await uploadPhoto(1600, 1200),
    await uploadPhoto(1600, 1200),
    await uploadPhoto(800, 800),
  ];
  const created = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
    brandId: brand.json().id,
    reference: 'NVL-500',
    name: text('Norvalin 500 mg tablets', 'Norvalin 500 mg comprimés'),
    description: text('Film-coated tablets in blister packs of 20.'),
    category: 'analgesics',
    hsCodes: ['3004.90'],
    identifiers: [{ gtin: '4006381333931', level: 'item' }],
    countriesOfManufacture: ['NO', 'DE'],
    price: { min: 4.5, max: 7.9, currency: 'EUR' },
    images: [{ imageId: front }],
    guidePoints: [
      {
        title: text('Hologram on the seal', 'Hologramme sur le scellé'),
        body: text('Turns from green to blue when tilted.', 'Passe du vert au bleu quand on l’incline.'),
        visibility: 'overt',
        genuineImageId: seal,
        counterfeitImageId: sealFake,
      },
      {
        title: text('UV micro-text'),
        body: text('Under UV light the batch code shows the letters NVX.'),
        visibility: 'covert',
        genuineImageId: uv,
      },
    ],
    indicators: [{ kind: 'price', text: text('Sold online below EUR 2 a box', 'Vendu en ligne sous 2 EUR') }],
  });
  expect(created.statusCode, created.body).toBe(201);
  productId = created.json().id;
  const base = `/api/rights-holders/${rightsHolderId}`;
  const records = [
    await owner.post(`${base}/contacts`, {
      name: 'Ingrid Dahl',
      title: 'Brand protection manager',
      phone: '+47 22 00 00 00',
      email: 'brand.protection@norvalin.example',
      languages: ['no', 'en', 'fr'],
      alwaysAvailable: true,
    }),
    await owner.post(`${base}/supply-chain/entries`, {
      role: 'manufacturer',
      name: 'Norvalin Produksjon AS',
      countryCode: 'NO',
      taxNumber: 'NO 987 654 321',
      productId,
    }),
    await owner.post(`${base}/supply-chain/routes`, {
      originCountry: 'NO',
      transitCountries: ['DE'],
      destinationCountry: 'FR',
      ports: ['NOOSL', 'FRLEH'],
      transportMode: 'SEA',
      productId,
    }),
    await owner.post(`${base}/ip-rights`, {
      type: 'trademark',
      registrationNumber: '018123456',
      office: 'EUIPO',
      classes: [5],
      ownerName: 'Norvalin AS',
      validTo: '2031-05-31',
      brandId: brand.json().id,
    }),
  ];
  for (const record of records) expect(record.statusCode, record.body).toBe(201);
  const recordation = await owner.post(`${base}/recordations`, {
    countryCode: 'FR',
    reference: 'FR-AFA-2026-0042',
    status: 'granted',
    validTo: '2027-03-31',
    ipRightId: records[3]?.json().id,
  });
  expect(recordation.statusCode, recordation.body).toBe(201);
  const fr = await client('customs', 'FR');
  const ke = await client('customs', 'KE');
  frOfficer = fr.client;
  keOfficer = ke.client;
  const shared = await owner.request(
    'PUT',
    `/api/rights-holders/${rightsHolderId}/products/${productId}/shares`,
    {
      shares: [
        { kind: 'country', countryCode: 'FR' },
        { kind: 'organisation', organisationId: ke.organisationId, includesCovert: true },
      ],
    },
  );
  expect(shared.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('printable guide for an officer', () => {
  it('is a PDF in the officer’s language, marked where a text is in another one, without covert points', async () => {
    const views = await viewCount();
    const response = await frOfficer.get(`/api/catalogue/products/${productId}/guide.pdf?lang=fr`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="guide-NVL-500-fr.pdf"');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const content = pdfText(pdf);
    expect(content).toContain('Norvalin 500 mg comprimés');
    expect(content).toContain('1. Hologramme sur le scellé');
    expect(content).toContain('Passe du vert au bleu');
    expect(content).toContain('[EN] Film-coated tablets in blister packs of 20.');
    expect(content).toContain('Confidentiel — réservé aux services de contrôle');
    expect(content).toMatch(/Page 1 sur \d/);
    expect(content).toContain('04006381333931');
    expect(content).toContain('3004.90');
    expect(content).toContain('Norvège (NO)');
    expect(content).toMatch(/4,50\s€ – 7,90\s€/);
    expect(content).toContain('Vendu en ligne sous 2 EUR');
    expect(content).toContain('Authentique');
    expect(content).toContain('Contrefaçon');
    expect(content).toContain('Chaîne d’approvisionnement légitime');
    // Lines wrap where the page ends them: read the rest as running text.
    const flat = content.replace(/\s*\n\s*/g, ' ');
    expect(flat).toContain('Fabricant: Norvalin Produksjon AS — Norvège (NO) · N° fiscal NO 987 654 321');
    expect(flat).toContain('NO > DE > FR SEA · ports NOOSL, FRLEH');
    expect(flat).toMatch(/Marque 018123456 EUIPO · classes 5 · Norvalin AS · valable jusqu’au 31 mai 2031/);
    expect(flat).toMatch(/Demande d’intervention \(FR\): FR-AFA-2026-0042, accordée/);
    expect(flat).toContain('Ingrid Dahl · Brand protection manager');
    expect(flat).toContain('+47 22 00 00 00 · brand.protection@norvalin.example · 24 h/24, 7 j/7');
    expect(flat).toContain('parle norvégien, anglais, français');
    expect(flat).not.toContain('UV micro-text');
    expect(flat).not.toContain('NVX');
    // The guide's gallery and the overt point's two images are in; the covert one is not.
    expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(3);
    expect(await viewCount()).toBe(views + 1);
    // The size of a typical guide (one gallery image, one point with two photos), for the closing note.
    console.info(`guide.pdf for a typical product: ${pdf.length} bytes`);
    expect(pdf.length).toBeLessThan(2_000_000);
  });

  it('shows covert points to an organisation named for them, in English by default', async () => {
    const response = await keOfficer.get(`/api/catalogue/products/${productId}/guide.pdf`);
    expect(response.statusCode).toBe(200);
    const content = pdfText(response.rawPayload);
    expect(content).toContain('Norvalin 500 mg tablets');
    expect(content).toContain('2. UV micro-text');
    expect(content).toContain('NVX');
    expect(content).toContain('COVERT — restricted to authorities named by the rights holder');
    expect(content).toContain('Confidential — for enforcement use');
    expect(content).not.toContain('[EN]');
    expect(response.rawPayload.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(4);
  });

  it('is "not found" for an officer the product is not shared with, and counts no view', async () => {
    const views = await viewCount();
    const outsider = (await client('customs', 'DE')).client;
    const response = await outsider.get(`/api/catalogue/products/${productId}/guide.pdf`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await viewCount()).toBe(views);
    expect(
      (await new TestClient(t.app).get(`/api/catalogue/products/${productId}/guide.pdf`)).statusCode,
    ).toBe(401);
  });

  it('refuses a language that is not a two-letter code', async () => {
    const response = await frOfficer.get(`/api/catalogue/products/${productId}/guide.pdf?lang=french`);
    expect(response.statusCode).toBe(400);
  });
});

describe('printable guide for the rights holder', () => {
  const url = (holder: string) => `/api/rights-holders/${holder}/products/${productId}/guide.pdf`;

  it('has every point, covert ones too, in the language asked for, and counts no view', async () => {
    const views = await viewCount();
    const response = await owner.get(`${url(rightsHolderId)}?lang=es`);
    expect(response.statusCode).toBe(200);
    const content = pdfText(response.rawPayload);
    expect(content).toContain('Confidencial — para uso de las autoridades de control');
    expect(content).toContain('[EN] Norvalin 500 mg tablets');
    expect(content).toContain('UV micro-text');
    expect(content).toMatch(/Página 1 de \d/);
    expect(await viewCount()).toBe(views);
  });

  it('is "not found" for another rights holder, and under another rights holder’s path', async () => {
    const other = await client('rights_holder', 'DE', ['admin']);
    expect((await other.client.get(url(rightsHolderId))).statusCode).toBe(404);
    expect((await other.client.get(url(other.organisationId))).statusCode).toBe(404);
    expect((await frOfficer.get(url(rightsHolderId))).statusCode).toBe(404);
  });
});

describe('printable text', () => {
  it('keeps Western European letters and signs, and prints "?" for what Helvetica cannot draw', () => {
    expect(printable('Hologramme sur le scellé — 4,50\u202f€ «ñ»')).toBe(
      'Hologramme sur le scellé — 4,50\u00a0€ «ñ»',
    );
    expect(printable('Zażółć 漢字')).toBe('Za?ó?? ??');
  });
});
