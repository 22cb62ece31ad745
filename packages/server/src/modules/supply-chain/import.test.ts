import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let productId: string;

const base = () => `/api/rights-holders/${rightsHolderId}/supply-chain`;

function upload(content: Buffer | string, filename = 'supply-chain.csv', query = '', as = owner) {
  return as.upload('POST', `${base()}/import${query}`, content, { filename });
}

async function counts() {
  const entries = (await owner.get(`${base()}/entries`)).json().entries.length as number;
  const routes = (await owner.get(`${base()}/routes`)).json().routes.length as number;
  return { entries, routes };
}

async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrganisation(t.ctx, { kind: 'rights_holder' });
  rightsHolderId = org.id;
  owner = new TestClient(t.app);
  await signIn(owner, t.ctx, await makeUser(t.ctx, org.id, { roles: ['member'], twoFactor: true }));
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, { name: 'Trailhawk' });
  const product = await owner.post(`/api/rights-holders/${rightsHolderId}/products`, {
    brandId: brand.json().id,
    reference: 'TR-100',
    name: { original: 'en', texts: { en: 'Trail runner 100' } },
    category: 'footwear',
  });
  productId = product.json().id;
});
afterAll(() => t.close());

describe('the import template', () => {
  it('is a workbook with an Entries and a Routes sheet and instructions', async () => {
    const response = await owner.get(`${base()}/template`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe('attachment; filename="supply-chain.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Entries', 'Routes', 'Instructions']);
    expect(book.getWorksheet('Entries')!.getRow(1).values).toEqual([
      undefined,
      'product_reference',
      'role',
      'name',
      'country',
      'eori',
      'tax_number',
      'address',
    ]);
    expect(book.getWorksheet('Routes')!.getRow(1).values).toEqual([
      undefined,
      'product_reference',
      'origin_country',
      'transit_countries',
      'destination_country',
      'ports',
      'carriers',
      'transport_mode',
    ]);
  });

  it('is a CSV header of one sheet when asked for CSV', async () => {
    const response = await owner.get(`${base()}/template?format=csv&sheet=routes`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body).toBe(
      '\uFEFFproduct_reference,origin_country,transit_countries,destination_country,ports,carriers,transport_mode\r\n',
    );
  });

  it('filled in, imports as it is', async () => {
    const template = await owner.get(`${base()}/template`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    book
      .getWorksheet('Entries')!
      .addRow(['TR-100', 'distributor', 'Alpine Sport Vertrieb GmbH', 'AT', 'ATEOS1000012345']);
    book.getWorksheet('Routes')!.addRow(['', 'VN', '', 'AT', 'VNSGN;ATVIE', '', 'AIR']);
    const before = await counts();
    const response = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'filled.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ entries: 1, routes: 1, replaced: false });
    expect(await counts()).toEqual({ entries: before.entries + 1, routes: before.routes + 1 });
  });
});

describe('importing a good file', () => {
  it('reads a CSV of entries written by a spreadsheet with semicolons, a BOM and a cell on two lines', async () => {
    const csv = [
      '\uFEFFProduct reference;Role;Name;Country;EORI;Tax number;Address',
      'TR-100;Manufacturer;Dong Nai Footwear Co. Ltd;vn;;3600123456;"Lot 5, Bien Hoa Industrial Zone 2',
      'Dong Nai"',
      ';exporter;Saigon Export JSC;VN;;;',
      '',
      ';importer;Trailhawk Europe GmbH;DE;DE 1234 5678 9012 345;DE811234567;"Hafenstraße 1, 20457 Hamburg"',
    ].join('\r\n');
    const before = await counts();
    const response = await upload(csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ entries: 3, routes: 0, replaced: false });
    expect(await counts()).toEqual({ entries: before.entries + 3, routes: before.routes });
    const entries = (await owner.get(`${base()}/entries`)).json().entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'manufacturer',
          name: 'Dong Nai Footwear Co. Ltd',
          countryCode: 'VN',
          taxNumber: '3600123456',
          address: 'Lot 5, Bien Hoa Industrial Zone 2\r\nDong Nai',
          product: { id: productId, reference: 'TR-100' },
        }),
        expect.objectContaining({ role: 'exporter', name: 'Saigon Export JSC', product: null }),
        expect.objectContaining({
          role: 'importer',
          eori: 'DE123456789012345',
          address: 'Hafenstraße 1, 20457 Hamburg',
        }),
      ]),
    );
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'supply_chain.imported')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ entries: 3, routes: 0, replaced: false, format: 'csv' });
  });

  it('reads a CSV of routes with lists in cells', async () => {
    const csv = [
      'product_reference,origin_country,transit_countries,destination_country,ports,carriers,transport_mode',
      'TR-100,CN,"SG;AE",NL,"CN SHA; NLRTM","Oceanic Lines;Blue Anchor Shipping",sea',
    ].join('\n');
    const response = await upload(csv, 'routes.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ entries: 0, routes: 1, replaced: false });
    const routes = (await owner.get(`${base()}/routes?productId=${productId}`)).json().routes;
    expect(routes).toEqual([
      expect.objectContaining({
        originCountry: 'CN',
        transitCountries: ['SG', 'AE'],
        destinationCountry: 'NL',
        ports: ['CNSHA', 'NLRTM'],
        carriers: ['Oceanic Lines', 'Blue Anchor Shipping'],
        transportMode: 'SEA',
      }),
    ]);
  });

  it('reads a workbook built elsewhere, with both sheets, and replaces the supply chain when asked', async () => {
    const file = await workbook({
      Entries: [
        ['product_reference', 'role', 'name', 'country', 'eori', 'tax_number', 'address'],
        ['TR-100', 'manufacturer', 'Ho Chi Minh Shoes Ltd', 'VN', null, 310_445_566, null],
        [null, 'licensee', 'Trailhawk Japan KK', 'JP', null, null, 'Minato-ku, Tokyo'],
      ],
      Routes: [
        [
          'product_reference',
          'origin_country',
          'transit_countries',
          'destination_country',
          'ports',
          'carriers',
          'transport_mode',
        ],
        [null, 'VN', null, 'JP', 'VNSGN;JPTYO', 'Oceanic Lines', 'SEA'],
      ],
      Notes: [['anything else is ignored']],
    });
    const response = await upload(file, 'supply-chain.xlsx', '?replace=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ entries: 2, routes: 1, replaced: true });
    expect(await counts()).toEqual({ entries: 2, routes: 1 });
    const entries = (await owner.get(`${base()}/entries`)).json().entries;
    expect(entries.map((entry: { name: string }) => entry.name)).toEqual([
      'Trailhawk Japan KK',
      'Ho Chi Minh Shoes Ltd',
    ]);
    expect(entries[1].taxNumber).toBe('310445566');
  });

  it('replaces only the sheets the file holds', async () => {
    const csv = 'role,name,country\ncarrier,Blue Anchor Shipping,SG\n';
    const response = await upload(csv, 'carriers.csv', '?replace=true');
    expect(response.json()).toEqual({ entries: 1, routes: 0, replaced: true });
    expect(await counts()).toEqual({ entries: 1, routes: 1 });
  });
});

