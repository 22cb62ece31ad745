// Measures the JavaScript an officer's phone downloads for the first screen (home: search and scan),
// gzipped, with the demo data: starts the built app on an empty embedded database, signs in as the
// French demo officer, loads `/` in Debian's Chromium with service workers blocked (so nothing is
// precached behind the page's back) and sums every script the page fetched.
//
//   npm run build && node bench/web-first-screen.mjs
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as OTPAuth from 'otpauth';
import { chromium } from 'playwright-core';

const OFFICER = { email: 'officer@douane-fr.example', password: 'assay-demo-2026' };
const OFFICER_TOTP = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://localhost:${port}`;
const dataDir = await mkdtemp(join(tmpdir(), 'assay-first-screen-'));

const server = spawn(process.execPath, ['packages/server/dist/main.js', 'serve'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--host-resolver-rules=MAP localhost 127.0.0.1',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ],
});
try {
  for (let tries = 0; ; tries++) {
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (tries > 120) throw new Error('the server did not start in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
  });
  const first = await context.request.post(`${base}/api/session`, { data: OFFICER });
  const { csrfToken } = await first.json();
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(OFFICER_TOTP) }).generate();
  const second = await context.request.post(`${base}/api/session/two-factor`, {
    data: { code },
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!second.ok()) throw new Error(`two-factor sign-in failed: ${second.status()}`);

  const page = await context.newPage();
  const fetched = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!/\.(js|wasm)$/.test(path)) return;
    const body = await response.body();
    fetched.push({ path, raw: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(base, { waitUntil: 'networkidle' });
  await page.getByRole('searchbox').first().waitFor();
  const home = fetched.splice(0);
  // Then the scan screen, as an officer would open it: a fake camera lets the reader start.
  await page.evaluate(() => history.pushState({}, '', '/scan'));
  await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
  const scan = fetched.splice(0);

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  const report = (title, files) => {
    console.log(title);
    for (const file of files.sort((a, b) => b.gzip - a.gzip)) {
      console.log(`${kb(file.gzip).padStart(9)}  ${file.path} (${kb(file.raw)} uncompressed)`);
    }
    const total = files.reduce((sum, file) => sum + file.gzip, 0);
    console.log(`${kb(total).padStart(9)}  gzipped in ${files.length} files\n`);
  };
  report("The officer's first screen (home: search and scan button)", home);
  report('Opening the scan screen adds', scan);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
