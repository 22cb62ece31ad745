// Debian's Chromium driven by playwright-core (no downloaded browsers).
import { accessSync, constants } from 'node:fs';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The app binds 127.0.0.1 only; make sure `localhost` never resolves to ::1.
  '--host-resolver-rules=MAP localhost 127.0.0.1',
];

export interface LaunchOptions {
  /** Default true; set ASSAY_E2E_HEADED=1 (with a display) to watch. */
  headless?: boolean;
  /** Switches added to {@link CHROMIUM_ARGS}, e.g. a fake camera (see fake-camera.ts). */
  args?: string[];
}

/** Launch /usr/bin/chromium headless; throws with install instructions when it is missing. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? process.env.ASSAY_E2E_HEADED !== '1',
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Context options per device: `phone` is an iPhone-12-sized touch screen, `desktop` a laptop. */
export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;

export type ViewportName = keyof typeof VIEWPORTS;

export interface NewPageOptions {
  /** Browser language (Accept-Language and navigator.language), default `en`. */
  locale?: string;
  /** A preset or an explicit size; default `phone`. */
  viewport?: ViewportName | { width: number; height: number };
  /** Lets `page.goto('/path')` resolve against the app, e.g. `app.baseUrl`. */
  baseUrl?: string;
  /** Default `UTC`. */
  timezoneId?: string;
}

/**
 * A page in a fresh, isolated browser context (own cookies and storage).
 * Close it with `await page.context().close()`.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<Page> {
  const viewport = options.viewport ?? 'phone';
  const device = typeof viewport === 'string' ? VIEWPORTS[viewport] : { viewport };
  const context = await browser.newContext({
    ...device,
    locale: options.locale ?? 'en',
    timezoneId: options.timezoneId ?? 'UTC',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
  });
  return context.newPage();
}
