import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppSecret } from '../../lib/app-secret.js';
import { createSecretBox } from '../../lib/secret-box.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../demo/demo-accounts.js';
import { seedDemoData } from '../demo/seed.js';
import { currentTotpCode } from '../identity/totp.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const secret = await loadAppSecret(t.ctx.config.secrets.appSecret, t.ctx.config.db.dataDir);
  await seedDemoData(
    t.ctx.db,
    { totpBox: createSecretBox(secret, 'totp'), serialHasher: t.ctx.serialHasher },
    t.ctx.storage,
  );
});
afterAll(() => t.close());

async function signedIn(key: DemoAccountKey) {
  const account = DEMO_ACCOUNTS[key];
  const client = new TestClient(t.app);
  await client.post('/api/session', { email: account.email, password: account.password });
  (t.ctx.clock as unknown as { advance(seconds: number): void }).advance(30);
  const second = await client.post('/api/session/two-factor', {
    code: currentTotpCode(account.totpSecret!, t.ctx.clock.now()),
  });
  expect(second.statusCode).toBe(200);
  return client;
}

describe('the demo alerts', () => {
  it('fill the French and Kenyan officers’ inboxes with alerts of different severities', async () => {
    const fr = (await (await signedIn('customsFrOfficer')).get('/api/alerts/inbox')).json();
    expect(fr.alerts.map((alert: { severity: string }) => alert.severity).sort()).toEqual([
      'critical',
      'high',
      'low',
    ]);
    expect(fr.unread).toBe(3);
    const ke = (await (await signedIn('customsKeOfficer')).get('/api/alerts/inbox')).json();
    expect(ke.alerts.map((alert: { severity: string }) => alert.severity).sort()).toEqual([
      'critical',
      'low',
      'medium',
    ]);
    expect(
      ke.alerts.find((alert: { severity: string }) => alert.severity === 'critical').acknowledgedAt,
    ).not.toBeNull();
  });

  it('show the rights holder its published alert, its draft and who acknowledged (as counts)', async () => {
    const pharma = (await (await signedIn('pharmaAdmin')).get('/api/alerts')).json();
    expect(pharma.alerts).toHaveLength(1);
    expect(pharma.alerts[0].acknowledgements).toEqual({
      organisations: 1,
      countries: 1,
      countryCodes: ['KE'],
    });
    expect(pharma.alerts[0].products).toHaveLength(1);
    const sportswear = (await (await signedIn('sportswearAdmin')).get('/api/alerts')).json();
    expect(sportswear.alerts.map((alert: { status: string }) => alert.status).sort()).toEqual([
      'draft',
      'published',
    ]);
  });
});
