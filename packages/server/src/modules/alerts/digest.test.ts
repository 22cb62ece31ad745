import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { type SmtpCapture, startSmtpCapture } from '../../test-support/smtp-capture.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

const clock = movableClock(new Date('2026-11-23T05:00:00Z'));
let t: TestApp;
let capture: SmtpCapture;
let analyst: TestUser;
let officerFr: TestUser;
let officerKe: TestUser;
let officerEs: TestUser;

/** Move the clock to a time of a day (UTC). */
function moveTo(moment: string) {
  clock.advance((new Date(moment).getTime() - clock.now().getTime()) / 1000);
}

/** Publish as the analyst, signed in afresh: the clock moves by hours, past any session. */
async function publish(title: Record<string, string>, overrides: Record<string, unknown> = {}) {
  const publisher = new TestClient(t.app);
  await signIn(publisher, t.ctx, analyst);
  const created = await publisher.post('/api/alerts', {
    title: { original: 'en', texts: title },
    text: { original: 'en', texts: { en: 'Details in the alert.' } },
    severity: 'medium',
    validFrom: '2026-11-01',
    ...overrides,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await publisher.post(`/api/alerts/${id}/publish`)).statusCode).toBe(200);
  return { id, publisher };
}

/** Run the digest job and wait until the mail it queued has gone through SMTP. */
async function runDigest() {
  const result = await t.ctx.sendAlertDigests();
  await t.ctx.mail.dispatcher!.flush();
  return result;
}

const digestsTo = (user: TestUser) =>
  capture.messages.filter((mail) => mail.to.includes(user.email) && /Assay|alert/i.test(mail.subject));

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await createTestApp({ clock, env: { SMTP_URL: capture.url } });
  const analysts = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR', name: 'Douane FR' });
  analyst = await makeUser(t.ctx, analysts.id, { roles: ['analyst'], twoFactor: true });
  officerFr = await makeUser(t.ctx, analysts.id, { roles: ['officer'], locale: 'fr' });
  const kenya = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'KE' });
  officerKe = await makeUser(t.ctx, kenya.id, { roles: ['officer'], locale: 'en' });
  const spain = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'ES' });
  officerEs = await makeUser(t.ctx, spain.id, { roles: ['officer'], locale: 'es' });
});
afterAll(async () => {
  await t?.close();
  await capture?.stop();
});

describe('the daily alert digest', () => {
  it('waits for the morning hour, then mails each officer the alerts for their country, in their language', async () => {
    const { id: forFr } = await publish(
      { en: 'Fake analgesics in postal parcels', fr: 'Faux antalgiques dans les colis postaux' },
      { targetCountries: ['FR'], severity: 'critical' },
    );
    const { id: forAll } = await publish({ en: 'Counterfeit trainers via Jebel Ali' }, { severity: 'low' });
    await publish({ en: 'Not yet valid' }, { validFrom: '2026-12-01' });
    const withdrawn = await publish({ en: 'Withdrawn before the digest' });
    await withdrawn.publisher.post(`/api/alerts/${withdrawn.id}/withdraw`);

    expect(await runDigest()).toEqual({ officers: 0, emails: 0 }); // 05:00 UTC: too early
    moveTo('2026-11-23T06:30:00Z');
    // Three officers and the analyst, who has an inbox too.
    expect(await runDigest()).toEqual({ officers: 4, emails: 4 });

    const fr = await capture.waitFor((mail) => mail.to.includes(officerFr.email));
    expect(fr.subject).toBe('Alertes Assay : 2 nouvelle(s) depuis votre dernier récapitulatif');
    expect(fr.text).toContain(
      `• [Critique] Faux antalgiques dans les colis postaux — Douane FR\n  https://assay.test/alerts/${forFr}`,
    );
    // Written in English only: shown in English, with the language named.
    expect(fr.text).toContain(
      `• [Faible] Counterfeit trainers via Jebel Ali (EN) — Douane FR\n  https://assay.test/alerts/${forAll}`,
    );
    expect(fr.text.indexOf('Critique')).toBeLessThan(fr.text.indexOf('Faible')); // most severe first
    expect(fr.text).not.toContain('Not yet valid');
    expect(fr.text).not.toContain('Withdrawn');
    expect(fr.html).toContain('<a href="https://assay.test/alerts">');

    const ke = await capture.waitFor((mail) => mail.to.includes(officerKe.email));
    expect(ke.subject).toBe('Assay alerts: 1 new since your last digest');
    expect(ke.text).toContain('[Low] Counterfeit trainers via Jebel Ali — Douane FR');
    expect(ke.text).not.toContain('analgesics');
    const es = await capture.waitFor((mail) => mail.to.includes(officerEs.email));
    expect(es.subject).toBe('Alertas de Assay: 1 nueva(s) desde su último resumen');
  });

  it('never mails an officer twice on one day, even when the job runs again after a restart', async () => {
    moveTo('2026-11-23T09:00:00Z');
    await publish({ en: 'Published after the morning digest' }, { targetCountries: ['KE'] });
    moveTo('2026-11-23T18:00:00Z');
    expect(await runDigest()).toEqual({ officers: 0, emails: 0 });
    expect(digestsTo(officerKe)).toHaveLength(1);
  });

  it('covers next morning only what was published since the last digest, and sends nothing when there is nothing', async () => {
    moveTo('2026-11-24T06:05:00Z');
    const result = await runDigest();
    expect(result).toEqual({ officers: 4, emails: 1 });
    const ke = digestsTo(officerKe);
    expect(ke).toHaveLength(2);
    expect(ke[1]!.subject).toBe('Assay alerts: 1 new since your last digest');
    expect(ke[1]!.text).toContain('Published after the morning digest');
    expect(ke[1]!.text).not.toContain('Jebel Ali');
    expect(digestsTo(officerFr)).toHaveLength(1);
    expect(digestsTo(officerEs)).toHaveLength(1);
  });

  it('lists an alert published to start later on the first digest once it is valid, and only then', async () => {
    moveTo('2026-12-01T06:10:00Z');
    expect(await runDigest()).toEqual({ officers: 4, emails: 4 });
    const ke = digestsTo(officerKe);
    expect(ke).toHaveLength(3);
    expect(ke[2]!.subject).toBe('Assay alerts: 1 new since your last digest');
    expect(ke[2]!.text).toContain('Not yet valid');
    expect(ke[2]!.text).not.toContain('Published after the morning digest');

    moveTo('2026-12-02T06:10:00Z');
    expect(await runDigest()).toEqual({ officers: 4, emails: 0 });
  });
});
