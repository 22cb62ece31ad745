// An officer at the bench with a phone and a poor network: pins a guide, loses the network, still
// reads the guide with its pictures, reports a suspect shipment offline, and the report is delivered
// exactly once when the network returns. Signing out never loses a report silently, and a sign-out
// made offline holds once the network returns.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../packages/server/src/modules/demo/demo-accounts.js';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import { freshTotp, launchBrowser, newPage, nextTotp, type RunningApp, startApp } from './support/index.js';

const exact = { exact: true } as const;
/** The demo officer's account is in French: the app speaks it once signed in. */
const t = fr;
/** The demo's Norvalin tablets: shared with every enforcement organisation, a point with two pictures. */
const PRODUCT_REFERENCE = 'NVL-500-20';
const PRODUCT_NAME = 'Norvalin 500 mg comprimés pelliculés, 20';

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible' });
}

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The template's text before its first placeholder, to find a sentence whatever the values. */
function prefix(template: string): string {
  return template.split('{{')[0] ?? template;
}

interface CaseSummary {
  id: string;
  reference: string;
  productNames: string[];
}

describe('the officer app offline', () => {
  const run = Date.now().toString(36);
  const goods = `Blister packs without hologram ${run}`;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let context: BrowserContext;
  let productId = '';

  /** The cases of the officer's organisation whose goods are these, as the API reports them. */
  async function casesWithGoods(description: string): Promise<{ reference: string; quantity: number }[]> {
    const list = await page.request.get('/api/cases');
    expect(list.status()).toBe(200);
    const found = [];
    for (const item of ((await list.json()) as { cases: CaseSummary[] }).cases) {
      const detail = (await (await page.request.get(`/api/cases/${item.id}`)).json()) as {
        goods: { description: string; quantity: number }[];
      };
      for (const line of detail.goods) {
        if (line.description === description)
          found.push({ reference: item.reference, quantity: line.quantity });
      }
    }
    return found;
  }

  async function openUserMenu(): Promise<void> {
    await page
      .getByRole('button', {
        name: interpolate(t.userMenu.label, { name: DEMO_ACCOUNTS.customsFrOfficer.name }),
      })
      .click();
  }

  async function navigate(link: string): Promise<void> {
    const menu = page.getByRole('button', { name: t.nav.menu, exact: true });
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: link }).click();
  }

  /** Every picture on the page has been decoded (a broken one has no natural width). */
  async function picturesShown(): Promise<number> {
    const images = page.locator('.comparison .zoom-thumb img');
    await expect.poll(() => images.count()).toBeGreaterThan(0);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    return images.count();
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser, { baseUrl: app.baseUrl, viewport: 'phone', locale: 'en' });
    context = page.context();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('installs as an app: manifest, icons and a service worker that is never cached by HTTP', async () => {
    const manifest = await page.request.get(`${app.baseUrl}/manifest.webmanifest`);
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    expect(await manifest.json()).toMatchObject({ display: 'standalone', start_url: '/' });
    const worker = await page.request.get(`${app.baseUrl}/service-worker.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()['content-type']).toContain('javascript');
    expect(worker.headers()['cache-control']).toBe('no-cache');
    const icon = await page.request.get(`${app.baseUrl}/icons/icon-192.png`);
    expect(icon.headers()['content-type']).toBe('image/png');
  });

  it('the officer signs in and the service worker takes control', async () => {
    const account = DEMO_ACCOUNTS.customsFrOfficer;
    await page.goto('/sign-in');
    await page.getByLabel(en.fields.email, exact).fill(account.email);
    await page.getByLabel(en.fields.password, exact).fill(account.password);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: en.twoFactor.title }));
    await page.getByLabel(en.twoFactor.code, exact).fill(await freshTotp(account.totpSecret));
    await page.getByRole('button', { name: en.twoFactor.submit, exact: true }).click();
    await visible(
      page.getByRole('heading', { level: 1, name: interpolate(t.home.title, { name: account.name }) }),
    );
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
      .toBe(true);

    const catalogue = await page.request.get('/api/catalogue/products?lang=en');
    const products = ((await catalogue.json()) as { products: { id: string; reference: string }[] }).products;
    productId = products.find((product) => product.reference === PRODUCT_REFERENCE)?.id ?? '';
    expect(productId).not.toBe('');
  });

  it('right after signing in, the app opens offline from the saved session', async () => {
    await context.setOffline(true);
    await page.reload();
    await visible(
      page.getByRole('heading', {
        level: 1,
        name: interpolate(t.home.title, { name: DEMO_ACCOUNTS.customsFrOfficer.name }),
      }),
    );
    await visible(page.getByText(t.offline.offlineNotice, exact));
    await context.setOffline(false);
  });

  it('pins a guide: its JSON and pictures are saved on the phone', async () => {
    await page.goto(`/guides/${productId}`);
    await visible(page.getByRole('heading', { level: 1, name: PRODUCT_NAME }));
    const pin = page.getByRole('button', { name: t.offline.pin, exact: true });
    expect(await pin.getAttribute('aria-pressed')).toBe('false');
    await pin.click();
    await visible(page.getByText(t.offline.pinned, exact));
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    await picturesShown();
    // Both sizes of every picture end up in the cache (the display size without ever zooming).
    const cachedSizes = () =>
      page.evaluate(async () => {
        const cache = await caches.open('assay-api-images-v1');
        const urls = (await cache.keys()).map((request) => new URL(request.url).pathname);
        const thumbnails = urls.filter((url) => url.endsWith('/thumbnail')).length;
        return { enough: thumbnails >= 2, bothSizes: urls.length === 2 * thumbnails };
      });
    await expect.poll(cachedSizes, { timeout: 20_000 }).toEqual({ enough: true, bothSizes: true });
    // The alerts inbox, once read online, is kept for offline reading too.
    const inboxOnline = await page.evaluate(
      async () => (await fetch('/api/alerts/inbox?filter=active&lang=fr')).status,
    );
    expect(inboxOnline).toBe(200);
  });

  it('offline, the pinned guide still opens after a reload, with its pictures and a saved-copy notice', async () => {
    await context.setOffline(true);
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: PRODUCT_NAME }));
    await visible(page.getByText(prefix(t.offline.savedCopy)));
    await visible(page.getByText(t.offline.offlineNotice, exact));
    expect(await picturesShown()).toBeGreaterThanOrEqual(2);
    // Zooming shows the display size, from the cache too.
    const display = page.locator('.comparison dialog img').first();
    const displayLoaded = await display.evaluate(async (element) => {
      const response = await fetch((element as HTMLImageElement).src);
      return response.ok && (await response.blob()).size > 0;
    });
    expect(displayLoaded).toBe(true);

    // The alerts inbox answers from its saved copy, marked as such.
    const inboxOffline = await page.evaluate(async () => {
      const response = await fetch('/api/alerts/inbox?filter=active&lang=fr');
      return { status: response.status, saved: response.headers.get('x-assay-saved-at') !== null };
    });
    expect(inboxOffline).toEqual({ status: 200, saved: true });

    // The saved-guides screen lists it and opens it, still offline.
    await navigate(t.nav.savedGuides);
    await visible(page.getByRole('heading', { level: 1, name: t.offline.savedTitle }));
    await page.getByRole('link', { name: PRODUCT_NAME, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: PRODUCT_NAME }));
  });

  it('a report made offline is queued on the phone', async () => {
    await page.getByRole('link', { name: t.reports.reportSuspect, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: t.reports.newTitle }));
    await visible(page.getByText(t.reports.offlineHint, exact));
    await page.getByLabel(t.reports.goodsDescription, exact).fill(goods);
    await page.getByLabel(t.reports.quantity, exact).fill('240');
    await page.getByLabel(t.reports.transportMode, exact).selectOption('COURIER');
    await page.getByRole('radio', { name: t.common.yes, exact: true }).check();
    await page.getByLabel(t.reports.exporter, exact).fill('Shenzhen Bright Star Trading Co., Ltd.');
    await page.getByLabel(t.reports.originCountry, exact).selectOption('CN');
    await page.getByLabel(t.reports.locode, exact).fill('FRCDG');
    await page.getByRole('button', { name: t.reports.send, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: t.reports.queuedTitle }));

    await page.getByRole('link', { name: t.reports.allReports, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: t.reports.title }));
    const entry = page.locator('.outbox-entry', { hasText: goods });
    await visible(entry.getByText(t.reports.queuedShort, exact));
    // The navigation shows one report waiting.
    const menu = page.getByRole('button', { name: t.nav.menu, exact: true });
    if (await menu.isVisible()) await menu.click();
    await visible(
      page
        .getByRole('navigation', { name: t.nav.label })
        .getByText(interpolate(t.offline.outboxCount_one, { count: 1 }), exact),
    );
    if (await menu.isVisible()) await page.keyboard.press('Escape');
  });

  it('signing out offline with a report waiting asks first, and staying keeps the report', async () => {
    await openUserMenu();
    await page.getByRole('button', { name: t.userMenu.signOut, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t.signOutConfirm.title_one });
    await visible(dialog);
    await visible(dialog.getByText(PRODUCT_NAME));
    await dialog.getByRole('button', { name: t.signOutConfirm.stay, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('heading', { level: 1, name: t.reports.title }));
    await visible(page.locator('.outbox-entry', { hasText: goods }).getByText(t.reports.queuedShort, exact));
    expect(await page.evaluate(() => localStorage.getItem('assay.offline.session'))).not.toBeNull();
  });

  it('back online, the report is delivered exactly once and its case reference shown', async () => {
    await context.setOffline(false);
    const entry = page.locator('.outbox-entry', { hasText: goods });
    await visible(entry.getByText(t.reports.sentBadge, exact));
    const reference = (await entry.locator('strong.mono').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^FR-\d{4}-\d+$/);

    // Another flush (a reload sends whatever is due) must not send it again.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: t.reports.title }));
    await visible(page.locator('.outbox-entry', { hasText: goods }).getByText(t.reports.sentBadge, exact));
    expect(await casesWithGoods(goods)).toEqual([{ reference, quantity: 240 }]);
  });

  it('a report whose answer was lost on the way back is sent again with its key and opens one case', async () => {
    const lostGoods = `Cartons with a flat silver seal ${run}`;
    // The server receives the first attempt and opens the case, but the phone never hears back.
    let attempts = 0;
    await context.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      attempts += 1;
      if (attempts > 1) return route.fallback();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`/reports/new?productId=${productId}`);
    await visible(page.getByRole('heading', { level: 1, name: t.reports.newTitle }));
    await page.getByLabel(t.reports.goodsDescription, exact).fill(lostGoods);
    await page.getByLabel(t.reports.quantity, exact).fill('12');
    await page.getByRole('button', { name: t.reports.send, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: t.reports.queuedTitle }));

    await page.getByRole('link', { name: t.reports.allReports, exact: true }).click();
    await page.getByRole('button', { name: t.reports.sendNow, exact: true }).click();
    const entry = page.locator('.outbox-entry', { hasText: lostGoods });
    await visible(entry.getByText(t.reports.sentBadge, exact));
    expect(attempts).toBe(2);
    await context.unroute('**/api/cases');

    const reference = (await entry.locator('strong.mono').textContent())?.trim();
    expect(await casesWithGoods(lostGoods)).toEqual([{ reference, quantity: 12 }]);
  });

  it('signing out leaves no cached API answer and no queued report on the phone', async () => {
    await openUserMenu();
    await page.getByRole('button', { name: t.userMenu.signOut, exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    const left = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('assay-api-'));
      const reports = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('assay-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => resolve(count.result);
        };
      });
      return { names, reports, session: localStorage.getItem('assay.offline.session') };
    });
    expect(left).toEqual({ names: [], reports: 0, session: null });
  });

  it('a sign-out made offline holds when the network returns: the phone is not signed back in', async () => {
    const account = DEMO_ACCOUNTS.customsFrOfficer;
    // The sign-in page now speaks the officer's language, kept from the last session.
    await page.getByLabel(t.fields.email, exact).fill(account.email);
    await page.getByLabel(t.fields.password, exact).fill(account.password);
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
    await page.getByLabel(t.twoFactor.code, exact).fill(await nextTotp(account.totpSecret));
    await page.getByRole('button', { name: t.twoFactor.submit, exact: true }).click();
    // Signed in again (on the page the last sign-out left, or home).
    const menuButton = page.getByRole('button', {
      name: interpolate(t.userMenu.label, { name: account.name }),
    });
    await visible(menuButton);

    await context.setOffline(true);
    await openUserMenu();
    await page.getByRole('button', { name: t.userMenu.signOut, exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await visible(page.getByRole('heading', { level: 1, name: t.signIn.title }));
    // Reopened offline, the app still shows sign-in, not the previous session.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: t.signIn.title }));

    await context.setOffline(false);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('assay.offline.signOutPending')), {
        timeout: 15_000,
      })
      .toBeNull();
    const session = (await (await page.request.get('/api/session')).json()) as { user: unknown };
    expect(session.user).toBeNull();
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: t.signIn.title }));
    expect(await menuButton.isVisible()).toBe(false);
  });
});
