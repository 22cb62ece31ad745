import type { OrganisationKind, Role } from '@assay/core';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';
import type { Portfolio } from './queries.js';
import { samplePortfolio, sampleProduct } from './sample-portfolio.js';
import { portfolioWorkbook } from './write-file.js';

let t: TestApp;
let rightsHolderId: string;
let owner: TestClient;
let base: string;

function upload(client: TestClient, url: string, bytes: Buffer, filename = 'portfolio.xlsx') {
  return client.upload('POST', url, bytes, { filename });
}

async function openWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet as arrays of cell values, header first. */
function sheetValues(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[] = ['admin']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

const counts = async (organisationId: string) => ({
  brands: Number(
    (
      await t.ctx.db
        .selectFrom('brands')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow()
    ).n,
  ),
  products: Number(
    (
      await t.ctx.db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

/** A portfolio of sample products, some changed by `edit` (casts allow rows the API would refuse). */
function portfolioOf(count: number, edit: (portfolio: Portfolio) => void = () => {}): Portfolio {
  const portfolio = samplePortfolio(count);
  edit(portfolio);
  return portfolio;
}

beforeAll(async () => {
  t = await createTestApp();
  const rightsHolder = await client('rights_holder', 'NO');
  owner = rightsHolder.client;
  rightsHolderId = rightsHolder.organisationId;
  base = `/api/rights-holders/${rightsHolderId}/portfolio`;
});
afterAll(() => t.close());

describe('access', () => {
  it('asks for a sign-in', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get(`${base}/export.xlsx`)).statusCode).toBe(401);
    expect(
      (await upload(anonymous, `${base}/import`, await portfolioWorkbook(samplePortfolio(1)))).statusCode,
    ).toBe(401);
  });

  it('does not let another organisation import into, export or even see this portfolio (404)', async () => {
    const before = await counts(rightsHolderId);
    for (const kind of ['rights_holder', 'customs', 'legal_representative'] as const) {
      const other = await client(kind, 'FR');
      for (const path of ['template.xlsx', 'template.csv', 'export.xlsx', 'export.csv']) {
        expect((await other.client.get(`${base}/${path}`)).statusCode, `${kind} ${path}`).toBe(404);
      }
      const response = await upload(
        other.client,
        `${base}/import`,
        await portfolioWorkbook(samplePortfolio(2)),
      );
      expect(response.statusCode, kind).toBe(404);
    }
    expect(await counts(rightsHolderId)).toEqual(before);
  });

  it('lets a legal representative firm appointed by the rights holder import and export', async () => {
    const holder = await client('rights_holder', 'DE');
    const firm = await client('legal_representative', 'IT', ['member']);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: firm.organisationId, rights_holder_id: holder.organisationId })
      .execute();
    const url = `/api/rights-holders/${holder.organisationId}/portfolio`;
    const imported = await upload(firm.client, `${url}/import`, await portfolioWorkbook(samplePortfolio(2)));
    expect(imported.statusCode).toBe(200);
    expect((await firm.client.get(`${url}/export.csv`)).statusCode).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('describes the import and its refusal', async () => {
    const spec = (await owner.get('/api/openapi.json')).json();
    const path = spec.paths['/api/rights-holders/{rightsHolderId}/portfolio/import'];
    expect(path.post.description).toMatch(/truncated/);
    expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '413']));
    expect(
      spec.paths['/api/rights-holders/{rightsHolderId}/portfolio/export.xlsx'].get.responses['200'],
    ).toBeDefined();
  });
});

