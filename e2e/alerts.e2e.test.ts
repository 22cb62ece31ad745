// A French officer reads and acknowledges an alert on a phone; a rights holder publishes a draft
// on a desktop and the officer's inbox and unread badge update while the page stays open.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import {
  interpolate,
  launchBrowser,
  navigationLink,
  newPage,
  type RunningApp,
  signInAsDemo,
  startApp,
  type ViewportName,
} from './support/index.js';

const exact = { exact: true } as const;

describe('alerts', () => {
  let app: RunningApp;
  let browser: Browser;
  const pages: Page[] = [];

  async function open(viewport: ViewportName): Promise<Page> {
    const page = await newPage(browser, { baseUrl: app.baseUrl, viewport, locale: 'en' });
    pages.push(page);
    return page;
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await app?.stop();
  });

  it('lets an officer read and acknowledge an alert, and follows a new one live', async () => {
    const officer = await open('phone');
    await signInAsDemo(officer, 'customsFrOfficer', fr);
    const unread = (count: number) => interpolate(fr.alerts.unreadCount_other, { count });

    const alertsLink = await navigationLink(officer, fr, new RegExp(`^${fr.nav.alerts}`));
    await expect.poll(() => alertsLink.textContent()).toContain(unread(3));
    await alertsLink.click();
    await heading(officer, fr.alerts.inboxTitle).waitFor();
    const critical = officer.getByRole('link', { name: /Comprimés Norvalin 500 mg falsifiés/ });
    await critical.click();
    await heading(officer, 'Comprimés Norvalin 500 mg falsifiés dans des colis postaux').waitFor();
    await officer.getByRole('link', { name: /NVL-500-20/ }).waitFor(); // the guide it concerns
    await officer.getByRole('button', { name: fr.alerts.acknowledge, exact: true }).click();
    await officer.getByText(/Vous avez accusé réception de cette alerte/).waitFor();

    await officer.getByRole('link', { name: fr.alerts.backToInbox, exact: true }).click();
    await heading(officer, fr.alerts.inboxTitle).waitFor();
    await officer.locator('#main').getByText(unread(2), exact).waitFor();

    // A rights holder publishes its draft on a desktop; the officer's open inbox gets it at once.
    const publisher = await open('desktop');
    await signInAsDemo(publisher, 'sportswearAdmin', en);
    await (await navigationLink(publisher, en, en.nav.publishedAlerts)).click();
    await heading(publisher, en.alerts.publishedTitle).waitFor();
    await publisher.getByRole('link', { name: /CVX Pro footballs sold below cost online/ }).click();
    await heading(publisher, en.alerts.editTitle).waitFor();
    await publisher.getByRole('button', { name: en.alerts.publish, exact: true }).click();
    await publisher.getByText(en.status.published, exact).waitFor();

    await officer.getByRole('link', { name: /CVX Pro footballs sold below cost online/ }).waitFor();
    await officer.locator('#main').getByText(unread(3), exact).waitFor();
    await officer
      .getByRole('status')
      .filter({
        hasText: interpolate(fr.alerts.arrived, { title: 'CVX Pro footballs sold below cost online' }),
      })
      .waitFor();
  });

  it('refuses a form with a bad HS code at the field, then saves the draft', async () => {
    const analyst = await open('phone');
    await signInAsDemo(analyst, 'customsKeCoordinator', en);
    await (await navigationLink(analyst, en, en.nav.publishedAlerts)).click();
    await analyst.getByRole('link', { name: en.alerts.newTitle, exact: true }).click();
    await heading(analyst, en.alerts.newTitle).waitFor();
    // Each localised text is a group of one box per language.
    const textIn = (group: string) =>
      analyst.getByRole('group', { name: group, exact: true }).getByRole('textbox');
    await textIn(en.alerts.title).fill('Fake chargers at Mombasa');
    await textIn(en.alerts.text).fill('Declared as electronic accessories.');
    await analyst.getByRole('textbox', { name: en.alerts.hsCodes, exact: true }).fill('7701.10,');
    await analyst.getByRole('button', { name: en.alerts.saveDraft, exact: true }).click();
    const hsField = analyst.getByRole('textbox', { name: en.alerts.hsCodes, exact: true });
    await expect.poll(() => hsField.getAttribute('aria-invalid')).toBe('true');
    await analyst.getByRole('button', { name: /7701\.10/ }).click(); // remove the chip
    await hsField.fill('8504.40,');
    await analyst.getByRole('button', { name: en.alerts.saveDraft, exact: true }).click();
    await heading(analyst, en.alerts.editTitle).waitFor();
    await analyst.getByText(en.status.draft, exact).waitFor();
  });
});
