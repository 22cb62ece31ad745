import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailTo, makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

const clock = movableClock(new Date('2026-11-23T09:00:00Z'));

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let adminEn: TestUser;
let adminFr: TestUser;
let member: TestUser;
let disabledAdmin: TestUser;
let firmAdmin: TestUser;
const ids: Record<string, string> = {};

const reminders = (user: TestUser) =>
  mailTo(t.ctx, user.email).then((mails) => mails.filter((mail) => mail.template === 'recordation_expiring'));

/** A client signed in now: moving the clock by weeks outlives any session. */
async function signedIn(user: TestUser) {
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return client;
}

/** Move the clock to 09:00 UTC of a day. */
function moveTo(day: string) {
  const target = new Date(`${day}T09:00:00Z`).getTime();
  clock.advance((target - clock.now().getTime()) / 1000);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const org = await makeOrganisation(t.ctx, { kind: 'rights_holder', name: 'Maison Verdier' });
  rightsHolderId = org.id;
  adminEn = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true, locale: 'en' });
  adminFr = await makeUser(t.ctx, org.id, { roles: ['admin', 'member'], twoFactor: true, locale: 'fr' });
  member = await makeUser(t.ctx, org.id, { roles: ['member'] });
  disabledAdmin = await makeUser(t.ctx, org.id, { roles: ['admin'], status: 'disabled' });
  const firm = await makeOrganisation(t.ctx, { kind: 'legal_representative' });
  firmAdmin = await makeUser(t.ctx, firm.id, { roles: ['admin'] });
  await t.ctx.db
    .insertInto('representations')
    .values({ legal_representative_id: firm.id, rights_holder_id: org.id })
    .execute();
  owner = await signedIn(adminEn);

  const recordations = {
    // ends 38 days after the start: reminded once the clock is 30 days from it
    granted: { countryCode: 'FR', status: 'granted', validTo: '2026-12-31' },
    // ends 53 days after the start
    grantedLater: { countryCode: 'DE', status: 'granted', validTo: '2027-01-15' },
    expired: { countryCode: 'ES', status: 'expired', validTo: '2026-12-20' },
    withdrawn: { countryCode: 'IT', status: 'withdrawn', validTo: '2026-12-20' },
    refused: { countryCode: 'BE', status: 'refused', validTo: '2026-12-20' },
    filed: { countryCode: 'NL', status: 'filed', validTo: '2026-12-20' },
    alreadyPast: { countryCode: 'PT', status: 'granted', validTo: '2026-11-01' },
    openEnded: { countryCode: 'US', status: 'granted', validTo: null },
  };
  for (const [name, body] of Object.entries(recordations)) {
    const response = await owner.post(`/api/rights-holders/${rightsHolderId}/recordations`, {
      reference: `AFA-${name}`,
      validFrom: '2025-12-31',
      ...body,
    });
    expect(response.statusCode, name).toBe(201);
    ids[name] = response.json().id;
  }
});
afterAll(() => t.close());

describe('recordation expiry reminders', () => {
  it('send nothing while no granted recordation ends within 30 days', async () => {
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
    expect(await reminders(adminEn)).toHaveLength(0);
  });

  it('email every admin once, in their language, 30 days before the end', async () => {
    moveTo('2026-11-30'); // 31 days before 2026-12-31
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });

    moveTo('2026-12-01'); // 30 days before
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 1, emails: 2 });

    const [english] = await reminders(adminEn);
    expect(english).toMatchObject({
      locale: 'en',
      subject: 'Recordation AFA-granted in France expires on December 31, 2026',
    });
    expect(english?.text_body).toMatch(/^Hello Person /);
    expect(english?.text_body).toContain(
      'AFA-granted of Maison Verdier in France expires on December 31, 2026',
    );
    expect(english?.text_body).toContain('https://assay.test/portfolio/recordations');

    const [french] = await reminders(adminFr);
    expect(french).toMatchObject({
      locale: 'fr',
      subject: 'L’enregistrement AFA-granted (France) expire le 31 décembre 2026',
    });
    expect(french?.text_body).toMatch(/^Bonjour Person /);

    for (const nobody of [member, disabledAdmin, firmAdmin]) expect(await reminders(nobody)).toHaveLength(0);
  });

  it('show the reminder in the recordation list too', async () => {
    const list = (
      await (
        await signedIn(adminEn)
      ).get(`/api/rights-holders/${rightsHolderId}/recordations?expiringSoon=true`)
    ).json().recordations;
    expect(list).toEqual([
      expect.objectContaining({
        id: ids.granted,
        expiresInDays: 30,
        expiringSoon: true,
        remindedAt: '2026-12-01T09:00:00.000Z',
      }),
    ]);
  });

  it('never send the same reminder twice', async () => {
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
    moveTo('2026-12-10');
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
    expect(await reminders(adminEn)).toHaveLength(1);
    expect(await reminders(adminFr)).toHaveLength(1);
  });

  it('remind of the next granted one when its turn comes, never of expired, withdrawn, refused, filed, past or open-ended ones', async () => {
    moveTo('2026-12-16'); // 30 days before 2027-01-15
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 1, emails: 2 });
    const subjects = (await reminders(adminEn)).map((mail) => mail.subject);
    expect(subjects).toEqual([
      'Recordation AFA-grantedLater in Germany expires on January 15, 2027',
      'Recordation AFA-granted in France expires on December 31, 2026',
    ]);
    moveTo('2026-12-30');
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
    const reminded = await t.ctx.db
      .selectFrom('recordations')
      .select('reference')
      .where('reminded_at', 'is not', null)
      .orderBy('reference')
      .execute();
    expect(reminded.map((row) => row.reference)).toEqual(['AFA-granted', 'AFA-grantedLater']);
  });

  it('remind again after an extension, before the new end', async () => {
    const url = `/api/rights-holders/${rightsHolderId}/recordations/${ids.granted}`;
    owner = await signedIn(adminFr);
    const extended = await owner.request('PUT', url, {
      countryCode: 'FR',
      reference: 'AFA-granted',
      status: 'granted',
      validFrom: '2026-12-31',
      validTo: '2027-12-31',
    });
    expect(extended.json()).toMatchObject({ remindedAt: null, expiringSoon: false });
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
    moveTo('2027-12-05');
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 1, emails: 2 });
    expect((await reminders(adminFr))[0]?.subject).toBe(
      'L’enregistrement AFA-granted (France) expire le 31 décembre 2027',
    );
  });

  it('keep a changed reference from re-arming the reminder', async () => {
    const url = `/api/rights-holders/${rightsHolderId}/recordations/${ids.granted}`;
    owner = await signedIn(adminFr);
    const renamed = await owner.request('PUT', url, {
      countryCode: 'FR',
      reference: 'AFA-granted-2027',
      status: 'granted',
      validFrom: '2026-12-31',
      validTo: '2027-12-31',
    });
    expect(renamed.json().remindedAt).not.toBeNull();
    expect(await t.ctx.remindExpiringRecordations()).toEqual({ recordations: 0, emails: 0 });
  });
});