describe('templates', () => {
  it('downloads an XLSX template that opens with its sheets, headers, notes and drop-down lists', async () => {
    const response = await owner.get(`${base}/template.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="assay-portfolio-template.xlsx"',
    );
    const workbook = await openWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Brands',
      'Products',
      'Identifiers',
      'Guide points',
      'Indicators',
      'Read me',
    ]);
    const header = (name: string) => sheetValues(workbook, name)[0];
    expect(header('Brands')).toEqual(['name', 'aliases', 'categories']);
    expect(header('Products')).toEqual([
      'reference',
      'brand',
      'category',
      'status',
      'hs_codes',
      'countries_of_manufacture',
      'price_min',
      'price_max',
      'currency',
      'length_mm',
      'width_mm',
      'height_mm',
      'weight_g',
      'original_language',
      'name_en',
      'name_fr',
      'name_es',
      'description_en',
      'description_fr',
      'description_es',
      'packaging_en',
      'packaging_fr',
      'packaging_es',
    ]);
    expect(header('Identifiers')).toEqual(['product_reference', 'gtin', 'level']);
    expect(header('Guide points')).toEqual([
      'product_reference',
      'position',
      'visibility',
      'original_language',
      'title_en',
      'title_fr',
      'title_es',
      'body_en',
      'body_fr',
      'body_es',
    ]);
    expect(header('Indicators')).toEqual([
      'product_reference',
      'kind',
      'original_language',
      'text_en',
      'text_fr',
      'text_es',
    ]);
    for (const name of ['Brands', 'Products', 'Identifiers', 'Guide points', 'Indicators']) {
      expect(sheetValues(workbook, name), name).toHaveLength(1);
    }
    const readme = sheetValues(workbook, 'Read me').map((row) => `${row[0]} ${row[1]}`);
    expect(readme).toEqual(
      expect.arrayContaining([
        'Products length_mm',
        'Products name_<language>',
        'Guide points visibility',
        'CSV file gtins',
      ]),
    );
    const products = workbook.getWorksheet('Products')!;
    expect(products.getCell('A1').note).toMatch(/^Required\. Your own product reference/);
    expect(products.getCell('D2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"active,discontinued,recalled"'],
    });
    expect(workbook.getWorksheet('Guide points')!.getCell('C2').dataValidation?.formulae).toEqual([
      '"overt,covert"',
    ]);
  });

  it('downloads a CSV template: the Products sheet with a gtins column', async () => {
    const response = await owner.get(`${base}/template.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.replace(/^\ufeff/, '')).toBe(
      'reference,brand,category,status,hs_codes,countries_of_manufacture,price_min,price_max,currency,length_mm,width_mm,height_mm,weight_g,original_language,gtins,name_en,name_fr,name_es,description_en,description_fr,description_es,packaging_en,packaging_fr,packaging_es\r\n',
    );
  });

  it('imports the untouched template as nothing at all', async () => {
    const template = (await owner.get(`${base}/template.xlsx`)).rawPayload;
    const response = await upload(owner, `${base}/import`, template);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      brands: { created: 0, updated: 0, unchanged: 0 },
      products: { created: 0, updated: 0, unchanged: 0 },
    });
  });
});

