import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFrom, makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { freePort } from '../../test-support/postgres-cluster.js';
import { type SmtpCapture, startSmtpCapture } from '../../test-support/smtp-capture.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';
import { createMailDispatcher } from './dispatcher.js';

function outboxRow(t: TestApp, to: string) {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .executeTakeFirstOrThrow();
}

async function requestPasswordReset(t: TestApp, email: string) {
  const response = await new TestClient(t.app).post('/api/password-reset', { email });
  expect(response.statusCode).toBe(202);
}

describe('with an SMTP server', () => {
  let t: TestApp;
  let capture: SmtpCapture;
  let admin: TestUser;
  const clock = movableClock(new Date());

  beforeAll(async () => {
    capture = await startSmtpCapture();
    t = await createTestApp({ clock, env: { SMTP_URL: capture.url } });
    const org = await makeOrganisation(t.ctx, { name: 'Maison Exemple' });
    admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
  });
  afterAll(async () => {
    await t?.close();
    await capture?.stop();
  });

  it('delivers an invitation in the invitee language with a link that opens the invitation', async () => {
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const invited = await client.post('/api/organisation/invitations', {
      email: 'Invitee.One@Example.test',
      roles: ['member'],
      locale: 'fr',
    });
    expect(invited.statusCode).toBe(201);
    await t.ctx.mail.dispatcher!.flush();

    const mail = await capture.waitFor((m) => m.to.includes('invitee.one@example.test'));
    expect(mail.from).toMatch(/^"?Assay"? <no-reply@assay\.invalid>$/);
    expect(mail.subject).toBe('Vous êtes invité(e) à rejoindre Maison Exemple sur Assay');
    const link = linkFrom(mail.text, '/invitations/');
    expect(mail.html).toContain(`href="https://assay.test${link}"`);
    const preview = await new TestClient(t.app).get(`/api${link}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      email: 'invitee.one@example.test',
      organisationName: 'Maison Exemple',
    });
  });

  it('marks a delivered message sent and forgets its bodies, which hold sign-in links', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    await t.ctx.mail.dispatcher!.flush();

    const mail = await capture.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe('Reset your Assay password');
    expect(linkFrom(mail.text, '/reset-password')).toMatch(/^\/reset-password\?token=[\w-]{20,}$/);
    const row = await outboxRow(t, user.email);
    expect(row).toMatchObject({
      status: 'sent',
      text_body: null,
      html_body: null,
      attempts: 1,
      last_error: null,
    });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.subject).toBe('Reset your Assay password');
  });

  it('sends a message once even when rounds overlap', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    await Promise.all([t.ctx.mail.dispatcher!.flush(), t.ctx.mail.dispatcher!.flush()]);
    await t.ctx.mail.dispatcher!.flush();
    await capture.waitFor((m) => m.to.includes(user.email));
    expect(capture.messages.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it('sends nothing for a password reset asked for an unknown address', async () => {
    await requestPasswordReset(t, 'nobody-here@example.test');
    await t.ctx.mail.dispatcher!.flush();
    expect(capture.messages.some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
  });
});

describe('when the SMTP server refuses connections', () => {
  let t: TestApp;
  const clock = movableClock(new Date());

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
  });
  afterAll(() => t?.close());

  it('keeps the message queued, counts the attempt and retries only after a backoff', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    await t.ctx.mail.dispatcher!.flush();

    const failed = await outboxRow(t, user.email);
    expect(failed.status).toBe('queued');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(failed.text_body).toContain('/reset-password?token=');

    await t.ctx.mail.dispatcher!.flush();
    expect((await outboxRow(t, user.email)).attempts).toBe(1); // not retried before the backoff

    clock.advance((failed.next_attempt_at.getTime() - clock.now().getTime()) / 1000 + 1);
    await t.ctx.mail.dispatcher!.flush();
    const second = await outboxRow(t, user.email);
    expect(second.attempts).toBe(2);
    expect(second.status).toBe('queued');
    // The wait grows after each failure.
    expect(second.next_attempt_at.getTime() - clock.now().getTime()).toBeGreaterThan(
      failed.next_attempt_at.getTime() - failed.created_at.getTime(),
    );
  });

  it('loses nothing: once SMTP answers again, the queued message goes out with its link', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    await t.ctx.mail.dispatcher!.flush();
    expect((await outboxRow(t, user.email)).status).toBe('queued');

    const capture = await startSmtpCapture();
    const recovered = createMailDispatcher({
      db: t.ctx.db,
      smtpUrl: capture.url,
      from: t.ctx.config.mail.from,
      clock,
      log: pino({ level: 'silent' }),
    });
    try {
      clock.advance(3601);
      await recovered.flush();
      const mail = await capture.waitFor((m) => m.to.includes(user.email));
      expect(linkFrom(mail.text, '/reset-password')).toContain('token=');
      expect(await outboxRow(t, user.email)).toMatchObject({ status: 'sent', text_body: null });
    } finally {
      await recovered.stop();
      await capture.stop();
    }
  });

  it('gives up after eight attempts and marks the message failed, keeping it for the operator', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    await t.ctx.mail.dispatcher!.flush();
    for (let attempt = 2; attempt <= 9; attempt += 1) {
      clock.advance(3601);
      await t.ctx.mail.dispatcher!.flush();
    }
    const row = await outboxRow(t, user.email);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(8);
    expect(row.last_error).toBeTruthy();
    expect(row.text_body).not.toBeNull();
  });
});

describe('without an SMTP server (demo mode)', () => {
  let t: TestApp;
  let operatorAdmin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const operator = await makeOrganisation(t.ctx, { kind: 'platform_operator', name: 'Assay operator' });
    operatorAdmin = await makeUser(t.ctx, operator.id, { roles: ['admin'], twoFactor: true });
  });
  afterAll(() => t?.close());

  it('holds mail instead of sending it, and has no dispatcher', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    expect(t.ctx.mail.dispatcher).toBeNull();
    const row = await outboxRow(t, user.email);
    expect(row).toMatchObject({ status: 'held', attempts: 0 });
    expect(row.text_body).toContain('https://assay.test/reset-password?token=');
  });

  it('lets the operator admin read held messages, with their text, filtered by recipient', async () => {
    const user = await makeUser(t.ctx, (await makeOrganisation(t.ctx)).id);
    await requestPasswordReset(t, user.email);
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, operatorAdmin);

    const response = await client.get(
      `/api/operator/outbox?to=${encodeURIComponent(user.email.toUpperCase())}`,
    );
    expect(response.statusCode).toBe(200);
    const { messages } = response.json();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      to: user.email,
      template: 'password_reset',
      subject: 'Reset your Assay password',
      status: 'held',
      sentAt: null,
    });
    // The link in the held text is the one that resets the password.
    const link = linkFrom(messages[0].text, '/reset-password');
    const token = new URL(link, 'https://assay.test').searchParams.get('token');
    const reset = await new TestClient(t.app).post('/api/password-reset/confirm', {
      token,
      password: 'a brand new password',
    });
    expect(reset.statusCode).toBe(204);
    // Reading held mail (which carries reset links) is itself recorded.
    const viewed = await t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'outbox.viewed')
      .execute();
    expect(viewed).toContainEqual({
      actor_user_id: operatorAdmin.id,
      details: { messages: 1, to: user.email.toUpperCase() },
    });
  });

  it('lists the newest messages first', async () => {
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, operatorAdmin);
    const messages = (await client.get('/api/operator/outbox?limit=200')).json().messages as {
      createdAt: string;
    }[];
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const times = messages.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('refuses the outbox to the admin of any other organisation', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const response = await client.get('/api/operator/outbox');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect(response.body).not.toContain('reset-password');
  });

  it('refuses the outbox to an operator member who is not admin, and to anonymous callers', async () => {
    const operatorMember = await makeUser(t.ctx, operatorAdmin.organisationId, {
      roles: ['member'],
      twoFactor: true,
    });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, operatorMember);
    expect((await client.get('/api/operator/outbox')).statusCode).toBe(403);
    expect((await new TestClient(t.app).get('/api/operator/outbox')).statusCode).toBe(401);
  });
});
