import { randomBytes } from 'node:crypto';
import { workingDayDeadline } from '@assay/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { type SmtpCapture, startSmtpCapture } from '../../test-support/smtp-capture.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';
import type { CaseDeadlineNotice, CaseNotice } from './case-notices.js';
import { createCaseReminders } from './case-reminders.js';

const START = new Date('2026-11-23T09:00:00Z'); // a Monday
const PARIS = { timeZone: 'Europe/Paris', holidays: [] };
const HOUR = 3600;

let t: TestApp;
let clock: ReturnType<typeof movableClock>;
let capture: SmtpCapture;
let customsId: string;
let holderId: string;
let officer: TestUser;
let coordinator: TestUser;
let holderAdminFr: TestUser;
let holderMember: TestUser;
let holderPending: TestUser;
let otherHolderAdmin: TestUser;
let representativeMember: TestUser;
let unappointedRepresentativeMember: TestUser;

/** A case row as the case service writes it; the declarant's name is in the shipment facts. */
async function makeCase(options: { answerDeadline?: Date | null; status?: string } = {}) {
  const reference = `FR-2026-${randomBytes(3).toString('hex')}`;
  const row = await t.ctx.db
    .insertInto('cases')
    .values({
      reference,
      organisation_id: customsId,
      opened_by: officer.id,
      country_code: 'FR',
      office: 'Le Havre',
      locode: null,
      source: 'manual',
      scanned_code: null,
      alert_id: null,
      status: options.status ?? 'awaiting_answer',
      shipment: { importerName: 'Quayside Imports Ltd', exporterName: 'Harbourline Trading' },
      notes: null,
      observed_at: null,
      created_at: clock.now(),
      updated_at: clock.now(),
      answer_deadline: options.answerDeadline ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('case_goods')
    .values({
      case_id: row.id,
      position: 0,
      product_id: null,
      rights_holder_id: holderId,
      description: 'Norvale 20 mg tablets',
      quantity: 400,
    })
    .execute();
  return { id: row.id, reference };
}

/** Tell a notice in its own transaction, as the case service does, then send the mail. */
async function notify(notice: CaseNotice | CaseDeadlineNotice) {
  await t.ctx.db.transaction().execute((trx) => t.ctx.caseNotifier.notify(trx, notice));
  t.ctx.mail.afterCommit();
  await t.ctx.mail.dispatcher!.flush();
}

async function toldOf(caseId: string, kind: string): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('notifications')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .execute();
  return rows.map((row) => row.user_id).sort();
}

const sorted = (...users: TestUser[]) => users.map((user) => user.id).sort();

beforeAll(async () => {
  capture = await startSmtpCapture();
  clock = movableClock(START);
  t = await createTestApp({ clock, env: { SMTP_URL: capture.url } });
  await sql`insert into case_policies (country_code, answer_days, perishable_days, time_zone)
    values ('FR', 10, 3, 'Europe/Paris')`.execute(t.ctx.db);

  customsId = (await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR', name: 'Douane Test' })).id;
  officer = await makeUser(t.ctx, customsId, { roles: ['officer'], twoFactor: true });
  coordinator = await makeUser(t.ctx, customsId, { roles: ['national_coordinator'], twoFactor: true });

  holderId = (await makeOrganisation(t.ctx, { kind: 'rights_holder', name: 'Norvale Pharma' })).id;
  holderAdminFr = await makeUser(t.ctx, holderId, { roles: ['admin'], twoFactor: true, locale: 'fr' });
  holderMember = await makeUser(t.ctx, holderId, { roles: ['member'], twoFactor: true });
  holderPending = await makeUser(t.ctx, holderId, { roles: ['member'], status: 'pending' });

  const otherHolder = await makeOrganisation(t.ctx, { kind: 'rights_holder', name: 'Brightwick Apparel' });
  otherHolderAdmin = await makeUser(t.ctx, otherHolder.id, { roles: ['admin'], twoFactor: true });

  const representative = await makeOrganisation(t.ctx, { kind: 'legal_representative', name: 'Ardent IP' });
  representativeMember = await makeUser(t.ctx, representative.id, { roles: ['member'], locale: 'es' });
  const unappointed = await makeOrganisation(t.ctx, { kind: 'legal_representative', name: 'Lindqvist Law' });
  unappointedRepresentativeMember = await makeUser(t.ctx, unappointed.id, { roles: ['admin'] });
  await t.ctx.db
    .insertInto('representations')
    .values([
      { legal_representative_id: representative.id, rights_holder_id: holderId },
      // Appointed by the other rights holder only: not told of this one's cases.
      { legal_representative_id: unappointed.id, rights_holder_id: otherHolder.id },
    ])
    .execute();
});

afterAll(async () => {
  await t?.close();
  await capture?.stop();
});

describe('telling the people of a case', () => {
  it("tells the rights holder's people and its legal representative of a new case, in their language", async () => {
    const opened = await makeCase();
    const deadline = workingDayDeadline(clock.now(), 10, PARIS);
    await notify({
      kind: 'case.opened',
      caseId: opened.id,
      reference: opened.reference,
      countryCode: 'FR',
      rightsHolderIds: [holderId],
      answerDeadline: deadline,
    });

    expect(await toldOf(opened.id, 'case.opened')).toEqual(
      sorted(holderAdminFr, holderMember, representativeMember),
    );
    for (const outsider of [holderPending, otherHolderAdmin, unappointedRepresentativeMember, officer]) {
      expect(capture.messages.some((mail) => mail.to.includes(outsider.email))).toBe(false);
    }

    const french = await capture.waitFor((mail) => mail.to.includes(holderAdminFr.email));
    expect(french.subject).toContain(`Dossier ${opened.reference}`);
    // Ten working days after Monday 23 November, ending at midnight in Paris.
    expect(french.text).toContain('lundi 7 décembre 2026 à 23:59');
    expect(french.text).toContain('France');
    expect(french.text).toContain(`https://assay.test/cases/${opened.id}`);
    const english = await capture.waitFor((mail) => mail.to.includes(holderMember.email));
    expect(english.text).toContain('Monday, December 7, 2026 at 11:59');
    const spanish = await capture.waitFor((mail) => mail.to.includes(representativeMember.email));
    expect(spanish.subject).toContain(`Expediente ${opened.reference}`);
    for (const mail of [french, english, spanish]) {
      expect(mail.text).not.toContain('Quayside');
      expect(mail.text).not.toContain('Harbourline');
    }
  });

  it('writes nothing when the change that caused the notice is rolled back', async () => {
    const opened = await makeCase();
    const before = capture.messages.length;
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await t.ctx.caseNotifier.notify(trx, {
          kind: 'case.opened',
          caseId: opened.id,
          reference: opened.reference,
          countryCode: 'FR',
          rightsHolderIds: [holderId],
          answerDeadline: workingDayDeadline(clock.now(), 10, PARIS),
        });
        throw new Error('the case could not be opened');
      }),
    ).rejects.toThrow('the case could not be opened');
    t.ctx.mail.afterCommit();
    await t.ctx.mail.dispatcher!.flush();
    expect(await toldOf(opened.id, 'case.opened')).toEqual([]);
    expect(capture.messages.length).toBe(before);
  });

  it('tells the officer who opened the case of an answer, or the coordinators when nobody opened it', async () => {
    const answered = await makeCase();
    const notice = {
      kind: 'case.answered',
      caseId: answered.id,
      reference: answered.reference,
      answer: 'counterfeit',
      rightsHolderId: holderId,
      openerOrganisationId: customsId,
      openedBy: officer.id,
    } as const;
    await notify(notice);
    expect(await toldOf(answered.id, 'case.answered')).toEqual(sorted(officer));
    const mail = await capture.waitFor(
      (message) => message.to.includes(officer.email) && message.subject.includes(answered.reference),
    );
    expect(mail.subject).toBe(`Case ${answered.reference}: Norvale Pharma answered “counterfeit”`);

    const orphan = await makeCase();
    await notify({ ...notice, caseId: orphan.id, reference: orphan.reference, openedBy: null });
    expect(await toldOf(orphan.id, 'case.answered')).toEqual(sorted(coordinator));
  });

  it("tells a message to the other side only, the rights holder's representative included", async () => {
    const talk = await makeCase();
    await notify({
      kind: 'case.message',
      caseId: talk.id,
      reference: talk.reference,
      fromOrganisationId: holderId,
      toOrganisationIds: [customsId],
    });
    expect(await toldOf(talk.id, 'case.message')).toEqual(sorted(officer));

    await t.ctx.db.deleteFrom('notifications').where('case_id', '=', talk.id).execute();
    await notify({
      kind: 'case.message',
      caseId: talk.id,
      reference: talk.reference,
      fromOrganisationId: customsId,
      toOrganisationIds: [holderId],
    });
    expect(await toldOf(talk.id, 'case.message')).toEqual(
      sorted(holderAdminFr, holderMember, representativeMember),
    );
    const mail = await capture.waitFor(
      (message) => message.to.includes(holderAdminFr.email) && message.subject.includes('nouveau message'),
    );
    expect(mail.subject).toBe(`Dossier ${talk.reference} : nouveau message de Douane Test`);
  });

  it('tells the rights holder of a decision in its language', async () => {
    const decided = await makeCase({ status: 'detained' });
    await notify({
      kind: 'case.decided',
      caseId: decided.id,
      reference: decided.reference,
      decision: 'detain',
      status: 'detained',
      rightsHolderIds: [holderId],
    });
    expect(await toldOf(decided.id, 'case.decided')).toEqual(
      sorted(holderAdminFr, holderMember, representativeMember),
    );
    const mail = await capture.waitFor(
      (message) => message.to.includes(holderAdminFr.email) && message.subject.includes(decided.reference),
    );
    expect(mail.text).toContain('a enregistré : marchandises retenues');
  });
});