describe('importing a workbook', () => {
  it('creates brands and products with GTINs, guide points and indicators, and audits one event', async () => {
    const response = await upload(owner, `${base}/import`, await portfolioWorkbook(samplePortfolio(8)));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      brands: { created: 6, updated: 0, unchanged: 0 },
      products: { created: 8, updated: 0, unchanged: 0 },
    });
    const list = (await owner.get(`/api/rights-holders/${rightsHolderId}/products`)).json().products;
    const first = list.find((p: { reference: string }) => p.reference === 'SKU-00000');
    const product = (await owner.get(`/api/rights-holders/${rightsHolderId}/products/${first.id}`)).json();
    const expected = sampleProduct(0).body;
    expect(product).toMatchObject({
      brandName: 'Velmora',
      name: expected.name,
      description: expected.description,
      hsCodes: ['640399'],
      identifiers: expect.arrayContaining(expected.identifiers),
      countriesOfManufacture: ['IT'],
      dimensionsMm: expected.dimensionsMm,
      weightG: 250,
      price: { min: 20, max: 45.5, currency: 'EUR' },
      status: 'active',
      guidePoints: [
        { title: expected.guidePoints[0]!.title, visibility: 'overt' },
        { title: expected.guidePoints[1]!.title, visibility: 'covert' },
      ],
      indicators: [{ kind: 'price', text: expected.indicators[0]!.text }],
    });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'target_id'])
      .where('organisation_id', '=', rightsHolderId)
      .where('action', '=', 'portfolio.imported')
      .orderBy('id', 'desc')
      .execute();
    // The untouched template imported before is audited too, with its zero counts.
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      target_id: rightsHolderId,
      details: { format: 'xlsx', products: { created: 8, updated: 0, unchanged: 0 } },
    });
  });

  it('changes nothing when the export is imported back (no duplicates, no writes)', async () => {
    const before = await t.ctx.db
      .selectFrom('products')
      .select(['id', 'reference', 'updated_at'])
      .where('organisation_id', '=', rightsHolderId)
      .orderBy('reference')
      .execute();
    const exported = (await owner.get(`${base}/export.xlsx`)).rawPayload;
    const again = await upload(owner, `${base}/import`, exported);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({
      brands: { created: 0, updated: 0, unchanged: 6 },
      products: { created: 0, updated: 0, unchanged: 8 },
    });
    const csv = await upload(
      owner,
      `${base}/import`,
      (await owner.get(`${base}/export.csv`)).rawPayload,
      'p.csv',
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.json().products).toEqual({ created: 0, updated: 0, unchanged: 8 });
    const after = await t.ctx.db
      .selectFrom('products')
      .select(['id', 'reference', 'updated_at'])
      .where('organisation_id', '=', rightsHolderId)
      .orderBy('reference')
      .execute();
    expect(after).toEqual(before);
    const reexported = await openWorkbook((await owner.get(`${base}/export.xlsx`)).rawPayload);
    const original = await openWorkbook(exported);
    for (const name of ['Brands', 'Products', 'Identifiers', 'Guide points', 'Indicators']) {
      expect(sheetValues(reexported, name), name).toEqual(sheetValues(original, name));
    }
  });

  it('updates changed rows only and moves a GTIN from one product to another in the same file', async () => {
    const portfolio = samplePortfolio(8);
    const [a, b] = portfolio.products as [Portfolio['products'][number], Portfolio['products'][number]];
    const moved = a.body.identifiers[1]!;
    a.body.identifiers = [a.body.identifiers[0]!];
    b.body.identifiers = [...b.body.identifiers, moved];
    b.body.status = 'recalled';
    portfolio.brands[0]!.aliases = ['VLM', 'Velmora Shoes'];
    const response = await upload(owner, `${base}/import`, await portfolioWorkbook(portfolio));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      brands: { created: 0, updated: 1, unchanged: 5 },
      products: { created: 0, updated: 2, unchanged: 6 },
    });
    const owners = await t.ctx.db
      .selectFrom('product_identifiers as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select('p.reference')
      .where('i.gtin', '=', moved.gtin)
      .where('p.organisation_id', '=', rightsHolderId)
      .execute();
    expect(owners).toEqual([{ reference: b.body.reference }]);
  });
});

describe('a workbook with some sheets left empty', () => {
  it('keeps the GTINs, guide points and indicators of the products it changes', async () => {
    const workbook = await openWorkbook((await owner.get(`${base}/template.xlsx`)).rawPayload);
    const products = workbook.getWorksheet('Products')!;
    const header = sheetValues(workbook, 'Products')[0]!;
    const row: Record<string, string> = {
      reference: 'SKU-00002',
      brand: 'Norvalin',
      category: 'analgesics (tablets)',
      original_language: 'en',
      name_en: 'Norvalin model 2',
      name_fr: 'Norvalin modèle 2',
    };
    products.addRow(header.map((column) => row[String(column)]));
    const response = await upload(owner, `${base}/import`, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().products).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const list = (await owner.get(`/api/rights-holders/${rightsHolderId}/products`)).json().products;
    const id = list.find((p: { reference: string }) => p.reference === 'SKU-00002').id;
    const product = (await owner.get(`/api/rights-holders/${rightsHolderId}/products/${id}`)).json();
    expect(product.category).toBe('analgesics (tablets)');
    expect(product.description).toBeNull();
    expect(product.identifiers).toHaveLength(2);
    expect(product.guidePoints).toHaveLength(2);
    expect(product.indicators).toHaveLength(1);
  });
});

