import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkFrom,
  mailTo,
  makeOrganisation,
  makeUser,
  signIn,
  TEST_PASSWORD,
} from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';
import { currentTotpCode } from './totp.js';

let t: TestApp;
const clock = movableClock(new Date());
const advance = (seconds: number) => clock.advance(seconds);

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

describe('sign-in with a password', () => {
  it('answers a wrong password and an unknown email with the same 401', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    const wrong = await client.post('/api/session', { email: user.email, password: 'not the password' });
    const unknown = await client.post('/api/session', {
      email: 'nobody@example.test',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(client.cookie).toBeNull();
  });

  it('signs a rights-holder member in directly and sets a secure, httpOnly, strict cookie', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id, { roles: ['member'] });
    const client = new TestClient(t.app);
    const response = await client.post('/api/session', {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().stage).toBe('active');
    const cookie = response.cookies.find((c) => c.name === 'assay_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const session = await client.get('/api/session');
    expect(session.json().user.email).toBe(user.email);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const row = await t.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('locks the account after five failures, then lets the right password in once the lock expires', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await client.post('/api/session', { email: user.email, password: 'wrong password!' })).statusCode,
      ).toBe(401);
    }
    const locked = await client.post('/api/session', { email: user.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('locked');
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    advance(16 * 60);
    expect(
      (await client.post('/api/session', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toContain('session.locked');
  });

  it('refuses a disabled member even with the right password', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id, { status: 'disabled' });
    const response = await new TestClient(t.app).post('/api/session', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(403);
  });

  it('limits sign-in attempts per client address', async () => {
    const limited = await createTestApp({ limits: { authRequestsPerMinute: 3 } });
    try {
      const client = new TestClient(limited.app, '192.0.2.10');
      const codes = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        codes.push(
          (await client.post('/api/session', { email: 'x@example.test', password: 'whatever-it-is' }))
            .statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const other = new TestClient(limited.app, '192.0.2.11');
      expect(
        (await other.post('/api/session', { email: 'x@example.test', password: 'whatever-it-is' }))
          .statusCode,
      ).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('two-factor sign-in', () => {
  it('keeps an enrolled officer out until the TOTP code, then issues a new session id', async () => {
    const org = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
    const officer = await makeUser(t.ctx, org.id, { roles: ['officer'], twoFactor: true });
    const client = new TestClient(t.app);
    const first = await client.post('/api/session', { email: officer.email, password: TEST_PASSWORD });
    expect(first.json().stage).toBe('two_factor_required');
    expect(first.json().permissions).toEqual([]);
    const halfway = client.cookie;
    expect((await client.get('/api/organisation')).statusCode).toBe(401);

    advance(30);
    const code = currentTotpCode(officer.totpSecret!, clock.now());
    const second = await client.post('/api/session/two-factor', { code });
    expect(second.statusCode).toBe(200);
    expect(second.json().stage).toBe('active');
    expect(client.cookie).not.toBe(halfway);
    expect((await client.get('/api/organisation')).statusCode).toBe(200);

    // The half-signed-in cookie is dead, and the same code cannot be replayed.
    const replay = new TestClient(t.app);
    replay.cookie = halfway;
    expect((await replay.get('/api/session')).json().user).toBeNull();
    const again = new TestClient(t.app);
    await again.post('/api/session', { email: officer.email, password: TEST_PASSWORD });
    const replayed = await again.post('/api/session/two-factor', { code });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error.code).toBe('invalid_two_factor_code');
  });

  it('forces an organisation admin without 2FA to enrol, then hands out recovery codes that work once', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'] });
    const client = new TestClient(t.app);
    const first = await client.post('/api/session', { email: admin.email, password: TEST_PASSWORD });
    expect(first.json().stage).toBe('two_factor_enrolment_required');
    expect((await client.get('/api/organisation/members')).statusCode).toBe(401);

    const enrolment = await client.post('/api/session/two-factor/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = enrolment.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toContain('<svg');
    expect(
      (await client.post('/api/session/two-factor/enrolment/confirm', { code: '000000' })).statusCode,
    ).toBe(400);

    const confirmed = await client.post('/api/session/two-factor/enrolment/confirm', {
      code: currentTotpCode(secret, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes, session } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(session.stage).toBe('active');
    expect(session.user.twoFactorEnabled).toBe(true);
    expect((await client.get('/api/organisation/members')).statusCode).toBe(200);

    const stored = await t.ctx.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(secret);

    const withRecovery = async () => {
      const other = new TestClient(t.app);
      await other.post('/api/session', { email: admin.email, password: TEST_PASSWORD });
      return other.post('/api/session/two-factor', { code: recoveryCodes[0] });
    };
    expect((await withRecovery()).statusCode).toBe(200);
    expect((await withRecovery()).statusCode).toBe(400);
  });

  it('lets a member of a rights holder sign in without 2FA but enable it later', async () => {
    const org = await makeOrganisation(t.ctx);
    const member = await makeUser(t.ctx, org.id, { roles: ['member'] });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, member);
    expect((await client.get('/api/session')).json().user.twoFactorEnabled).toBe(false);
    const { secret } = (await client.post('/api/session/two-factor/enrolment')).json();
    const confirmed = await client.post('/api/session/two-factor/enrolment/confirm', {
      code: currentTotpCode(secret, clock.now()),
    });
    expect(confirmed.json().session.user.twoFactorEnabled).toBe(true);
    const next = new TestClient(t.app);
    expect(
      (await next.post('/api/session', { email: member.email, password: TEST_PASSWORD })).json().stage,
    ).toBe('two_factor_required');
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request from a session without the matching header', async () => {
    const org = await makeOrganisation(t.ctx);
    const member = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, member);
    const without = await client.request(
      'PATCH',
      '/api/account',
      { name: 'Forged' },
      { 'x-csrf-token': 'forged' },
    );
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const name = await t.ctx.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(name.name).not.toBe('Forged');
    const withHeader = await client.patch('/api/account', { name: 'Renamed Person', locale: 'fr' });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json().user).toMatchObject({ name: 'Renamed Person', locale: 'fr' });
  });
});

describe('password reset', () => {
  it('emails a single-use link in the user language that sets a new password and signs out other sessions', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id, { locale: 'es' });
    const elsewhere = new TestClient(t.app);
    await signIn(elsewhere, t.ctx, user);

    const client = new TestClient(t.app);
    expect((await client.post('/api/password-reset', { email: user.email })).statusCode).toBe(202);
    const [mail] = await mailTo(t.ctx, user.email);
    expect(mail?.template).toBe('password_reset');
    expect(mail?.subject).toContain('contraseña');
    const token = new URLSearchParams(linkFrom(mail!.text_body, '/reset-password').split('?')[1]).get(
      'token',
    )!;

    const newPassword = 'a brand new passphrase';
    expect(
      (await client.post('/api/password-reset/confirm', { token, password: newPassword })).statusCode,
    ).toBe(204);
    expect(
      (await client.post('/api/password-reset/confirm', { token, password: 'another passphrase!' }))
        .statusCode,
    ).toBe(400);
    expect((await elsewhere.get('/api/session')).json().user).toBeNull();
    expect(
      (await client.post('/api/session', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    expect((await client.post('/api/session', { email: user.email, password: newPassword })).statusCode).toBe(
      200,
    );
  });

  it('answers 202 for an unknown email and sends nothing', async () => {
    const response = await new TestClient(t.app).post('/api/password-reset', { email: 'ghost@example.test' });
    expect(response.statusCode).toBe(202);
    expect(await mailTo(t.ctx, 'ghost@example.test')).toEqual([]);
  });

  it('refuses an expired link', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    await client.post('/api/password-reset', { email: user.email });
    const [mail] = await mailTo(t.ctx, user.email);
    const token = new URLSearchParams(linkFrom(mail!.text_body, '/reset-password').split('?')[1]).get(
      'token',
    )!;
    advance(2 * 3600);
    const response = await client.post('/api/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('token');
  });
});

describe('sessions', () => {
  it('signs out and expires an idle session', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, user);
    advance(3 * 3600);
    expect((await client.get('/api/session')).json().user).toBeNull();

    await signIn(client, t.ctx, user);
    expect((await client.delete('/api/session')).statusCode).toBe(204);
    expect((await client.get('/api/session')).json().user).toBeNull();
  });

  it('changes the password only with the current one', async () => {
    const org = await makeOrganisation(t.ctx);
    const user = await makeUser(t.ctx, org.id);
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, user);
    const wrong = await client.post('/api/account/password', {
      currentPassword: 'nope',
      newPassword: 'a new long passphrase',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const right = await client.post('/api/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a new long passphrase',
    });
    expect(right.statusCode).toBe(204);
    expect((await client.get('/api/session')).json().user.id).toBe(user.id);
  });
});
