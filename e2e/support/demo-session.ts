// Signing a demo account in through the sign-in pages, and reaching the navigation on any screen size.
import type { Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../packages/server/src/modules/demo/demo-accounts.js';
import en from '../../packages/web/src/locales/en.json' with { type: 'json' };
import { freshTotp } from './totp.js';

export type Messages = typeof en;

/** `{{name}}` placeholders filled as i18next does. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

const exact = { exact: true } as const;
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/**
 * Signs a demo account in (the sign-in pages speak the browser's English), with its one-time code
 * when it has two-factor sign-in, and waits for its home page in the account's language `t`.
 */
export async function signInAsDemo(page: Page, key: DemoAccountKey, t: Messages): Promise<void> {
  const account = DEMO_ACCOUNTS[key];
  await page.goto('/sign-in');
  await page.getByLabel(en.fields.email, exact).fill(account.email);
  await page.getByLabel(en.fields.password, exact).fill(account.password);
  await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
  if (account.totpSecret) {
    await heading(page, en.twoFactor.title).waitFor();
    await page.getByLabel(en.twoFactor.code, exact).fill(await freshTotp(account.totpSecret));
    await page.getByRole('button', { name: en.twoFactor.submit, exact: true }).click();
  }
  await heading(page, interpolate(t.home.title, { name: account.name })).waitFor();
}

/** A link of the main navigation, opening the menu first on a phone where it is folded. */
export async function navigationLink(page: Page, t: Messages, name: string | RegExp): Promise<Locator> {
  const menu = page.getByRole('button', { name: t.nav.menu, exact: true });
  if (await menu.isVisible()) await menu.click();
  return page
    .getByRole('navigation', { name: t.nav.label })
    .getByRole('link', { name, exact: typeof name === 'string' });
}