describe('images', () => {
  it('are never in the file: the gallery stays, and a guide point keeps its images under its title', async () => {
    const holder = await client('rights_holder', 'NO');
    const url = `/api/rights-holders/${holder.organisationId}`;
    const image = async () => {
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2050c0' } })
        .png()
        .toBuffer();
      const response = await upload(holder.client, `${url}/images`, png, 'photo.png');
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const [gallery, genuine, counterfeit] = [await image(), await image(), await image()];
    const brand = (await holder.client.post(`${url}/brands`, { name: 'Velmora' })).json();
    const en = (text: string) => ({ original: 'en', texts: { en: text } });
    const created = await holder.client.post(`${url}/products`, {
      brandId: brand.id,
      reference: 'IMG-1',
      name: en('Trail runner'),
      category: 'footwear',
      images: [{ imageId: gallery, kind: 'product' }],
      guidePoints: [
        { title: en('Logo'), body: en('Embossed.'), visibility: 'overt', genuineImageId: genuine },
        { title: en('Insole'), body: en('Printed.'), visibility: 'overt', counterfeitImageId: counterfeit },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);

    const workbook = await openWorkbook((await holder.client.get(`${url}/portfolio/export.xlsx`)).rawPayload);
    const points = workbook.getWorksheet('Guide points')!;
    points.spliceRows(2, 1);
    points.getCell('H2').value = 'Printed in blue.';
    const response = await upload(
      holder.client,
      `${url}/portfolio/import`,
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().products).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const product = (await holder.client.get(`${url}/products/${created.json().id}`)).json();
    expect(product.images.map((i: { imageId: string }) => i.imageId)).toEqual([gallery]);
    expect(product.guidePoints).toMatchObject([
      {
        title: en('Insole'),
        body: en('Printed in blue.'),
        genuineImageId: null,
        counterfeitImageId: counterfeit,
      },
    ]);
  });
});

describe('refusing a workbook with bad rows', () => {
  it('lists every bad row by sheet, line and column, and imports nothing', async () => {
    const holder = await client('rights_holder', 'FR');
    const url = `/api/rights-holders/${holder.organisationId}/portfolio/import`;
    const workbook = await portfolioWorkbook(
      portfolioOf(10, (portfolio) => {
        const products = portfolio.products;
        // Products line = index + 2; Identifiers line = 2 × index + 2 (item) or + 3 (case).
        products[1]!.body.identifiers[0]!.gtin = '20000000000012'; // check digit should be 9
        products[2]!.brandName = 'Velmorra';
        products[3]!.brandName = 'velmora';
        products[4]!.body.hsCodes = ['6403'];
        products[5]!.body.name = { original: 'en', texts: {} };
        products[6]!.body.reference = products[0]!.body.reference;
        (products[7]!.body.guidePoints[1] as { visibility: string }).visibility = 'covret';
        products[8]!.body.price = { min: 50, max: 20, currency: 'EUR' };
        products[9]!.body.guidePoints[0]!.title = { original: 'english', texts: { en: 'Stitching' } };
        portfolio.brands.push({ id: '', name: 'Velmora', aliases: [], categories: [] });
      }),
    );
    const response = await upload(holder.client, url, workbook);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: '10 problems in the file: nothing was imported',
        truncated: false,
        details: [
          { sheet: 'Brands', line: 8, field: 'name', message: 'Brand "Velmora" is already on line 2' },
          {
            sheet: 'Products',
            line: 4,
            field: 'brand',
            message: 'No brand "Velmorra" in the Brands sheet or in this portfolio',
          },
          {
            sheet: 'Products',
            line: 5,
            field: 'brand',
            message: 'No brand "velmora": did you mean "Velmora"?',
          },
          {
            sheet: 'Products',
            line: 6,
            field: 'hs_codes',
            message: '6403: An HS code has 6 to 10 digits, not 4',
          },
          { sheet: 'Products', line: 7, field: 'name_en', message: 'Required' },
          {
            sheet: 'Products',
            line: 8,
            field: 'reference',
            message: 'Reference "SKU-00000" is already used on line 2',
          },
          {
            sheet: 'Products',
            line: 10,
            field: 'price_min',
            message: 'The lowest price is above the highest',
          },
          { sheet: 'Identifiers', line: 4, field: 'gtin', message: 'Check digit should be 1, not 2' },
          {
            sheet: 'Guide points',
            line: 17,
            field: 'visibility',
            message: 'Expected one of overt, covert, not "covret"',
          },
          {
            sheet: 'Guide points',
            line: 20,
            field: 'original_language',
            message: 'A language is a two-letter ISO 639-1 code (en, fr, es…), not "english"',
          },
        ],
      },
    });
    expect(await counts(holder.organisationId)).toEqual({ brands: 0, products: 0 });
  });

  it('refuses unknown sheets and columns, missing columns and a file that is not a spreadsheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Produtcs').addRow(['reference']);
    workbook.addWorksheet('Brands').addRows([
      ['name', 'alias'],
      ['Velmora', 'VLM'],
    ]);
    workbook.addWorksheet('Identifiers').addRows([['gtin'], ['4006381333931']]);
    const response = await upload(owner, `${base}/import`, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      {
        sheet: 'Produtcs',
        line: 1,
        field: 'Produtcs',
        message:
          'Unknown sheet: the sheets are Brands, Products, Identifiers, Guide points, Indicators (and Read me, which is ignored)',
      },
      {
        sheet: 'Brands',
        line: 1,
        field: 'alias',
        message: 'Unknown column: the columns are name, aliases, categories',
      },
      { sheet: 'Identifiers', line: 1, field: 'product_reference', message: 'Missing column' },
    ]);
    const junk = await upload(
      owner,
      `${base}/import`,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      'old.xls',
    );
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.message).toMatch(/\.xls/);
    const zip = await upload(owner, `${base}/import`, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(zip.statusCode).toBe(400);
    const notMultipart = await owner.request('POST', `${base}/import`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    const badId = await upload(owner, '/api/rights-holders/not-an-id/portfolio/import', Buffer.from('a,b\n'));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details[0]).toMatchObject({ location: 'params', path: 'rightsHolderId' });
  });
});

