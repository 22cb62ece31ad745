// The officer at the bench: a GS1 DataMatrix held in front of the phone's camera opens the right guide;
// a hand-held scanner and a typed code do the same; a mistyped code is explained precisely; a GTIN no
// guide carries names the company whose GS1 prefix it has. Chromium's fake camera plays a generated
// video of the barcode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gtinCheckDigit, parseGs1 } from '@assay/core';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../packages/server/src/modules/demo/demo-accounts.js';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import {
  fakeCameraArgs,
  freshTotp,
  launchBrowser,
  type RunningApp,
  startApp,
  VIEWPORTS,
  writeBarcodeVideo,
} from './support/index.js';

type Messages = typeof en;
const exact = { exact: true } as const;

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible' });
}

/** Replaces `{{name}}` placeholders the way i18next does. */
function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

const gtin = (body: string) => `${body}${gtinCheckDigit(body)}`;

// The demo's Norvalin 500 mg tablets, shared with every enforcement organisation.
const NORVALIN = {
  gtin: gtin('0703821000101'),
  name: 'Norvalin 500 mg film-coated tablets, 20',
  nameFr: 'Norvalin 500 mg comprimés pelliculés, 20',
};
const SCANNED = `(01)${NORVALIN.gtin}(17)271231(10)NV2417A(21)K9X4PQ72`;