describe('answer deadline reminders', () => {
  it('reminds the rights holder once on the last day, and tells the officer once when the time is up', async () => {
    await t.ctx.db.deleteFrom('cases').execute();
    const deadline = workingDayDeadline(clock.now(), 3, PARIS);
    const waiting = await makeCase({ answerDeadline: deadline });
    // Answered in time: no reminder, no expiry notice.
    await makeCase({ answerDeadline: deadline, status: 'answered' });
    // A second server running the same job at the same moment.
    const other = createCaseReminders({
      db: t.ctx.db,
      clock,
      mail: t.ctx.mail,
      notifier: t.ctx.caseNotifier,
    });

    expect(await t.ctx.caseReminders.runOnce()).toEqual({ reminded: 0, expired: 0 });

    // 25 hours before the deadline: not yet; an hour later, the last working day has begun.
    clock.advance((deadline.getTime() - clock.now().getTime()) / 1000 - 25 * HOUR);
    expect(await t.ctx.caseReminders.runOnce()).toEqual({ reminded: 0, expired: 0 });
    clock.advance(2 * HOUR);
    const [first, second] = await Promise.all([t.ctx.caseReminders.runOnce(), other.runOnce()]);
    expect(first.reminded + second.reminded).toBe(1);
    expect(await t.ctx.caseReminders.runOnce()).toEqual({ reminded: 0, expired: 0 });
    expect(await toldOf(waiting.id, 'case.deadline_near')).toEqual(
      sorted(holderAdminFr, holderMember, representativeMember),
    );
    await t.ctx.mail.dispatcher!.flush();
    const reminder = await capture.waitFor(
      (mail) => mail.to.includes(holderAdminFr.email) && mail.subject.startsWith('Rappel'),
    );
    expect(reminder.subject).toContain(waiting.reference);
    expect(reminder.text).toContain('jeudi 26 novembre 2026 à 23:59');

    clock.advance(24 * HOUR);
    const [third, fourth] = await Promise.all([other.runOnce(), t.ctx.caseReminders.runOnce()]);
    expect(third.expired + fourth.expired).toBe(1);
    expect(await t.ctx.caseReminders.runOnce()).toEqual({ reminded: 0, expired: 0 });
    expect(await toldOf(waiting.id, 'case.deadline_passed')).toEqual(sorted(officer));
    await t.ctx.mail.dispatcher!.flush();
    const expiry = await capture.waitFor(
      (mail) => mail.to.includes(officer.email) && mail.subject.includes('time to answer has ended'),
    );
    expect(expiry.text).toContain(`https://assay.test/cases/${waiting.id}`);
    expect(expiry.text).toContain('release the goods');

    const rows = await t.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', 'in', ['case.deadline_near', 'case.deadline_passed'])
      .execute();
    expect(rows).toHaveLength(4);
  });
});