describe('CSV', () => {
  it('imports the Products sheet with GTINs in a gtins column and keeps the guide points it does not carry', async () => {
    const csv = [
      'reference;brand;category;hs_codes;original_language;name_en;name_de;gtins;price_min;price_max;currency',
      'SKU-00001;Quillon Leather;handbags;4202.21;de;Tote bag;Einkaufstasche;"2000000000015:item; 1 200000000001 2 : case";"79,90";89.9;eur',
      'CSV-NEW;Velmora;footwear;6403.99;;Trail runner;;96385074;;;',
    ].join('\r\n');
    const response = await upload(owner, `${base}/import`, Buffer.from(csv), 'products.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().products).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const list = (await owner.get(`/api/rights-holders/${rightsHolderId}/products`)).json().products;
    const id = (reference: string) => list.find((p: { reference: string }) => p.reference === reference).id;
    const updated = (
      await owner.get(`/api/rights-holders/${rightsHolderId}/products/${id('SKU-00001')}`)
    ).json();
    expect(updated).toMatchObject({
      name: { original: 'de', texts: { en: 'Tote bag', de: 'Einkaufstasche' } },
      identifiers: [
        { gtin: '12000000000012', level: 'case' },
        { gtin: '02000000000015', level: 'item' },
      ],
      price: { min: 79.9, max: 89.9, currency: 'EUR' },
      description: null,
      guidePoints: [{ visibility: 'overt' }, { visibility: 'covert' }],
      indicators: [{ kind: 'price' }],
    });
    const created = (
      await owner.get(`/api/rights-holders/${rightsHolderId}/products/${id('CSV-NEW')}`)
    ).json();
    expect(created).toMatchObject({
      identifiers: [{ gtin: '00000096385074', level: 'item' }],
      name: { original: 'en', texts: { en: 'Trail runner' } },
      guidePoints: [],
    });
  });

  it('reports CSV problems on the Products sheet by line, including a multi-line cell', async () => {
    const csv = [
      'reference,brand,category,name_en,description_en,gtins',
      'CSV-2,Velmora,footwear,Runner,"Two',
      'lines",96385075',
      'CSV-3,Velmora,footwear,,,96385074:pallet',
    ].join('\n');
    const response = await upload(owner, `${base}/import`, Buffer.from(csv), 'products.csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { sheet: 'Products', line: 2, field: 'gtins', message: '96385075: Check digit should be 4, not 5' },
      { sheet: 'Products', line: 4, field: 'name_en', message: 'Required' },
      {
        sheet: 'Products',
        line: 4,
        field: 'gtins',
        message: '96385074: Expected one of item, inner_pack, case, not "pallet"',
      },
    ]);
  });
});

