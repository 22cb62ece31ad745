// Onboarding through the web app, once per language: a rights holder registers, the operator approves
// it, its admin enrols two-step verification and invites a colleague, who accepts from the email.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../packages/server/src/modules/demo/demo-accounts.js';
import en from '../packages/web/src/locales/en.json' with { type: 'json' };
import fr from '../packages/web/src/locales/fr.json' with { type: 'json' };
import {
  freshTotp,
  launchBrowser,
  linkIn,
  newPage,
  type RunningApp,
  startApp,
  totp,
  type ViewportName,
} from './support/index.js';

type Messages = typeof en;
const MESSAGES: Record<'en' | 'fr', Messages> = { en, fr };

const exact = { exact: true } as const;

function visible(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'visible' });
}

function gone(locator: Locator): Promise<void> {
  return locator.waitFor({ state: 'detached' });
}

/** Replaces `{{name}}` placeholders the way i18next does. */
function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

describe.each(['en', 'fr'] as const)('onboarding in %s', (lang) => {
  const t = MESSAGES[lang];
  const run = `${lang}-${Date.now().toString(36)}`;
  const organisationName = `Lumen Optics ${run}`;
  const admin = {
    name: `Ada Lumen ${run}`,
    email: `admin-${run}@lumen-optics.example`,
    password: `admin pass ${run}`,
  };
  const member = {
    name: `Marc Lumen ${run}`,
    email: `member-${run}@lumen-optics.example`,
    password: `member pass ${run}`,
  };

  let app: RunningApp;
  let browser: Browser;
  const pages: Page[] = [];

  async function open(viewport: ViewportName): Promise<Page> {
    // The browser itself speaks English: the language comes from the picker or the account.
    const page = await newPage(browser, { baseUrl: app.baseUrl, viewport, locale: 'en' });
    pages.push(page);
    return page;
  }

  async function pickLanguage(page: Page): Promise<void> {
    const picker = page.getByRole('banner').getByRole('combobox');
    await picker.selectOption(lang);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  }

  /** Follows a navigation link, opening the menu first on a phone where the navigation is folded. */
  async function navigate(page: Page, link: string): Promise<void> {
    const menu = page.getByRole('button', { name: t.nav.menu, exact: true });
    if (await menu.isVisible()) await menu.click();
    await page
      .getByRole('navigation', { name: t.nav.label })
      .getByRole('link', { name: link, exact: true })
      .click();
  }

  function heading(page: Page, name: string | RegExp) {
    return page.getByRole('heading', { level: 1, name, exact: true });
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

  it('a rights holder registers its organisation', async () => {
    const page = await open('phone');
    await page.goto('/');
    await pickLanguage(page);
    await visible(heading(page, t.signIn.title));

    await page.getByRole('link', { name: t.signIn.register, exact: true }).click();
    await visible(heading(page, t.register.title));
    await page.getByRole('radio', { name: t.kinds.rights_holder, exact: true }).check();
    await page.getByLabel(t.register.organisationName, exact).fill(organisationName);
    await page.getByLabel(t.register.website, exact).fill('lumen-optics.example');
    await page.getByLabel(t.fields.yourName, exact).fill(admin.name);
    await page.getByLabel(t.fields.email, exact).fill(admin.email);
    await page.getByLabel(t.fields.password, exact).fill(admin.password);
    expect(await page.getByLabel(t.fields.accountLanguage, exact).inputValue()).toBe(lang);
    await page.getByRole('button', { name: t.register.submit, exact: true }).click();

    await visible(heading(page, t.register.doneTitle));
  });

  it('the operator signs in with a one-time code and approves it', async () => {
    const page = await open('desktop');
    const operator = DEMO_ACCOUNTS.operator;
    await page.goto('/sign-in');
    await pickLanguage(page);
    await page.getByLabel(t.fields.email, exact).fill(operator.email);
    await page.getByLabel(t.fields.password, exact).fill(operator.password);
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();

    await visible(heading(page, t.twoFactor.title));
    await page.getByLabel(t.twoFactor.code, exact).fill(await freshTotp(operator.totpSecret));
    await page.getByRole('button', { name: t.twoFactor.submit, exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(operator.name) }));

    // The operator's own account may speak another language; the picker switches and remembers it.
    await pickLanguage(page);
    await visible(heading(page, interpolate(t.home.title, { name: operator.name })));

    await navigate(page, t.nav.organisations);
    await visible(heading(page, t.operator.organisations.title));
    const card = page.getByRole('article', { name: organisationName, exact: true });
    await visible(card.getByText(t.kinds.rights_holder, exact));
    await visible(card.getByText(admin.email, exact));
    await card.getByRole('button', { name: t.operator.organisations.approve, exact: true }).click();

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: organisationName }).textContent())
      .toBe(interpolate(t.operator.organisations.approved, { name: organisationName }));
    await gone(card);
  });

  it('its admin enrols two-step verification, saves the recovery codes and invites a colleague', async () => {
    const page = await open('phone');
    await page.goto('/sign-in');
    await pickLanguage(page);
    await page.getByLabel(t.fields.email, exact).fill(admin.email);
    await page.getByLabel(t.fields.password, exact).fill(admin.password);
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();

    await visible(heading(page, t.enrolment.title));
    await visible(page.getByRole('img', { name: t.enrolment.qrAlt }));
    const secret = await page.getByLabel(t.enrolment.secret, exact).inputValue();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel(t.enrolment.code, exact).fill(totp(secret));
    await page.getByRole('button', { name: t.enrolment.confirm, exact: true }).click();

    await visible(page.getByRole('heading', { name: t.recoveryCodes.title, exact: true }));
    const codes = await page
      .getByRole('list', { name: t.recoveryCodes.listLabel })
      .getByRole('listitem')
      .allTextContents();
    expect(codes.length).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: t.recoveryCodes.saved, exact: true }).click();
    await visible(heading(page, interpolate(t.home.title, { name: admin.name })));
    await visible(page.getByRole('banner').getByText(organisationName));

    await navigate(page, t.nav.invitations);
    await visible(heading(page, t.invitations.title));
    await page.getByLabel(t.invitations.email, exact).fill(member.email);
    expect(await page.getByRole('checkbox', { name: t.roles.member, exact: true }).isChecked()).toBe(true);
    // A rights holder has no enforcement roles to offer.
    await gone(page.getByRole('checkbox', { name: t.roles.officer, exact: true }));
    expect(await page.getByLabel(t.invitations.language, exact).inputValue()).toBe(lang);
    await page.getByRole('button', { name: t.invitations.submit, exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: member.email }).textContent())
      .toBe(interpolate(t.invitations.sent, { email: member.email }));
  });

  it('the colleague accepts the emailed invitation and signs in to the app in that language', async () => {
    const mail = await app.smtp.waitFor((message) => message.to.includes(member.email), 15_000);
    const link = linkIn(mail, '/invitations/');
    expect(new URL(link).origin).toBe(app.baseUrl);

    const page = await open('desktop');
    await page.goto(link);
    await visible(heading(page, t.invitation.title));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await visible(page.getByText(interpolate(t.invitation.intro, { organisation: organisationName })));
    await page.getByLabel(t.fields.yourName, exact).fill(member.name);
    await page.getByLabel(t.fields.password, exact).fill(member.password);
    expect(await page.getByLabel(t.fields.accountLanguage, exact).inputValue()).toBe(lang);
    await page.getByRole('button', { name: t.invitation.submit, exact: true }).click();

    await visible(heading(page, t.invitation.doneTitle));
    await page.getByRole('link', { name: t.register.goToSignIn, exact: true }).click();
    await visible(heading(page, t.signIn.title));
    expect(await page.getByLabel(t.fields.email, exact).inputValue()).toBe(member.email);
    await page.getByLabel(t.fields.password, exact).fill(member.password);
    await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();

    await visible(heading(page, interpolate(t.home.title, { name: member.name })));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
    await visible(
      page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.account }),
    );
    // A plain member sees no administration.
    await gone(page.getByRole('link', { name: t.nav.invitations, exact: true }));
  });
});
