// A rights holder publishes a product guide and shares it with one country: an officer of that
// country finds and reads it, an officer of another country cannot, and the view shows in the
// rights holder's statistics.
import { deflateSync } from 'node:zlib';
import { gtinCheckDigit } from '@assay/core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import {
  interpolate,
  launchBrowser,
  type Messages,
  navigationLink,
  newPage,
  type RunningApp,
  signInAsDemo,
  startApp,
  type ViewportName,
} from './support/index.js';

const exact = { exact: true } as const;

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible' });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A small checkerboard PNG, as a phone photo of a seal would be for the upload path. */
function checkerboardPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = ((x >> 4) + (y >> 4)) % 2 ? rgb : [255, 255, 255];
      raw.set(colour, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Replaces `{{name}}` placeholders the way i18next does. */

describe('a product guide shared with one country', () => {
  const run = Date.now().toString(36);
  const reference = `NVL-EFF-${run}`.toUpperCase();
  const productName = `Norvalin 1 g effervescent tablets ${run}`;
  const productNameFr = `Norvalin 1 g comprimés effervescents ${run}`;
  const pointTitle = `Wave embossed on the foil seal ${run}`;
  const pointText = 'Run a finger over the seal: the Halvorsen wave is raised. Fakes print it flat.';
  // A GTIN-13 of Halvorsen's demo company prefix, unique to this run.
  const gtinBody = `70382${String(Date.now()).slice(-7)}`;
  const checkDigit = gtinCheckDigit(gtinBody);
  const gtin = `${gtinBody}${checkDigit}`;
  const wrongDigit = (checkDigit + 1) % 10;

  let app: RunningApp;
  let browser: Browser;
  let rightsHolder: Page;
  let productId = '';
  let genuineImageUrl = '';
  const pages: Page[] = [];

  async function open(viewport: ViewportName): Promise<Page> {
    const page = await newPage(browser, { baseUrl: app.baseUrl, viewport, locale: 'en' });
    pages.push(page);
    return page;
  }

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** Follows a navigation link, opening the menu first on a phone where the navigation is folded. */
  async function navigate(page: Page, t: Messages, link: string): Promise<void> {
    await (await navigationLink(page, t, link)).click();
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await app?.stop();
  });

  it('the rights holder creates a product with an overt guide point, in English and French', async () => {
    const t = en;
    rightsHolder = await open('desktop');
    const page = rightsHolder;
    await signInAsDemo(page, 'pharmaAdmin', t);

    await navigate(page, t, t.nav.products);
    await visible(heading(page, t.products.title));
    await page.getByRole('link', { name: t.products.add, exact: true }).click();
    await visible(heading(page, t.productForm.newTitle));

    await page.getByLabel(t.products.brand, exact).selectOption({ label: 'Norvalin' });
    await page.getByLabel(t.products.reference, exact).fill(reference);
    const name = page.getByRole('group', { name: t.productForm.name, exact: true });
    await name.getByRole('textbox', { name: /^English/ }).fill(productName);
    await name
      .getByRole('button', { name: interpolate(t.localised.addLanguageTo, { field: t.productForm.name }) })
      .click();
    await name.getByLabel(t.localised.languageToAdd, exact).selectOption('fr');
    await name.getByRole('button', { name: t.localised.add, exact: true }).click();
    // The new box takes focus, in its own language.
    const french = name.getByRole('textbox', { name: 'French', exact: true });
    await expect.poll(() => french.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await french.getAttribute('lang')).toBe('fr');
    await french.fill(productNameFr);
    await page.getByLabel(t.products.category, exact).fill('analgesics');

    // A mistyped check digit is explained as soon as the field is left.
    const gtinField = page.getByLabel(interpolate(t.productForm.gtinNumber, { number: 1 }), exact);
    await gtinField.fill(`${gtinBody}${wrongDigit}`);
    await gtinField.press('Tab');
    await visible(
      page.getByText(
        interpolate(t.gtin.bad_check_digit, { expected: checkDigit, actual: wrongDigit }),
        exact,
      ),
    );
    await gtinField.fill(gtin);

    await page.getByRole('button', { name: t.productForm.addHsCode, exact: true }).click();
    await page.getByLabel(interpolate(t.productForm.hsCodeNumber, { number: 1 }), exact).fill('3004.90');

    const point = page.getByRole('article', { name: interpolate(t.guideEditor.point, { number: 1 }) });
    await point
      .getByRole('group', { name: t.guideEditor.pointTitle, exact: true })
      .getByRole('textbox', { name: /^English/ })
      .fill(pointTitle);
    await point
      .getByRole('group', { name: t.guideEditor.pointText, exact: true })
      .getByRole('textbox', { name: /^English/ })
      .fill(pointText);
    expect(await point.getByRole('radio', { name: t.guideEditor.overt, exact: true }).isChecked()).toBe(true);
    const genuineImage = point.getByRole('group', { name: t.guideEditor.genuineImage, exact: true });
    await genuineImage.getByLabel(t.images.upload, exact).setInputFiles({
      name: 'seal-genuine.png',
      mimeType: 'image/png',
      buffer: checkerboardPng(320, 240, [31, 107, 58]),
    });
    await visible(
      genuineImage.getByRole('img', {
        name: interpolate(t.images.chosen, { label: t.guideEditor.genuineImage }),
      }),
    );

    await page.getByRole('button', { name: t.productForm.create, exact: true }).click();
    await visible(heading(page, interpolate(t.productForm.editTitle, { reference })));
    await visible(page.getByText(t.productForm.created));
    productId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(productId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('and shares it with the enforcement organisations of France', async () => {
    const t = en;
    const page = rightsHolder;
    await page
      .getByRole('navigation', { name: t.productTabs.label })
      .getByRole('link', { name: t.productTabs.sharing, exact: true })
      .click();
    await visible(heading(page, `${t.sharing.titleOf} ${productName}`));
    await visible(
      page.getByText(interpolate(t.sharing.current, { summary: t.sharing.summaryNobody }), exact),
    );

    await page.getByRole('radio', { name: t.sharing.reachCountries, exact: true }).check();
    await page.getByLabel(t.sharing.countryToAdd, exact).selectOption('FR');
    await page.getByRole('button', { name: t.sharing.addCountry, exact: true }).click();
    await visible(
      page
        .getByRole('list', { name: interpolate(t.chips.listLabel, { label: t.sharing.countries }) })
        .getByText('France', exact),
    );
    // Covert points are never offered to a whole country: the explanation says why.
    await visible(page.getByRole('heading', { name: t.sharing.covertWhyTitle, exact: true }));
    await page.getByRole('button', { name: t.sharing.save, exact: true }).click();

    await expect.poll(() => page.getByRole('status').filter({ hasText: t.sharing.saved }).count()).toBe(1);
    await visible(
      page.getByText(
        interpolate(t.sharing.current, {
          summary: interpolate(t.sharing.summaryCountries, { countries: 'France' }),
        }),
        exact,
      ),
    );
  });

  it('an officer of French customs finds it in the catalogue and reads the guide in French', async () => {
    const t: Messages = fr;
    const page = await open('phone');
    await signInAsDemo(page, 'customsFrOfficer', t);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');

    await navigate(page, t, t.nav.guides);
    await visible(heading(page, t.catalogue.title));
    // Officers type the digits under the barcode, spaces and all.
    await page
      .getByLabel(t.catalogue.filter, exact)
      .fill(`${gtin.slice(0, 1)} ${gtin.slice(1, 7)} ${gtin.slice(7)}`);
    const card = page.getByRole('article', { name: productNameFr, exact: true });
    await visible(card);
    await card.getByRole('link', { name: productNameFr, exact: true }).click();

    await visible(heading(page, productNameFr));
    await visible(page.getByRole('main').getByRole('link', { name: 'Halvorsen Pharma AS', exact: true }));
    const guidePoint = page.getByRole('article', { name: new RegExp(pointTitle) });
    await visible(guidePoint.getByText(pointText, exact));
    // The point exists in English only: it is marked as such, in the reader's language.
    const marker = guidePoint.locator('.lang-badge').first();
    expect(await marker.getAttribute('lang')).toBe('en');
    expect(await marker.getAttribute('title')).toBe(
      interpolate(t.languageMarker.title, { shown: 'anglais', reader: 'français' }),
    );
    expect(await guidePoint.getByText(pointTitle, exact).getAttribute('lang')).toBe('en');
    // The genuine picture sits beside the point; a tap enlarges it and Escape closes it.
    await visible(guidePoint.getByText(t.guide.genuine, exact));
    const zoom = guidePoint.getByRole('button', {
      name: interpolate(t.images.zoom, {
        description: interpolate(t.guide.genuineOf, { title: pointTitle }),
      }),
    });
    genuineImageUrl = (await zoom.locator('img').getAttribute('src')) ?? '';
    expect(genuineImageUrl).toMatch(/^\/api\/images\/[0-9a-f-]{36}\/thumbnail$/);
    await zoom.click();
    const dialog = page.getByRole('dialog', { name: interpolate(t.guide.genuineOf, { title: pointTitle }) });
    await visible(dialog);
    await expect
      .poll(() => dialog.getByRole('img').evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // No covert point is shared with a whole country.
    expect(await page.getByText(t.guide.covertBadge, exact).count()).toBe(0);
  });

  it('an officer of Kenyan customs neither sees it listed nor opens it by its address', async () => {
    const t = en;
    const page = await open('desktop');
    await signInAsDemo(page, 'customsKeOfficer', t);

    await navigate(page, t, t.nav.guides);
    await visible(heading(page, t.catalogue.title));
    await visible(page.getByRole('status').filter({ hasText: /\d/ }));
    expect(await page.getByText(productName).count()).toBe(0);
    await page.getByLabel(t.catalogue.filter, exact).fill(gtin);
    await visible(page.getByText(t.catalogue.noMatch, exact));

    await page.goto(`/guides/${productId}`);
    await visible(heading(page, t.notFound.title));
    expect(await page.getByText(productName).count()).toBe(0);
    // Nor does it reach the guide's pictures.
    expect((await page.request.get(genuineImageUrl)).status()).toBe(404);
  });

  it('the rights holder sees the view from France in its statistics', async () => {
    const t = en;
    const page = rightsHolder;
    await navigate(page, t, t.nav.statistics);
    await visible(heading(page, t.statistics.title));
    await visible(page.getByRole('img', { name: t.statistics.chartTitle }));

    const byCountry = page.getByRole('table', { name: t.statistics.byCountry, exact: true });
    const france = byCountry.getByRole('row').filter({ hasText: 'France' });
    await visible(france);
    // One officer opened the guide once: one view, counted for the country, never the person.
    expect(await france.getByRole('cell').nth(1).locator('div').textContent()).toBe('1');
    expect(await byCountry.getByRole('row').filter({ hasText: 'Kenya' }).count()).toBe(0);
  });
});
