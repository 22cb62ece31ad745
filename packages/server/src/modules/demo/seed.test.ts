import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppSecret } from '../../lib/app-secret.js';
import { createSecretBox } from '../../lib/secret-box.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';
import { currentTotpCode } from '../identity/totp.js';
import { DEMO_SERIALISED } from './authentication-seed.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from './demo-accounts.js';
import { isDatabaseEmpty, seedDemoData } from './seed.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  expect(await isDatabaseEmpty(t.ctx.db)).toBe(true);
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
  const first = await client.post('/api/session', { email: account.email, password: account.password });
  expect(first.statusCode, account.email).toBe(200);
  if (account.totpSecret) {
    (t.ctx.clock as unknown as { advance(seconds: number): void }).advance(30);
    const second = await client.post('/api/session/two-factor', {
      code: currentTotpCode(account.totpSecret, t.ctx.clock.now()),
    });
    expect(second.statusCode, account.email).toBe(200);
  }
  return client;
}

describe('the demo data set', () => {
  it('is seeded once: the database is no longer empty', async () => {
    expect(await isDatabaseEmpty(t.ctx.db)).toBe(false);
  });

  it('lets every printed demo account sign in with its password and printed TOTP secret', async () => {
    for (const key of Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[]) {
      const session = await (await signedIn(key)).get('/api/session');
      expect(session.json().user.email).toBe(DEMO_ACCOUNTS[key].email);
    }
  });

  it('gives the operator a pending organisation and the French coordinator a pending analyst', async () => {
    const operator = await signedIn('operator');
    const pending = (await operator.get('/api/operator/organisations?status=pending')).json().organisations;
    expect(pending.map((org: { name: string }) => org.name)).toEqual(['Aurelio Leather House S.p.A.']);
    const coordinator = await signedIn('customsFrCoordinator');
    const members = (await coordinator.get('/api/organisation/members')).json().members;
    expect(
      members
        .filter((m: { status: string }) => m.status === 'pending')
        .map((m: { email: string }) => m.email),
    ).toEqual([DEMO_ACCOUNTS.customsFrAnalyst.email]);
  });

  it('shares the demo guides: covert points reach French customs only', async () => {
    const france = await signedIn('customsFrOfficer');
    const kenya = await signedIn('customsKeOfficer');
    const frList = (await france.get('/api/catalogue/products?lang=fr')).json().products;
    const keList = (await kenya.get('/api/catalogue/products')).json().products;
    const references = (list: { reference: string }[]) => list.map((p) => p.reference).sort();
    const everywhere = [
      'CDX-5-28',
      'CV-HOOD-01',
      'NVL-1000-10',
      'NVL-500-20',
      'PLM-INH-200',
      'SM-RUN-7',
      'SM-TRAIL-3',
    ];
    expect(references(frList)).toEqual([...everywhere, 'CVX-BALL-5'].sort());
    expect(references(keList)).toEqual(everywhere);
    const norvalin = frList.find((p: { reference: string }) => p.reference === 'NVL-500-20');
    const frGuide = (await france.get(`/api/catalogue/products/${norvalin.id}?lang=fr`)).json();
    const keGuide = (await kenya.get(`/api/catalogue/products/${norvalin.id}`)).json();
    expect(frGuide.name.text).toContain('comprimés');
    expect(frGuide.guidePoints.some((p: { visibility: string }) => p.visibility === 'covert')).toBe(true);
    expect(keGuide.guidePoints.some((p: { visibility: string }) => p.visibility === 'covert')).toBe(false);
  });

  it('gives the officer on the bench pictures, the supply chain, contacts and the recordation in their country', async () => {
    const france = await signedIn('customsFrOfficer');
    const list = (await france.get('/api/catalogue/products')).json().products;
    const norvalin = list.find((p: { reference: string }) => p.reference === 'NVL-500-20');
    const guide = (await france.get(`/api/catalogue/products/${norvalin.id}`)).json();
    const seal = guide.guidePoints[0];
    for (const imageId of [seal.genuineImageId, seal.counterfeitImageId]) {
      const image = await france.get(`/api/images/${imageId}/display`);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/webp');
    }
    expect(JSON.stringify(guide)).toContain('Halvorsen Pharma Logistics AS');
    expect(JSON.stringify(guide)).toContain('AFA-FR-2026-0412');
    expect(JSON.stringify(guide)).toContain('+47 22 00 00 00');
  });

  it('lets the law firm manage the sportswear portfolio it represents, and not the pharmaceutical one', async () => {
    const firm = await signedIn('lawFirmAdmin');
    const ids = Object.fromEntries(
      (await t.ctx.db.selectFrom('organisations').select(['id', 'name']).execute()).map((org) => [
        org.name,
        org.id,
      ]),
    );
    expect((await firm.get(`/api/rights-holders/${ids['Corvid Athletics Ltd']}/products`)).statusCode).toBe(
      200,
    );
    expect((await firm.get(`/api/rights-holders/${ids['Halvorsen Pharma AS']}/products`)).statusCode).toBe(
      404,
    );
  });

  it('verifies the printed Norvalin serial as genuine in France, then as a possible clone in Kenya, and alerts Halvorsen', async () => {
    const code = `(01)${DEMO_SERIALISED.gtin}(17)281031(10)${DEMO_SERIALISED.batch}(21)${DEMO_SERIALISED.genuineSerial}`;
    const france = (await (await signedIn('customsFrOfficer')).post('/api/verifications', { code })).json();
    expect(france).toMatchObject({ verdict: 'genuine', brand: { name: 'Norvalin' } });
    const kenya = (await (await signedIn('customsKeOfficer')).post('/api/verifications', { code })).json();
    expect(kenya.verdict).toBe('possible_clone');
    const halvorsen = await signedIn('pharmaAdmin');
    const [id] = (
      await t.ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Halvorsen Pharma AS')
        .execute()
    ).map((row) => row.id);
    const alerts = (await halvorsen.get(`/api/rights-holders/${id}/verifications?suspicious=true`)).json();
    expect(alerts.verifications[0]).toMatchObject({
      verdict: 'possible_clone',
      country: 'KE',
      serialHint: '…0001',
    });
    // The seeded weeks of checks and the earlier clone give the map and the timeline something to show.
    expect(alerts.unacknowledged).toBe(2);
    const summary = (await halvorsen.get(`/api/rights-holders/${id}/verifications/summary`)).json();
    expect(summary.byCountry.map((row: { country: string }) => row.country).sort()).toEqual(['FR', 'KE']);
    expect(summary.byDay.length).toBeGreaterThan(10);
  });
});
