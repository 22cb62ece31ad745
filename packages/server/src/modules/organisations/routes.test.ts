import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkFrom,
  mailTo,
  makeOrganisation,
  makeUser,
  signIn,
  TEST_PASSWORD,
} from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let operator: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const operatorOrg = await makeOrganisation(t.ctx, { kind: 'platform_operator', countryCode: null });
  operator = new TestClient(t.app);
  await signIn(
    operator,
    t.ctx,
    await makeUser(t.ctx, operatorOrg.id, {
      roles: ['admin'],
      twoFactor: true,
      email: 'operator@example.test',
    }),
  );
});
afterAll(() => t.close());

const registration = (
  overrides: { kind?: string; countryCode?: string; email?: string; name?: string } = {},
) => ({
  organisation: {
    name: overrides.name ?? `Brightwater Optics ${Math.random().toString(36).slice(2, 8)}`,
    kind: overrides.kind ?? 'rights_holder',
    ...(overrides.countryCode ? { countryCode: overrides.countryCode } : {}),
  },
  admin: {
    name: 'Hana Novak',
    email: overrides.email ?? `hana-${Math.random().toString(36).slice(2, 8)}@brightwater.example`,
    password: TEST_PASSWORD,
    locale: 'fr',
  },
});

const countRows = async (table: 'organisations' | 'users' | 'memberships') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('an organisation asks to join', () => {
  it('waits for the operator, who approves it; its admin is told in their language', async () => {
    const body = registration();
    const created = await new TestClient(t.app).post('/api/registrations', body);
    expect(created.statusCode).toBe(201);
    const { organisationId } = created.json();

    const applicant = new TestClient(t.app);
    const signedIn = await applicant.post('/api/session', {
      email: body.admin.email,
      password: TEST_PASSWORD,
    });
    expect(signedIn.json().organisation.status).toBe('pending');
    expect(signedIn.json().stage).toBe('two_factor_enrolment_required');

    const pending = await operator.get('/api/operator/organisations?status=pending');
    expect(pending.json().organisations.map((o: { id: string }) => o.id)).toContain(organisationId);
    expect((await mailTo(t.ctx, 'operator@example.test'))[0]?.template).toBe('registration_received');

    const approved = await operator.post(`/api/operator/organisations/${organisationId}/approve`, {
      note: 'Checked the trademark register',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'active',
      decisionNote: 'Checked the trademark register',
      memberCount: 1,
    });
    const [mail] = await mailTo(t.ctx, body.admin.email);
    expect(mail).toMatchObject({ template: 'organisation_approved', locale: 'fr' });
    expect(mail?.subject).toContain('approuvée');

    expect((await operator.post(`/api/operator/organisations/${organisationId}/reject`, {})).statusCode).toBe(
      409,
    );
    const audit = await operator.get(`/api/operator/audit?organisationId=${organisationId}`);
    expect(audit.json().events.map((e: { action: string }) => e.action)).toEqual([
      'organisation.approved',
      'organisation.registered',
    ]);
  });

  it('makes whoever registers an enforcement organisation its national coordinator', async () => {
    const body = registration({ kind: 'customs', countryCode: 'pt' });
    const { organisationId } = (await new TestClient(t.app).post('/api/registrations', body)).json();
    const row = await t.ctx.db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select(['memberships.roles', 'organisations.country_code'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ roles: ['admin', 'national_coordinator'], country_code: 'PT' });
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await Promise.all([countRows('organisations'), countRows('users')]);
    const client = new TestClient(t.app);
    const noCountry = await client.post('/api/registrations', registration({ kind: 'police' }));
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'organisation.countryCode' }),
    );
    const badCountry = await client.post(
      '/api/registrations',
      registration({ kind: 'police', countryCode: 'XX' }),
    );
    expect(badCountry.json().error.details[0].path).toBe('organisation.countryCode');
    const operatorKind = await client.post('/api/registrations', registration({ kind: 'platform_operator' }));
    expect(operatorKind.statusCode).toBe(400);
    const taken = registration();
    expect((await client.post('/api/registrations', taken)).statusCode).toBe(201);
    const again = await client.post('/api/registrations', { ...registration(), admin: taken.admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe('admin.email');
    const sameName = await client.post('/api/registrations', {
      ...registration(),
      organisation: taken.organisation,
    });
    expect(sameName.statusCode).toBe(409);
    const after = await Promise.all([countRows('organisations'), countRows('users')]);
    expect(after).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it('keeps a pending organisation out of member pages until approved, and a rejected one out of sign-in', async () => {
    const body = registration();
    const { organisationId } = (await new TestClient(t.app).post('/api/registrations', body)).json();
    await operator.post(`/api/operator/organisations/${organisationId}/reject`, {
      note: 'Not a rights holder',
    });
    const [mail] = await mailTo(t.ctx, body.admin.email);
    expect(mail?.text_body).toContain('Not a rights holder');
    const refused = await new TestClient(t.app).post('/api/session', {
      email: body.admin.email,
      password: TEST_PASSWORD,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('officers join their administration', () => {
  it('lets an officer ask to join; only the national coordinator approves', async () => {
    const customs = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'ES' });
    const coordinator = await makeUser(t.ctx, customs.id, {
      roles: ['national_coordinator'],
      twoFactor: true,
      locale: 'es',
    });
    const admin = await makeUser(t.ctx, customs.id, { roles: ['admin'], twoFactor: true });

    const directory = await new TestClient(t.app).get(
      '/api/directory/enforcement-organisations?countryCode=ES',
    );
    expect(directory.json().organisations.map((o: { id: string }) => o.id)).toEqual([customs.id]);

    const email = 'new.officer@aduana.example';
    const request = await new TestClient(t.app).post('/api/join-requests', {
      organisationId: customs.id,
      name: 'Lucía Ortega',
      email,
      password: TEST_PASSWORD,
      locale: 'es',
      roles: ['officer'],
      note: 'Puerto de Algeciras (ESALG)',
    });
    expect(request.statusCode).toBe(201);
    expect((await mailTo(t.ctx, coordinator.email))[0]?.template).toBe('join_request_received');

    const officer = new TestClient(t.app);
    await officer.post('/api/session', { email, password: TEST_PASSWORD });
    expect((await officer.get('/api/session')).json().membershipStatus).toBe('pending');

    const userId = (
      await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    const adminClient = new TestClient(t.app);
    await signIn(adminClient, t.ctx, admin);
    expect((await adminClient.post(`/api/organisation/members/${userId}/approve`)).statusCode).toBe(403);

    const coordinatorClient = new TestClient(t.app);
    await signIn(coordinatorClient, t.ctx, coordinator);
    const approved = await coordinatorClient.post(`/api/organisation/members/${userId}/approve`);
    expect(approved.json()).toMatchObject({ status: 'active', roles: ['officer'] });
    expect((await mailTo(t.ctx, email))[0]?.template).toBe('membership_approved');
    expect((await coordinatorClient.post(`/api/organisation/members/${userId}/reject`)).statusCode).toBe(409);
  });

  it('refuses a role that does not exist in a rights holder', async () => {
    const rightsHolder = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, rightsHolder.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const response = await client.post('/api/organisation/invitations', {
      email: 'x@brand.example',
      roles: ['officer'],
      locale: 'en',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('roles');
  });
});

describe('invitations', () => {
  it('onboards an invited member through the emailed link, once', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const email = 'new.colleague@brand.example';
    const invited = await client.post('/api/organisation/invitations', {
      email: 'New.Colleague@brand.example ',
      roles: ['member'],
      locale: 'es',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, status: 'pending', roles: ['member'] });

    const [mail] = await mailTo(t.ctx, email);
    expect(mail?.subject).toContain('Le invitan');
    const path = linkFrom(mail!.text_body, '/invitations/');
    const visitor = new TestClient(t.app);
    const preview = await visitor.get(`/api${path}`);
    expect(preview.json()).toMatchObject({ organisationName: org.name, email, needsApproval: false });
    expect(
      (
        await visitor.post(`/api${path}/accept`, {
          name: 'Nuevo Colega',
          password: TEST_PASSWORD,
          locale: 'es',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await visitor.post(`/api${path}/accept`, {
          name: 'Nuevo Colega',
          password: TEST_PASSWORD,
          locale: 'es',
        })
      ).statusCode,
    ).toBe(404);
    const session = await visitor.post('/api/session', { email, password: TEST_PASSWORD });
    expect(session.json()).toMatchObject({ stage: 'active', membershipStatus: 'active', roles: ['member'] });
    expect((await client.get('/api/organisation/invitations')).json().invitations[0].status).toBe('accepted');
  });

  it('kills a revoked invitation link', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const invited = (
      await client.post('/api/organisation/invitations', {
        email: 'revoked@brand.example',
        roles: ['member'],
        locale: 'en',
      })
    ).json();
    const path = linkFrom((await mailTo(t.ctx, 'revoked@brand.example'))[0]!.text_body, '/invitations/');
    expect((await client.delete(`/api/organisation/invitations/${invited.id}`)).statusCode).toBe(204);
    expect((await new TestClient(t.app).get(`/api${path}`)).statusCode).toBe(404);
  });

  it('puts an officer invited by a plain admin of an administration in the coordinator queue', async () => {
    const customs = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'BE' });
    await makeUser(t.ctx, customs.id, { roles: ['national_coordinator'], twoFactor: true });
    const admin = await makeUser(t.ctx, customs.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    await client.post('/api/organisation/invitations', {
      email: 'officer.be@douane.example',
      roles: ['officer'],
      locale: 'fr',
    });
    const path = linkFrom((await mailTo(t.ctx, 'officer.be@douane.example'))[0]!.text_body, '/invitations/');
    const visitor = new TestClient(t.app);
    expect((await visitor.get(`/api${path}`)).json().needsApproval).toBe(true);
    await visitor.post(`/api${path}/accept`, { name: 'Agent Belge', password: TEST_PASSWORD, locale: 'fr' });
    const signedIn = await visitor.post('/api/session', {
      email: 'officer.be@douane.example',
      password: TEST_PASSWORD,
    });
    expect(signedIn.json().membershipStatus).toBe('pending');
  });
});

describe('managing members', () => {
  it('never leaves an organisation without an active admin', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    const response = await client.patch(`/api/organisation/members/${admin.id}`, { roles: ['member'] });
    expect(response.statusCode).toBe(400);
    const roles = await t.ctx.db
      .selectFrom('memberships')
      .select('roles')
      .where('user_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(roles.roles).toEqual(['admin']);
  });

  it('signs a disabled member out at once', async () => {
    const org = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
    const member = await makeUser(t.ctx, org.id, { roles: ['member'] });
    const adminClient = new TestClient(t.app);
    const memberClient = new TestClient(t.app);
    await signIn(adminClient, t.ctx, admin);
    await signIn(memberClient, t.ctx, member);
    expect(
      (await adminClient.patch(`/api/organisation/members/${member.id}`, { status: 'disabled' })).statusCode,
    ).toBe(200);
    expect((await memberClient.get('/api/session')).json().user).toBeNull();
  });

  it("answers 404 for another organisation's member, so ids cannot be probed", async () => {
    const mine = await makeOrganisation(t.ctx);
    const theirs = await makeOrganisation(t.ctx);
    const admin = await makeUser(t.ctx, mine.id, { roles: ['admin'], twoFactor: true });
    const stranger = await makeUser(t.ctx, theirs.id, { roles: ['member'] });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, admin);
    expect(
      (await client.patch(`/api/organisation/members/${stranger.id}`, { status: 'disabled' })).statusCode,
    ).toBe(404);
    const members = (await client.get('/api/organisation/members'))
      .json()
      .members.map((m: { userId: string }) => m.userId);
    expect(members).toEqual([admin.id]);
  });
});

describe('who may see and do what', () => {
  const kinds: OrganisationKind[] = [
    'customs',
    'police',
    'other_enforcement',
    'rights_holder',
    'legal_representative',
    'industry_association',
    'platform_operator',
  ];
  const rolesFor = (kind: OrganisationKind): Role[] =>
    ['customs', 'police', 'other_enforcement'].includes(kind)
      ? ['admin', 'member', 'national_coordinator', 'officer', 'analyst']
      : ['admin', 'member'];
  const cases = kinds.flatMap((kind) => rolesFor(kind).map((role) => ({ kind, role })));

  it.each(cases)('$kind $role', async ({ kind, role }) => {
    const org = await makeOrganisation(t.ctx, {
      kind,
      countryCode:
        kind === 'platform_operator' || kind.startsWith('r') || kind.startsWith('l') || kind.startsWith('i')
          ? null
          : 'IT',
    });
    const user = await makeUser(t.ctx, org.id, { roles: [role], twoFactor: true });
    const client = new TestClient(t.app);
    await signIn(client, t.ctx, user);
    const status = async (method: 'GET' | 'POST', url: string, body?: unknown) =>
      (await client.request(method, url, body)).statusCode;

    const admin = role === 'admin';
    const managesMembers = admin || role === 'national_coordinator';
    const isOperatorAdmin = kind === 'platform_operator' && admin;
    const observed = {
      organisation: await status('GET', '/api/organisation'),
      members: await status('GET', '/api/organisation/members'),
      invitations: await status('GET', '/api/organisation/invitations'),
      audit: await status('GET', '/api/organisation/audit'),
      tokens: await status('GET', '/api/organisation/api-tokens'),
      operatorOrganisations: await status('GET', '/api/operator/organisations'),
      outbox: await status('GET', '/api/operator/outbox'),
      operatorAudit: await status('GET', '/api/operator/audit'),
    };
    expect(observed).toEqual({
      organisation: 200,
      members: managesMembers ? 200 : 403,
      invitations: managesMembers ? 200 : 403,
      audit: admin ? 200 : 403,
      tokens: admin ? 200 : 403,
      operatorOrganisations: isOperatorAdmin ? 200 : 403,
      outbox: isOperatorAdmin ? 200 : 403,
      operatorAudit: isOperatorAdmin ? 200 : 403,
    });
  });

  it('keeps anonymous callers out of everything but the public forms', async () => {
    const anonymous = new TestClient(t.app);
    for (const url of [
      '/api/organisation',
      '/api/organisation/members',
      '/api/organisation/audit',
      '/api/operator/organisations',
      '/api/operator/outbox',
    ]) {
      expect((await anonymous.get(url)).statusCode, url).toBe(401);
    }
  });
});
