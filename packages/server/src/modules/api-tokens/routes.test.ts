import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
const clock = movableClock(new Date());
let adminA: TestUser;
let memberA: TestUser;
let adminB: TestUser;
let memberB: TestUser;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  orgA = await makeOrganisation(t.ctx, { name: 'Token Org A' });
  orgB = await makeOrganisation(t.ctx, { name: 'Token Org B' });
  adminA = await makeUser(t.ctx, orgA.id, { roles: ['admin'], twoFactor: true });
  memberA = await makeUser(t.ctx, orgA.id, { roles: ['member'] });
  adminB = await makeUser(t.ctx, orgB.id, { roles: ['admin'], twoFactor: true });
  memberB = await makeUser(t.ctx, orgB.id, { roles: ['member'] });
});
afterAll(() => t?.close());

async function signedIn(user: TestUser): Promise<TestClient> {
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return client;
}

async function createToken(
  client: TestClient,
  scopes: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; token: string; prefix: string }> {
  const response = await client.post('/api/organisation/api-tokens', { name: 'ERP sync', scopes, ...extra });
  expect(response.statusCode).toBe(201);
  return response.json();
}

function withToken(token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
}

describe('creating a token', () => {
  it('shows the secret once, starting with assay_, and never again in the list', async () => {
    const admin = await signedIn(adminA);
    const response = await admin.post('/api/organisation/api-tokens', {
      name: 'Warehouse',
      scopes: ['members:read'],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.token).toMatch(/^assay_[A-Za-z0-9_-]{40,}$/);
    expect(created).toMatchObject({ name: 'Warehouse', scopes: ['members:read'], revokedAt: null });
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length / 2);

    const list = await admin.get('/api/organisation/api-tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    const listed = list.json().tokens.find((token: { id: string }) => token.id === created.id);
    expect(listed).toMatchObject({ name: 'Warehouse', prefix: created.prefix });
    expect(listed).not.toHaveProperty('token');
  });

  it('stores only the SHA-256 of the token: the secret is in no column', async () => {
    const { id, token } = await createToken(await signedIn(adminA), ['organisation:read']);
    const row = await t.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const secretPart = token.slice('assay_'.length);
    for (const value of Object.values(row)) {
      expect(String(value)).not.toContain(secretPart);
    }
  });

  it('refuses unknown scopes', async () => {
    const response = await (await signedIn(adminA)).post('/api/organisation/api-tokens', {
      name: 'Too much',
      scopes: ['members:write'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('refuses an expiry date in the past and creates nothing', async () => {
    const client = await signedIn(adminA);
    const before = (await client.get('/api/organisation/api-tokens')).json().tokens.length;
    const response = await client.post('/api/organisation/api-tokens', {
      name: 'Dead on arrival',
      scopes: ['members:read'],
      expiresAt: new Date(t.ctx.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('expiresAt');
    expect((await client.get('/api/organisation/api-tokens')).json().tokens).toHaveLength(before);
  });

  it('is for admins only: a plain member can neither list nor create tokens', async () => {
    const member = await signedIn(memberA);
    expect((await member.get('/api/organisation/api-tokens')).statusCode).toBe(403);
    const attempt = await member.post('/api/organisation/api-tokens', {
      name: 'x',
      scopes: ['members:read'],
    });
    expect(attempt.statusCode).toBe(403);
  });

  it('is recorded in the audit log without the secret', async () => {
    const { id, token } = await createToken(await signedIn(adminA), ['members:read']);
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', id)
      .execute();
    expect(events.map((event) => event.action)).toEqual(['api_token.created']);
    expect(JSON.stringify(events)).not.toContain(token.slice(6));
  });
});

describe('calling the API with a token', () => {
  it('reads the members with members:read', async () => {
    const { token } = await createToken(await signedIn(adminA), ['members:read']);
    const response = await withToken(token, 'GET', '/api/organisation/members');
    expect(response.statusCode).toBe(200);
    const emails = response.json().members.map((member: { email: string }) => member.email);
    expect(emails).toEqual(expect.arrayContaining([adminA.email, memberA.email]));
  });

  it('reads the organisation with organisation:read', async () => {
    const { token } = await createToken(await signedIn(adminA), ['organisation:read']);
    const response = await withToken(token, 'GET', '/api/organisation');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: orgA.id, name: 'Token Org A' });
  });

  it('is refused what its scopes do not cover', async () => {
    const admin = await signedIn(adminA);
    const orgOnly = await createToken(admin, ['organisation:read']);
    const membersOnly = await createToken(admin, ['members:read']);
    const members = await withToken(orgOnly.token, 'GET', '/api/organisation/members');
    expect(members.statusCode).toBe(403);
    expect(members.json().error.code).toBe('forbidden');
    expect((await withToken(membersOnly.token, 'GET', '/api/organisation')).statusCode).toBe(403);
    expect((await withToken(membersOnly.token, 'GET', '/api/organisation/audit')).statusCode).toBe(403);
  });

  it('cannot change anything, even though its creator could', async () => {
    const { token } = await createToken(await signedIn(adminA), [
      'organisation:read',
      'members:read',
      'audit:read',
    ]);
    const invite = await withToken(token, 'POST', '/api/organisation/invitations', {
      email: 'should-not-be-invited@example.test',
      roles: ['member'],
      locale: 'en',
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().error.code).toBe('forbidden');
    const mint = await withToken(token, 'POST', '/api/organisation/api-tokens', {
      name: 'child',
      scopes: ['members:read'],
    });
    expect(mint.statusCode).toBe(403);
    expect((await withToken(token, 'GET', '/api/organisation/api-tokens')).statusCode).toBe(403);
    const invitations = await t.ctx.db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'should-not-be-invited@example.test')
      .execute();
    expect(invitations).toEqual([]);
  });

  it('changes the portfolio only with organisation:write', async () => {
    const { token: readOnly } = await createToken(await signedIn(adminA), ['organisation:read']);
    const { token: writer } = await createToken(await signedIn(adminA), [
      'organisation:read',
      'organisation:write',
    ]);
    const brands = `/api/rights-holders/${orgA.id}/brands`;
    const brand = (name: string) => ({ name, aliases: [], categories: ['footwear'] });
    const refused = await withToken(readOnly, 'POST', brands, brand('Read Only Brand'));
    expect(refused.statusCode).toBe(403);
    expect((await withToken(readOnly, 'GET', brands)).statusCode).toBe(200);
    expect((await withToken(writer, 'POST', brands, brand('Synced Brand'))).statusCode).toBe(201);
    const names = (await withToken(readOnly, 'GET', brands))
      .json()
      .brands.map((b: { name: string }) => b.name);
    expect(names).toEqual(['Synced Brand']);
  });

  it('of organisation A only ever sees organisation A', async () => {
    const { token } = await createToken(await signedIn(adminA), ['organisation:read', 'members:read']);
    const members = (await withToken(token, 'GET', '/api/organisation/members')).json().members as {
      email: string;
    }[];
    const emails = members.map((member) => member.email);
    expect(emails).not.toContain(adminB.email);
    expect(emails).not.toContain(memberB.email);
    const rows = await t.ctx.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.email')
      .where('organisation_id', '=', orgA.id)
      .execute();
    expect(emails.sort()).toEqual(rows.map((row) => row.email).sort());
    expect((await withToken(token, 'GET', '/api/organisation')).json().id).toBe(orgA.id);
  });

  it('records when it was last used', async () => {
    const admin = await signedIn(adminA);
    const { id, token } = await createToken(admin, ['organisation:read']);
    await withToken(token, 'GET', '/api/organisation');
    const listed = (await admin.get('/api/organisation/api-tokens'))
      .json()
      .tokens.find((item: { id: string }) => item.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('answers 401 to an unknown or malformed token, without falling back to the session cookie', async () => {
    const admin = await signedIn(adminA);
    expect((await withToken('assay_not-a-real-token', 'GET', '/api/organisation')).statusCode).toBe(401);
    expect((await withToken('something-else', 'GET', '/api/organisation')).statusCode).toBe(401);
    const mixed = await t.app.inject({
      method: 'GET',
      url: '/api/organisation',
      headers: { authorization: 'Bearer assay_forged', cookie: `assay_session=${admin.cookie}` },
    });
    expect(mixed.statusCode).toBe(401);
    expect(mixed.json().error.code).toBe('unauthorised');
  });
});

describe('the end of a token', () => {
  it('stops working once revoked', async () => {
    const admin = await signedIn(adminA);
    const { id, token } = await createToken(admin, ['organisation:read']);
    expect((await withToken(token, 'GET', '/api/organisation')).statusCode).toBe(200);
    expect((await admin.delete(`/api/organisation/api-tokens/${id}`)).statusCode).toBe(204);
    const after = await withToken(token, 'GET', '/api/organisation');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorised');
    const listed = (await admin.get('/api/organisation/api-tokens'))
      .json()
      .tokens.find((item: { id: string }) => item.id === id);
    expect(listed.revokedAt).not.toBeNull();
    expect((await admin.delete(`/api/organisation/api-tokens/${id}`)).statusCode).toBe(404);
  });

  it('stops working once expired', async () => {
    const admin = await signedIn(adminA);
    const expiresAt = new Date(clock.now().getTime() + 3600_000).toISOString();
    const { token } = await createToken(admin, ['organisation:read'], { expiresAt });
    expect((await withToken(token, 'GET', '/api/organisation')).statusCode).toBe(200);
    clock.advance(3601);
    expect((await withToken(token, 'GET', '/api/organisation')).statusCode).toBe(401);
  });

  it("cannot be revoked by another organisation's admin, who gets 404 and leaves it working", async () => {
    const { id, token } = await createToken(await signedIn(adminA), ['organisation:read']);
    const other = await signedIn(adminB);
    const response = await other.delete(`/api/organisation/api-tokens/${id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await withToken(token, 'GET', '/api/organisation')).statusCode).toBe(200);
    const listB = (await other.get('/api/organisation/api-tokens')).json().tokens as { id: string }[];
    expect(listB.map((item) => item.id)).not.toContain(id);
  });

  it('follows its creator: it loses what the creator loses', async () => {
    const creator = await makeUser(t.ctx, orgA.id, { roles: ['admin'], twoFactor: true });
    const { token } = await createToken(await signedIn(creator), ['members:read', 'audit:read']);
    expect((await withToken(token, 'GET', '/api/organisation/audit')).statusCode).toBe(200);

    await t.ctx.db
      .updateTable('memberships')
      .set({ roles: ['member'] })
      .where('user_id', '=', creator.id)
      .execute();
    expect((await withToken(token, 'GET', '/api/organisation/audit')).statusCode).toBe(403);
    expect((await withToken(token, 'GET', '/api/organisation/members')).statusCode).toBe(403);

    await t.ctx.db
      .updateTable('memberships')
      .set({ roles: ['admin'], status: 'disabled' })
      .where('user_id', '=', creator.id)
      .execute();
    expect((await withToken(token, 'GET', '/api/organisation/members')).statusCode).toBe(403);
  });
});