describe('the notifications API', () => {
  async function client(user: TestUser) {
    const signedIn = new TestClient(t.app);
    await signIn(signedIn, t.ctx, user);
    return signedIn;
  }

  it("lists the reader's own notifications, newest first, and marks some or all read", async () => {
    await t.ctx.db.deleteFrom('notifications').execute();
    const first = await makeCase();
    const second = await makeCase({ status: 'detained' });
    await notify({
      kind: 'case.opened',
      caseId: first.id,
      reference: first.reference,
      countryCode: 'FR',
      rightsHolderIds: [holderId],
      answerDeadline: workingDayDeadline(clock.now(), 10, PARIS),
    });
    clock.advance(60);
    await notify({
      kind: 'case.decided',
      caseId: second.id,
      reference: second.reference,
      decision: 'detain',
      status: 'detained',
      rightsHolderIds: [holderId],
    });

    const admin = await client(holderAdminFr);
    const listed = await admin.get('/api/notifications');
    expect(listed.statusCode).toBe(200);
    const body = listed.json();
    expect(body.unread).toBe(2);
    expect(body.notifications.map((item: { kind: string }) => item.kind)).toEqual([
      'case.decided',
      'case.opened',
    ]);
    expect(body.notifications[0]).toMatchObject({
      caseId: second.id,
      params: { reference: second.reference, decision: 'detain', status: 'detained' },
      readAt: null,
    });
    expect(body.notifications[1].params).toMatchObject({
      reference: first.reference,
      countryCode: 'FR',
      timeZone: 'Europe/Paris',
    });

    // Another reader cannot mark someone else's notification read.
    const member = await client(holderMember);
    expect(
      (await member.post('/api/notifications/read', { ids: [body.notifications[0].id] })).json(),
    ).toEqual({
      unread: 2,
    });
    expect((await admin.get('/api/notifications')).json().unread).toBe(2);

    const one = await admin.post('/api/notifications/read', { ids: [body.notifications[0].id] });
    expect(one.json()).toEqual({ unread: 1 });
    const after = (await admin.get('/api/notifications')).json();
    expect(after.notifications[0].readAt).not.toBeNull();
    expect(after.notifications[1].readAt).toBeNull();

    expect((await admin.post('/api/notifications/read', {})).json()).toEqual({ unread: 0 });
    expect((await member.get('/api/notifications')).json().unread).toBe(2);

    expect((await admin.post('/api/notifications/read', { ids: ['not-an-id'] })).statusCode).toBe(400);
    expect((await new TestClient(t.app).get('/api/notifications')).statusCode).toBe(401);
  });

  it('are described in the OpenAPI document', async () => {
    const spec = (await new TestClient(t.app).get('/api/openapi.json')).json();
    expect(JSON.stringify(spec.paths['/api/notifications'].get.responses['200'])).toContain('unread');
    const body = spec.paths['/api/notifications/read'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('ids');
  });
});
