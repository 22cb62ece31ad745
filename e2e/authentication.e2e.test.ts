// A serialised pack verified at two borders: a French officer's phone camera reads the GS1 DataMatrix
// of a demo Norvalin pack and the brand's registry says genuine; a Kenyan officer scans the same code
// and is told it may be a clone, with where it was checked before; Halvorsen Pharma sees the alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERIALISED } from '../packages/server/src/modules/demo/authentication-seed.js';
import type { DemoAccountKey } from '../packages/server/src/modules/demo/demo-accounts.js';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import {
  fakeCameraArgs,
  launchBrowser,
  type Messages,
  navigationLink,
  newPage,
  type RunningApp,
  signInAsDemo,
  startApp,
  type ViewportName,
  writeBarcodeVideo,
} from './support/index.js';

const SCANNED = `(01)${DEMO_SERIALISED.gtin}(17)281031(10)${DEMO_SERIALISED.batch}(21)${DEMO_SERIALISED.genuineSerial}`;
const exact = { exact: true } as const;

describe('verifying a serialised pack', () => {
  const videoDir = mkdtempSync(path.join(tmpdir(), 'assay-verify-'));
  const video = path.join(videoDir, 'norvalin-serialised.y4m');
  let app: RunningApp;
  let browser: Browser;
  const pages: Page[] = [];

  async function signedIn(key: DemoAccountKey, t: Messages, viewport: ViewportName): Promise<Page> {
    const page = await newPage(browser, { baseUrl: app.baseUrl, viewport, locale: 'en' });
    pages.push(page);
    await signInAsDemo(page, key, t);
    return page;
  }

  /** Opens the scanner; the fake camera shows the pack's DataMatrix and the guide opens with its verdict. */
  async function scan(page: Page, t: Messages) {
    await page.getByRole('link', { name: t.search.scanButton, exact: true }).click();
    const check = page.getByRole('region', { name: t.verification.title, exact: true });
    await check.waitFor({ timeout: 30_000 });
    return check;
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

  it('is genuine in France, a possible clone in Kenya, and an alert for the rights holder', async () => {
    const france = await signedIn('customsFrOfficer', fr, 'phone');
    const inFrance = await scan(france, fr);
    await inFrance.getByText(fr.verification.headline.genuine).waitFor();
    expect(await inFrance.getAttribute('data-verdict')).toBe('genuine');

    const kenya = await signedIn('customsKeOfficer', en, 'phone');
    const inKenya = await scan(kenya, en);
    await inKenya.getByText(en.verification.headline.possible_clone).first().waitFor();
    expect(await inKenya.getAttribute('data-verdict')).toBe('possible_clone');
    // Where it was verified before: France, today; never by whom.
    await expect.poll(() => inKenya.textContent()).toContain('France');
    expect(await inKenya.textContent()).not.toContain('Julien Faure');
    await inKenya.getByText(en.verification.considerDetaining, exact).waitFor();

    const halvorsen = await signedIn('pharmaAdmin', en, 'desktop');
    await (await navigationLink(halvorsen, en, en.authentication.nav.verifications)).click();
    const alerts = halvorsen.getByRole('region', {
      name: en.authentication.verifications.alertsTitle,
      exact: true,
    });
    const alert = alerts.locator('li[data-verdict="possible_clone"]').filter({ hasText: '…0001' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Kenya');
    expect(await alert.textContent()).toContain('Demo Customs Administration — Kenya');
    expect(await alert.textContent()).not.toContain('Otieno Ochieng');
    await alert.getByRole('button', { name: /^Acknowledge Possible clone: Norvalin in Kenya$/ }).click();
    await alert.getByText(/^Acknowledged /).waitFor();
  });
});