describe('a file with very many bad rows', () => {
  it('lists the first 1,000 problems and says the list is truncated', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `BAD-${i},Velmora,footwear,Shoe,64`);
    const csv = ['reference,brand,category,name_en,hs_codes', ...rows].join('\n');
    const response = await upload(owner, `${base}/import`, Buffer.from(csv), 'many.csv');
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.message).toBe('1,200 problems in the file: nothing was imported');
    expect(error.truncated).toBe(true);
    expect(error.details).toHaveLength(1000);
    expect(error.details[999]).toEqual({
      sheet: 'Products',
      line: 1001,
      field: 'hs_codes',
      message: '64: An HS code has 6 to 10 digits, not 2',
    });
  });
});

describe('formula injection', () => {
  it('exports text that a spreadsheet would run as a formula with a leading apostrophe, and reads it back', async () => {
    const holder = await client('rights_holder', 'NO');
    const url = `/api/rights-holders/${holder.organisationId}`;
    const brand = await holder.client.post(`${url}/brands`, {
      name: '@Risky',
      aliases: ['+cmd', "'=already quoted"],
      categories: ['-1+1'],
    });
    expect(brand.statusCode).toBe(201);
    const dangerous = '=HYPERLINK("https://evil.example","Click")';
    const product = await holder.client.post(`${url}/products`, {
      brandId: brand.json().id,
      reference: '=1+2',
      name: { original: 'en', texts: { en: dangerous } },
      category: 'bags',
      guidePoints: [
        {
          title: { original: 'en', texts: { en: '@SUM(A1)' } },
          body: { original: 'en', texts: { en: '-2+3' } },
          visibility: 'overt',
        },
      ],
    });
    expect(product.statusCode, product.body).toBe(201);

    const workbook = await openWorkbook((await holder.client.get(`${url}/portfolio/export.xlsx`)).rawPayload);
    expect(sheetValues(workbook, 'Brands')[1]).toEqual(["'@Risky", "'+cmd;'=already quoted", "'-1+1"]);
    const products = sheetValues(workbook, 'Products');
    const column = (name: string) => products[1]![products[0]!.indexOf(name)];
    expect([column('reference'), column('brand'), column('name_en')]).toEqual([
      "'=1+2",
      "'@Risky",
      `'${dangerous}`,
    ]);
    expect(sheetValues(workbook, 'Guide points')[1]).toEqual(
      expect.arrayContaining(["'=1+2", "'@SUM(A1)", "'-2+3"]),
    );
    const csv = (await holder.client.get(`${url}/portfolio/export.csv`)).body;
    expect(csv).toContain(`'=1+2,'@Risky`);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);

    const back = await upload(
      holder.client,
      `${url}/portfolio/import`,
      (await holder.client.get(`${url}/portfolio/export.xlsx`)).rawPayload,
    );
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({
      brands: { created: 0, updated: 0, unchanged: 1 },
      products: { created: 0, updated: 0, unchanged: 1 },
    });
  });
});