describe('scanning at the inspection bench', () => {
  const videoDir = mkdtempSync(path.join(tmpdir(), 'assay-scan-'));
  const video = path.join(videoDir, 'norvalin-datamatrix.y4m');
  let app: RunningApp;
  let browser: Browser;
  const pages: Page[] = [];

  function heading(page: Page, name: string) {
    return page.getByRole('heading', { level: 1, name, exact: true });
  }

  const sessions = new Map<DemoAccountKey, BrowserContextOptions['storageState']>();

  /**
   * A phone signed in as a demo account, in the account's own language. Each account signs in once
   * and its cookies are reused, since a one-time code is accepted only once. With `camera: 'denied'`
   * the officer has refused the camera, as the typed and keyboard paths assume.
   */
  async function signedIn(
    key: DemoAccountKey,
    t: Messages,
    camera: 'allowed' | 'denied' = 'denied',
  ): Promise<Page> {
    const context = await browser.newContext({
      ...VIEWPORTS.phone,
      locale: t === fr ? 'fr' : 'en',
      timezoneId: 'UTC',
      baseURL: app.baseUrl,
      storageState: sessions.get(key),
    });
    if (camera === 'allowed') {
      await context.grantPermissions(['camera'], { origin: app.baseUrl });
      // Keeps the streams the page opens, to check that the camera is switched off afterwards.
      await context.addInitScript(() => {
        const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        const streams: MediaStream[] = [];
        const asked: unknown[] = [];
        Object.assign(window, { cameraStreams: streams, cameraAsked: asked });
        navigator.mediaDevices.getUserMedia = async (constraints) => {
          asked.push(constraints);
          const stream = await open(constraints);
          streams.push(stream);
          return stream;
        };
      });
    } else
      await context.addInitScript(() => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      });
    const page = await context.newPage();
    pages.push(page);
    const account = DEMO_ACCOUNTS[key];
    const home = heading(page, interpolate(t.home.title, { name: account.name }));
    if (!sessions.has(key)) {
      await page.goto('/sign-in');
      await page.getByLabel(t.fields.email, exact).fill(account.email);
      await page.getByLabel(t.fields.password, exact).fill(account.password);
      await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
      if (account.totpSecret) {
        await visible(heading(page, t.twoFactor.title));
        await page.getByLabel(t.twoFactor.code, exact).fill(await freshTotp(account.totpSecret));
        await page.getByRole('button', { name: t.twoFactor.submit, exact: true }).click();
      }
      await visible(home);
      sessions.set(key, await context.storageState());
    } else {
      await page.goto('/');
      await visible(home);
    }
    return page;
  }

  beforeAll(async () => {
    writeBarcodeVideo(video, { symbology: 'gs1datamatrix', text: SCANNED });
    app = await startApp();
    browser = await launchBrowser({ args: fakeCameraArgs(video) });
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await app?.stop();
    rmSync(videoDir, { recursive: true, force: true });
  });

  it('the camera reads a GS1 DataMatrix and the officer lands on the guide, the code passed along', async () => {
    const t = en;
    const page = await signedIn('customsKeOfficer', t, 'allowed');
    // The scan button is on the officer's home, one thumb away.
    await page.getByRole('link', { name: t.search.scanButton, exact: true }).click();
    // The scanner page may show for only a moment: the fake camera's code is read at once.
    await page.waitForURL((url) => url.pathname !== '/');

    await visible(heading(page, NORVALIN.name));
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/guides\/[0-9a-f-]{36}$/);
    expect(url.searchParams.get('code')).toBe(SCANNED);
    // The report of a suspect shipment starts with the scanned code.
    const report = new URL(
      (await page.getByRole('link', { name: t.reports.reportSuspect, exact: true }).getAttribute('href')) ??
        '',
      app.baseUrl,
    );
    expect(report.searchParams.get('code')).toBe(SCANNED);
    // The rear camera was asked for, and it is off once the code is read.
    const camera = await page.evaluate(() => {
      const seen = window as unknown as {
        cameraStreams: MediaStream[];
        cameraAsked: MediaStreamConstraints[];
      };
      return {
        asked: seen.cameraAsked.map((constraints) => JSON.stringify(constraints.video)),
        tracks: seen.cameraStreams.flatMap((stream) =>
          stream.getVideoTracks().map((track) => track.readyState),
        ),
      };
    });
    expect(camera.asked.every((video) => video.includes('"facingMode":{"ideal":"environment"}'))).toBe(true);
    expect(camera.tracks.length).toBeGreaterThan(0);
    expect(camera.tracks.every((state) => state === 'ended')).toBe(true);

    // Back returns to scanning, not to the lookup in between (checked at once: the camera reads the code again).
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/scan');
  });

  it('a hand-held scanner typing into the page, with <GS> for the group separator, opens the guide', async () => {
    const t = en;
    const page = await signedIn('customsKeOfficer', t);
    await page.goto('/scan');
    await visible(heading(page, t.scan.title));
    await visible(page.getByText(t.scan.camera.denied, exact));
    // Keystrokes as fast as a scanner sends them, wherever the focus is, closed by Enter.
    await page.keyboard.type(`01${NORVALIN.gtin}10NV2417A<GS>17271231`);
    await page.keyboard.press('Enter');
    await visible(heading(page, NORVALIN.name));
    expect(new URL(page.url()).searchParams.get('code')).toBe(`01${NORVALIN.gtin}10NV2417A\x1d17271231`);
  });

  it('a typed code with a wrong check digit is explained precisely, in French', async () => {
    const t: Messages = fr;
    const page = await signedIn('customsFrOfficer', t);
    await page.goto('/scan');
    await visible(heading(page, t.scan.title));

    const wrong = (Number(NORVALIN.gtin.slice(-1)) + 1) % 10;
    const typed = `${NORVALIN.gtin.slice(1, -1)}${wrong}`;
    const parsed = parseGs1(typed);
    if (parsed.ok) throw new Error('the test code should be malformed');
    await page.getByLabel(t.scan.typedLabel, exact).fill(typed);
    await page.getByRole('button', { name: t.scan.lookUp, exact: true }).click();

    const alert = page.getByRole('alert');
    await visible(alert.getByText(t.scan.unreadable, exact));
    await visible(
      alert.getByText(
        interpolate(t.gs1.errors.bad_check_digit, {
          ai: '01',
          title: String(parsed.error.params.title),
          expected: Number(NORVALIN.gtin.slice(-1)),
          actual: wrong,
        }),
        exact,
      ),
    );
    await visible(alert.getByText(typed, exact));
    // The officer stays on the scan screen to correct it.
    expect(new URL(page.url()).pathname).toBe('/scan');
  });

  it('a GTIN no guide carries names the rights holder whose company prefix it has, with contacts', async () => {
    const t = en;
    // Halvorsen declares a second GS1 company prefix on its brands page (the demo has 7038210).
    const owner = await signedIn('pharmaAdmin', t);
    await owner.goto('/portfolio/brands');
    const prefixes = owner.getByLabel(t.companyPrefixes.label, exact);
    await prefixes.fill('703821');
    await prefixes.press('Enter');
    await owner.getByRole('button', { name: t.companyPrefixes.save, exact: true }).click();
    await visible(owner.getByText(interpolate(t.companyPrefixes.saved_other, { count: 2 }), exact));

    const page = await signedIn('customsKeOfficer', t);
    await page.goto('/scan');
    await visible(heading(page, t.scan.title));
    const unknown = gtin('703821999990');
    await page.getByLabel(t.scan.typedLabel, exact).fill(`(01)0${unknown}(10)LOT-77(17)280131`);
    await page.getByLabel(t.scan.typedLabel, exact).press('Enter');

    await visible(heading(page, t.lookup.noneTitle));
    await visible(page.getByText(interpolate(t.lookup.none, { gtin: unknown }), exact));
    await visible(
      page.getByRole('heading', {
        name: interpolate(t.lookup.prefixOwner, { name: 'Halvorsen Pharma AS' }),
        exact: true,
      }),
    );
    const call = page.getByRole('link', { name: '+47 22 00 00 00', exact: true });
    expect(await call.getAttribute('href')).toBe('tel:+4722000000');
    expect(
      await page
        .getByRole('link', { name: 'brand.protection@halvorsen-pharma.example', exact: true })
        .getAttribute('href'),
    ).toBe('mailto:brand.protection@halvorsen-pharma.example');
    // What the code says, for the report: batch and expiry in words.
    const read = page.getByRole('region', { name: t.lookup.elements, exact: true });
    await visible(read.getByText('LOT-77', exact));
    await visible(read.getByText('Jan 31, 2028', exact));
  });

  it('the officer finds a guide by a misspelt brand on the home page, takes the suggestion and filters', async () => {
    const t = en;
    const page = await signedIn('customsKeOfficer', t);
    await page.getByLabel(t.search.label, exact).fill('norvallin');
    const results = page.getByRole('list', { name: t.search.results, exact: true });
    const result = results.getByRole('link', { name: new RegExp(NORVALIN.name.replace(/[,.]/g, '.')) });
    await visible(result);
    // The query is in the address: reloading, sharing or coming back shows the same search.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('norvallin');
    await result.click();
    await visible(heading(page, NORVALIN.name));
    await page.goBack();
    const box = page.getByLabel(t.search.label, exact);
    expect(await box.inputValue()).toBe('norvallin');
    await visible(result);

    // The misspelling is pointed out; taking the suggestion searches for it.
    await page.getByRole('button', { name: 'norvalin', exact: true }).click();
    await expect.poll(() => box.inputValue()).toBe('norvalin');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('norvalin');
    // A filter from the results' categories narrows them, and is kept in the address too.
    await page.getByLabel(t.search.category, exact).selectOption('analgesics');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('analgesics');
    await visible(result);
    expect(await results.getByRole('link').count()).toBeGreaterThan(0);
  });
  it('Enter on the digits under a barcode, typed in the search box, opens the guide', async () => {
    const t = en;
    const page = await signedIn('customsKeOfficer', t);
    await page.goto('/search');
    await visible(heading(page, t.search.title));
    const printed = NORVALIN.gtin.slice(1);
    // Typed as printed, in groups.
    await page
      .getByLabel(t.search.label, exact)
      .fill(`${printed.slice(0, 1)} ${printed.slice(1, 7)} ${printed.slice(7)}`);
    await page.getByLabel(t.search.label, exact).press('Enter');
    await visible(heading(page, NORVALIN.name));
    expect(new URL(page.url()).searchParams.get('code')).toBe(printed);
  });
});