describe('importing a file with bad rows', () => {
  it('reports every bad cell of a CSV file by line and column, and writes nothing', async () => {
    const before = await counts();
    const auditBefore = await t.ctx.db
      .selectFrom('audit_events')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const csv = [
      'product_reference,role,name,country,eori,tax_number,address',
      'TR-100,manufacturer,Good Factory,VN,,,"Lot 7',
      'Binh Duong"',
      'NOPE-9,wholesaler,Bad Co,XX,12345,,',
      ',exporter,,DE,,,',
      ',distributor,Fine Distribution,FR,,,',
      `,importer,Long Tax,FR,,${'9'.repeat(51)},`,
    ].join('\n');
    const response = await upload(csv);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The file has problems: nothing was imported',
        details: [
          {
            line: 4,
            field: 'product_reference',
            message: 'No product with the reference NOPE-9 in this portfolio',
          },
          {
            line: 4,
            field: 'role',
            message:
              'Invalid option: expected one of "manufacturer"|"exporter"|"importer"|"distributor"|"licensee"|"carrier"',
          },
          { line: 4, field: 'country', message: 'Not an ISO 3166-1 alpha-2 country code' },
          {
            line: 4,
            field: 'eori',
            message: 'An EORI number: 2-letter country prefix and up to 15 letters or digits',
          },
          { line: 5, field: 'name', message: 'Required' },
          { line: 7, field: 'tax_number', message: 'At most 50 characters' },
        ],
      },
    });
    expect(await counts()).toEqual(before);
    const auditAfter = await t.ctx.db
      .selectFrom('audit_events')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toEqual(auditBefore.n);
  });

  it('names the sheet of each bad row of a workbook, and writes nothing even with replace', async () => {
    const before = await counts();
    const file = await workbook({
      Entries: [
        ['role', 'name', 'country'],
        ['manufacturer', 'Good Factory', 'VN'],
        ['exporter', 'Nowhere Ltd', 'QQ'],
      ],
      Routes: [
        ['origin_country', 'destination_country', 'ports', 'transport_mode'],
        ['CN', 'FR', 'CNSHA;XXABC', 'SEA'],
        ['CN', null, null, 'ZEPPELIN'],
      ],
    });
    const response = await upload(file, 'bad.xlsx', '?replace=true');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { sheet: 'Entries', line: 3, field: 'country', message: 'Not an ISO 3166-1 alpha-2 country code' },
      {
        sheet: 'Routes',
        line: 2,
        field: 'ports',
        message: 'A UN/LOCODE starts with an ISO 3166-1 country code: XXABC',
      },
      { sheet: 'Routes', line: 3, field: 'destination_country', message: 'Required' },
      {
        sheet: 'Routes',
        line: 3,
        field: 'transport_mode',
        message: 'Invalid option: expected one of "AIR"|"SEA"|"ROAD"|"RAIL"|"POST"|"COURIER"',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports missing columns and a sheet it cannot recognise', async () => {
    const missing = await upload('role,name\nmanufacturer,Good Factory\n');
    expect(missing.json().error.details).toEqual([
      { line: 1, field: 'country', message: 'This column is missing' },
    ]);
    const unknown = await upload('sku,colour\nA1,red\n');
    expect(unknown.json().error.details).toEqual([
      {
        line: 1,
        field: 'header',
        message:
          'Not a supply-chain sheet: entries need the columns role, name, country; routes origin_country, destination_country',
      },
    ]);
    const empty = await upload('role,name,country\n');
    expect(empty.json().error.details).toEqual([
      { line: 1, field: 'file', message: 'The file holds no supply-chain rows' },
    ]);
  });

  it('refuses what is not a CSV or XLSX file, or no file at all', async () => {
    const binary = await upload(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      'x.csv',
    );
    expect(binary.statusCode).toBe(400);
    expect(binary.json().error.details).toEqual([
      { path: 'file', message: 'Neither a CSV file nor an XLSX workbook' },
    ]);
    const brokenZip = await upload(Buffer.from('PK\u0003\u0004 not really a workbook'), 'x.xlsx');
    expect(brokenZip.json().error.details[0].path).toBe('file');
    const json = await owner.post(`${base()}/import`, { rows: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.details[0].path).toBe('file');
    const wrongField = await owner.upload('POST', `${base()}/import`, 'role,name,country\n', {
      filename: 'x.csv',
      field: 'document',
    });
    expect(wrongField.json().error.details[0].path).toBe('file');
  });

  it('refuses a file over 10 MB', async () => {
    const big = `role,name,country\n${'manufacturer,Big Factory,VN\n'.repeat(400_000)}`;
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const response = await upload(big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });
});

describe('who may import', () => {
  it('is only the side managing the rights holder', async () => {
    const other = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
    const officer = new TestClient(t.app);
    await signIn(officer, t.ctx, await makeUser(t.ctx, other.id, { roles: ['officer'], twoFactor: true }));
    const response = await upload('role,name,country\ncarrier,Intruder Freight,FR\n', 'x.csv', '', officer);
    expect(response.statusCode).toBe(404);
    expect((await officer.get(`${base()}/template`)).statusCode).toBe(404);
    expect((await owner.get(`${base()}/entries`)).body).not.toContain('Intruder');
  });
});
