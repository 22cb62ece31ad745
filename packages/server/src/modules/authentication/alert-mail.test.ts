import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { type SmtpCapture, startSmtpCapture } from '../../test-support/smtp-capture.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

const GTIN = '07038210000018';
let t: TestApp;
let capture: SmtpCapture;
let admin: TestUser;
let member: TestUser;
let officerFr: TestClient;
let officerKe: TestClient;

async function client(user: TestUser) {
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return signedIn;
}

async function runMail() {
  const result = await t.ctx.mailSuspiciousVerifications();
  await t.ctx.mail.dispatcher!.flush();
  return result;
}

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await createTestApp({ env: { SMTP_URL: capture.url } });
  const holder = await makeOrganisation(t.ctx, { kind: 'rights_holder', countryCode: 'NO' });
  admin = await makeUser(t.ctx, holder.id, { roles: ['admin'], twoFactor: true, locale: 'fr' });
  member = await makeUser(t.ctx, holder.id, { roles: ['member'] });
  const owner = await client(admin);
  const base = `/api/rights-holders/${holder.id}`;
  const brand = await owner.post(`${base}/brands`, { name: 'Norvexa', aliases: [], categories: [] });
  await owner.post(`${base}/products`, {
    brandId: brand.json().id,
    reference: 'NVX-20',
    name: { original: 'en', texts: { en: 'Norvexa 20 mg' } },
    category: 'pharmaceuticals',
    hsCodes: ['3004.90'],
    identifiers: [{ gtin: GTIN, level: 'item' }],
    countriesOfManufacture: ['NO'],
    guidePoints: [],
    indicators: [],
  });
  const connector = await owner.post(`${base}/connectors`, {
    kind: 'registry',
    name: 'Line',
    brandId: brand.json().id,
  });
  await owner.post(`${base}/connectors/${connector.json().connector.id}/serials`, {
    serials: [{ gtin: GTIN, serial: 'SN0001', batch: 'B1', expiry: '2028-03-31' }],
  });
  const fr = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
  officerFr = await client(await makeUser(t.ctx, fr.id, { roles: ['officer'], twoFactor: true }));
  const ke = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'KE' });
  officerKe = await client(await makeUser(t.ctx, ke.id, { roles: ['officer'], twoFactor: true }));
});
afterAll(async () => {
  await t?.close();
  await capture?.stop();
});

describe('email alerts to the rights holder', () => {
  it("mails the rights holder's admins, in their language, about each suspicious verification once", async () => {
    const code = `(01)${GTIN}(10)B1(21)SN0001`;
    expect((await officerFr.post('/api/verifications', { code })).json().verdict).toBe('genuine');
    expect(await runMail()).toEqual({ rightsHolders: 0, emails: 0 });
    expect((await officerKe.post('/api/verifications', { code })).json().verdict).toBe('possible_clone');
    expect(
      (await officerKe.post('/api/verifications', { code: `(01)${GTIN}(10)B1(21)FAKE01` })).json().verdict,
    ).toBe('unknown_serial');
    expect(await runMail()).toEqual({ rightsHolders: 1, emails: 1 });
    const mail = await capture.waitFor((message) => message.to.includes(admin.email));
    expect(mail.subject).toBe('Assay : 2 vérifications suspectes de vos codes');
    expect(mail.text).toContain('clone possible — Kenya');
    expect(mail.text).toContain('numéro de série inconnu — Kenya');
    expect(mail.text).toContain('…0001');
    expect(mail.text).not.toContain('SN0001');
    expect(mail.text).toContain('/authentication/verifications');
    expect(capture.messages.some((message) => message.to.includes(member.email))).toBe(false);
    expect(await runMail()).toEqual({ rightsHolders: 0, emails: 0 });
  });
});
