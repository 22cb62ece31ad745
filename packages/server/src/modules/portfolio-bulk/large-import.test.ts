import { gtinCheckDigit } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';
import { samplePortfolio } from './sample-portfolio.js';
import { portfolioWorkbook } from './write-file.js';

const PRODUCTS = 5000;
let t: TestApp;

function upload(client: TestClient, url: string, bytes: Buffer) {
  return client.upload('POST', url, bytes, { filename: 'portfolio.xlsx' });
}

async function rightsHolder() {
  const org = await makeOrganisation(t.ctx, { kind: 'rights_holder', countryCode: 'NO' });
  const user = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return { client, id: org.id, url: `/api/rights-holders/${org.id}/portfolio/import` };
}

async function countProducts(organisationId: string) {
  const row = await t.ctx.db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`a ${PRODUCTS.toLocaleString('en')}-product workbook`, () => {
  // A 5,000-product workbook is read and checked in seconds, but a loaded CI machine may take longer.
  it('with a few bad rows is refused with exactly those rows, and nothing is imported', {
    timeout: 300_000,
  }, async () => {
    const holder = await rightsHolder();
    const portfolio = samplePortfolio(PRODUCTS);
    const product = (index: number) => portfolio.products[index]!.body;
    // Sheet lines: Products index + 2; Identifiers and Guide points 2 × index + 2 (first) or + 3 (second).
    const item17 = product(17).identifiers[0]!;
    const lastDigit = Number(item17.gtin.slice(-1));
    item17.gtin = `${item17.gtin.slice(0, -1)}${(lastDigit + 1) % 10}`;
    product(600).countriesOfManufacture = ['XX'];
    portfolio.products[1234]!.brandName = 'Velmora Outlet';
    product(2500).hsCodes = ['64'];
    product(3001).name = { original: 'en', texts: {} };
    product(4000).reference = 'SKU-00010';
    (product(4999).guidePoints[1] as { visibility: string }).visibility = 'Covert!';

    const response = await upload(holder.client, holder.url, await portfolioWorkbook(portfolio));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: '7 problems in the file: nothing was imported',
      truncated: false,
      details: [
        {
          sheet: 'Products',
          line: 602,
          field: 'countries_of_manufacture',
          message: 'XX: Not an ISO 3166-1 alpha-2 country code',
        },
        {
          sheet: 'Products',
          line: 1236,
          field: 'brand',
          message: 'No brand "Velmora Outlet" in the Brands sheet or in this portfolio',
        },
        {
          sheet: 'Products',
          line: 2502,
          field: 'hs_codes',
          message: '64: An HS code has 6 to 10 digits, not 2',
        },
        { sheet: 'Products', line: 3003, field: 'name_en', message: 'Required' },
        {
          sheet: 'Products',
          line: 4002,
          field: 'reference',
          message: 'Reference "SKU-00010" is already used on line 12',
        },
        {
          sheet: 'Identifiers',
          line: 36,
          field: 'gtin',
          message: `Check digit should be ${gtinCheckDigit(item17.gtin.slice(0, -1))}, not ${(lastDigit + 1) % 10}`,
        },
        {
          sheet: 'Guide points',
          line: 10_001,
          field: 'visibility',
          message: 'Expected one of overt, covert, not "covert!"',
        },
      ],
    });
    expect(await countProducts(holder.id)).toBe(0);
    const brands = await t.ctx.db
      .selectFrom('brands')
      .select('id')
      .where('organisation_id', '=', holder.id)
      .execute();
    expect(brands).toEqual([]);
  });

  it('imports whole, then again as a no-op (timed)', { timeout: 600_000 }, async () => {
    const holder = await rightsHolder();
    const workbook = await portfolioWorkbook(samplePortfolio(PRODUCTS));

    const started = performance.now();
    const response = await upload(holder.client, holder.url, workbook);
    const seconds = (performance.now() - started) / 1000;
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json()).toEqual({
      brands: { created: 6, updated: 0, unchanged: 0 },
      products: { created: PRODUCTS, updated: 0, unchanged: 0 },
    });
    expect(await countProducts(holder.id)).toBe(PRODUCTS);

    const againStarted = performance.now();
    const again = await upload(holder.client, holder.url, workbook);
    const againSeconds = (performance.now() - againStarted) / 1000;
    expect(again.json().products).toEqual({ created: 0, updated: 0, unchanged: PRODUCTS });
    console.info(
      `[${t.dbKind}] ${PRODUCTS} products (${(workbook.length / 1024).toFixed(0)} KiB workbook): first import ${seconds.toFixed(1)} s, re-import ${againSeconds.toFixed(1)} s`,
    );
  });
});
