import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

interface AuditEvent {
  id: string;
  action: string;
  organisationId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

let t: TestApp;
let orgA: { id: string };
let orgB: { id: string };
let adminA: TestUser;
let adminB: TestUser;
let operatorAdmin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  orgA = await makeOrganisation(t.ctx);
  orgB = await makeOrganisation(t.ctx);
  adminA = await makeUser(t.ctx, orgA.id, { roles: ['admin'], twoFactor: true });
  adminB = await makeUser(t.ctx, orgB.id, { roles: ['admin'], twoFactor: true });
  const operator = await makeOrganisation(t.ctx, { kind: 'platform_operator' });
  operatorAdmin = await makeUser(t.ctx, operator.id, { roles: ['admin'], twoFactor: true });
});
afterAll(() => t?.close());

async function signedIn(user: TestUser, ip?: string): Promise<TestClient> {
  const client = new TestClient(t.app, ip);
  await signIn(client, t.ctx, user);
  return client;
}

async function invite(client: TestClient, email: string): Promise<void> {
  const response = await client.post('/api/organisation/invitations', {
    email,
    roles: ['member'],
    locale: 'en',
  });
  expect(response.statusCode).toBe(201);
}

async function events(client: TestClient, url: string): Promise<AuditEvent[]> {
  const response = await client.get(url);
  expect(response.statusCode).toBe(200);
  return response.json().events;
}

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, leaving the event as it was', async () => {
    await invite(await signedIn(adminA), 'append-only@example.test');
    const before = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);

    await expect(sql`update audit_events set action = 'rewritten'`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(
      t.ctx.db.deleteFrom('audit_events').where('action', '=', 'member.invited').execute(),
    ).rejects.toThrow(/append-only/);

    const after = await t.ctx.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(after.slice(0, before.length)).toEqual(before);
  });
});

describe("an organisation's audit log", () => {
  it("shows its admin the organisation's own events and nothing of another organisation", async () => {
    await invite(await signedIn(adminA), 'invitee-of-a@example.test');
    await invite(await signedIn(adminB), 'invitee-of-b@example.test');

    const client = await signedIn(adminA);
    const response = await client.get('/api/organisation/audit?limit=200');
    expect(response.statusCode).toBe(200);
    const list: AuditEvent[] = response.json().events;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((event) => event.organisationId === orgA.id)).toBe(true);
    const invited = list.find((event) => event.action === 'member.invited');
    expect(invited).toMatchObject({
      actorUserId: adminA.id,
      details: { email: 'invitee-of-a@example.test' },
    });
    expect(invited!.actorName).toBeTruthy();
    expect(response.body).not.toContain('invitee-of-b@example.test');
    expect(response.body).not.toContain(adminB.id);
  });

  it('ignores an organisationId asked for by an organisation admin', async () => {
    const client = await signedIn(adminA);
    const list = await events(client, `/api/organisation/audit?limit=200&organisationId=${orgB.id}`);
    expect(list.every((event) => event.organisationId === orgA.id)).toBe(true);
  });

  it('is refused to members who are not admins', async () => {
    const member = await makeUser(t.ctx, orgA.id, { roles: ['member'] });
    const response = await (await signedIn(member)).get('/api/organisation/audit');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect((await new TestClient(t.app).get('/api/organisation/audit')).statusCode).toBe(401);
  });

  it('filters by action', async () => {
    const list = await events(
      await signedIn(adminA),
      '/api/organisation/audit?action=member.invited&limit=200',
    );
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((event) => event.action))).toEqual(new Set(['member.invited']));
  });
});

describe("the operator's audit log", () => {
  it('shows every organisation, and one organisation when filtered', async () => {
    await invite(await signedIn(adminA), 'operator-sees-a@example.test');
    await invite(await signedIn(adminB), 'operator-sees-b@example.test');
    const operator = await signedIn(operatorAdmin);

    const all = await events(operator, '/api/operator/audit?limit=200');
    const organisations = new Set(all.map((event) => event.organisationId));
    expect(organisations).toContain(orgA.id);
    expect(organisations).toContain(orgB.id);

    const onlyB = await events(operator, `/api/operator/audit?limit=200&organisationId=${orgB.id}`);
    expect(onlyB.length).toBeGreaterThan(0);
    expect(onlyB.every((event) => event.organisationId === orgB.id)).toBe(true);
    expect(JSON.stringify(onlyB)).toContain('operator-sees-b@example.test');
    expect(JSON.stringify(onlyB)).not.toContain('operator-sees-a@example.test');
  });

  it('is refused to organisation admins and to operator members who are not admins', async () => {
    expect((await (await signedIn(adminA)).get('/api/operator/audit')).statusCode).toBe(403);
    const operatorMember = await makeUser(t.ctx, operatorAdmin.organisationId, {
      roles: ['member'],
      twoFactor: true,
    });
    expect((await (await signedIn(operatorMember)).get('/api/operator/audit')).statusCode).toBe(403);
  });
});

describe('paging through the audit log', () => {
  it('returns disjoint pages, newest first, until nextBefore is null', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = await signedIn(admin);
    for (let index = 0; index < 5; index += 1) await invite(client, `page-${index}@example.test`);
    const everything = await events(client, '/api/organisation/audit?limit=200');
    expect(everything.length).toBeGreaterThanOrEqual(6); // sign-in + five invitations

    const pages: AuditEvent[][] = [];
    let url = '/api/organisation/audit?limit=2';
    for (let guard = 0; guard < 20; guard += 1) {
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      const page = response.json();
      pages.push(page.events);
      if (page.nextBefore === null) break;
      expect(page.events).toHaveLength(2);
      expect(page.nextBefore).toBe(Number(page.events.at(-1).id));
      url = `/api/organisation/audit?limit=2&before=${page.nextBefore}`;
    }
    const ids = pages.flat().map((event) => Number(event.id));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids).toEqual(everything.map((event) => Number(event.id)));
  });

  it('refuses a page size beyond the maximum', async () => {
    const response = await (await signedIn(adminA)).get('/api/organisation/audit?limit=100000');
    expect(response.statusCode).toBe(400);
  });
});

describe('sign-in events', () => {
  it('record successful and failed sign-ins with the client IP, visible to the admin', async () => {
    const member = await makeUser(t.ctx, orgA.id, { roles: ['member'] });
    const wrong = await new TestClient(t.app, '198.51.100.4').post('/api/session', {
      email: member.email,
      password: 'not the right password',
    });
    expect(wrong.statusCode).toBe(401);
    await signedIn(member, '203.0.113.9');

    const list = await events(await signedIn(adminA), '/api/organisation/audit?limit=200');
    const mine = list.filter((event) => event.actorUserId === member.id);
    expect(mine.find((event) => event.action === 'session.sign_in_failed')).toMatchObject({
      ip: '198.51.100.4',
    });
    expect(mine.find((event) => event.action === 'session.sign_in')).toMatchObject({ ip: '203.0.113.9' });
  });
});
