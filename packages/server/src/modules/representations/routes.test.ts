import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let rightsHolderId: string;
let admin: TestClient;
let member: TestClient;

async function client(
  kind: OrganisationKind,
  roles: Role[] = ['admin'],
  options: { countryCode?: string | null; organisationId?: string; name?: string } = {},
) {
  const enforcement = ['customs', 'police', 'other_enforcement'].includes(kind);
  const organisationId =
    options.organisationId ??
    (
      await makeOrganisation(t.ctx, {
        kind,
        countryCode: options.countryCode ?? (enforcement ? 'FR' : null),
        ...(options.name ? { name: options.name } : {}),
      })
    ).id;
  const user = await makeUser(t.ctx, organisationId, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId };
}

const errorPaths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

beforeAll(async () => {
  t = await createTestApp();
  const holder = await client('rights_holder', ['admin'], { name: 'Norvalin Pharma AS' });
  admin = holder.client;
  rightsHolderId = holder.organisationId;
  member = (await client('rights_holder', ['member'], { organisationId: rightsHolderId })).client;
});
afterAll(() => t.close());

describe('appointing legal representatives', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/representations`;

  it('lets a rights-holder admin appoint and revoke a firm, which then manages the portfolio and sees the rights holder in its switcher', async () => {
    const firm = await client('legal_representative', ['member'], { name: 'Ferro & Partners' });
    const products = `/api/rights-holders/${rightsHolderId}/contacts`;
    expect((await firm.client.get(products)).statusCode).toBe(404);
    expect((await firm.client.get('/api/representations')).json()).toEqual({ rightsHolders: [] });

    const appointed = await admin.post(url(), { legalRepresentativeId: firm.organisationId });
    expect(appointed.statusCode).toBe(201);
    expect(appointed.json()).toEqual({
      legalRepresentative: { id: firm.organisationId, name: 'Ferro & Partners', countryCode: null },
      createdAt: expect.any(String),
    });
    expect((await admin.get(url())).json().representations).toHaveLength(1);
    expect((await member.get(url())).json().representations).toHaveLength(1);
    expect((await firm.client.get(products)).statusCode).toBe(200);
    expect((await firm.client.get('/api/representations')).json()).toEqual({
      rightsHolders: [{ id: rightsHolderId, name: 'Norvalin Pharma AS', countryCode: null }],
    });

    const again = await admin.post(url(), { legalRepresentativeId: firm.organisationId });
    expect(again.statusCode).toBe(409);
    expect(errorPaths(again.json())).toEqual(['legalRepresentativeId']);

    expect((await admin.delete(`${url()}/${firm.organisationId}`)).statusCode).toBe(204);
    expect((await admin.delete(`${url()}/${firm.organisationId}`)).statusCode).toBe(404);
    expect((await firm.client.get(products)).statusCode).toBe(404);
    expect((await firm.client.get('/api/representations')).json()).toEqual({ rightsHolders: [] });

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'actor_organisation_id'])
      .where('organisation_id', '=', rightsHolderId)
      .where('action', 'like', 'representation.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'representation.appointed',
        target_id: firm.organisationId,
        actor_organisation_id: rightsHolderId,
      },
      {
        action: 'representation.revoked',
        target_id: firm.organisationId,
        actor_organisation_id: rightsHolderId,
      },
    ]);
  });

  it('refuses anything but an approved legal representative firm, naming the field', async () => {
    const customs = await makeOrganisation(t.ctx, { kind: 'customs', countryCode: 'FR' });
    const pending = await makeOrganisation(t.ctx, { kind: 'legal_representative', status: 'pending' });
    const otherHolder = await makeOrganisation(t.ctx, { kind: 'rights_holder' });
    for (const id of [
      customs.id,
      pending.id,
      otherHolder.id,
      rightsHolderId,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const response = await admin.post(url(), { legalRepresentativeId: id });
      expect(response.statusCode, id).toBe(400);
      expect(errorPaths(response.json())).toEqual(['legalRepresentativeId']);
    }
    const malformed = await admin.post(url(), { legalRepresentativeId: 'ferro' });
    expect(malformed.statusCode).toBe(400);
    expect(errorPaths(malformed.json())).toEqual(['legalRepresentativeId']);
  });

  it('is for admins of the rights holder itself: a member is refused, anyone else finds nothing', async () => {
    const firm = await makeOrganisation(t.ctx, { kind: 'legal_representative' });
    const forbidden = await member.post(url(), { legalRepresentativeId: firm.id });
    expect(forbidden.statusCode).toBe(403);

    const appointedFirm = await client('legal_representative', ['admin']);
    await admin.post(url(), { legalRepresentativeId: appointedFirm.organisationId });
    expect((await member.delete(`${url()}/${appointedFirm.organisationId}`)).statusCode).toBe(403);
    // An appointed firm manages the portfolio, not who represents the rights holder.
    expect((await appointedFirm.client.get(url())).statusCode).toBe(404);
    expect((await appointedFirm.client.post(url(), { legalRepresentativeId: firm.id })).statusCode).toBe(404);
    expect((await appointedFirm.client.delete(`${url()}/${appointedFirm.organisationId}`)).statusCode).toBe(
      404,
    );

    for (const kind of ['rights_holder', 'customs', 'platform_operator'] as const) {
      const outsider = await client(kind, ['admin']);
      expect((await outsider.client.get(url())).statusCode, kind).toBe(404);
      expect((await outsider.client.post(url(), { legalRepresentativeId: firm.id })).statusCode, kind).toBe(
        404,
      );
    }
    const names = (await admin.get(url()))
      .json()
      .representations.map((r: { legalRepresentative: { id: string } }) => r.legalRepresentative.id);
    expect(names).toEqual([appointedFirm.organisationId]);
  });

  it('lists in the switcher every approved rights holder a firm represents, by name', async () => {
    const firm = await client('legal_representative', ['member']);
    const holders = await Promise.all(
      ['Zephyr Electronics', 'Atlas Leather', 'Suspended Brands'].map((name) =>
        makeOrganisation(t.ctx, { kind: 'rights_holder', name, countryCode: 'IT' }),
      ),
    );
    await t.ctx.db
      .insertInto('representations')
      .values(
        holders.map((holder) => ({
          legal_representative_id: firm.organisationId,
          rights_holder_id: holder.id,
        })),
      )
      .execute();
    await t.ctx.db
      .updateTable('organisations')
      .set({ status: 'suspended' })
      .where('id', '=', holders[2]!.id)
      .execute();
    expect((await firm.client.get('/api/representations')).json().rightsHolders).toEqual([
      { id: holders[1]!.id, name: 'Atlas Leather', countryCode: 'IT' },
      { id: holders[0]!.id, name: 'Zephyr Electronics', countryCode: 'IT' },
    ]);
    expect((await admin.get('/api/representations')).json()).toEqual({ rightsHolders: [] });
    expect((await new TestClient(t.app).get('/api/representations')).statusCode).toBe(401);
  });
});

describe('who manages IP rights, recordations, supply chain and contacts', () => {
  let serial = 0;
  const writes: Record<string, () => unknown> = {
    'ip-rights': () => ({
      type: 'trademark',
      registrationNumber: `M-${++serial}`,
      office: 'EUIPO',
      classes: [5],
      ownerName: 'Norvalin Pharma AS',
    }),
    recordations: () => ({ countryCode: 'FR', reference: `R-${++serial}`, status: 'filed' }),
    'supply-chain/entries': () => ({ role: 'manufacturer', name: `Plant ${++serial}`, countryCode: 'NO' }),
    'supply-chain/routes': () => ({ originCountry: 'NO', destinationCountry: 'FR', transportMode: 'ROAD' }),
    contacts: () => ({ name: `Contact ${++serial}`, phone: '+47 22 00 00 00' }),
  };
  const resources = Object.keys(writes);

  const viewers = [
    { name: 'rights-holder admin', manages: true },
    { name: 'rights-holder member', manages: true },
    { name: 'appointed legal representative admin', manages: true },
    { name: 'appointed legal representative member', manages: true },
    { name: 'revoked legal representative', manages: false },
    { name: 'unappointed legal representative', manages: false },
    { name: 'another rights-holder admin', manages: false },
    { name: 'customs officer', manages: false },
    { name: 'customs national coordinator', manages: false },
    { name: 'police officer', manages: false },
    { name: 'market surveillance officer', manages: false },
    { name: 'industry association admin', manages: false },
    { name: 'platform operator admin', manages: false },
    { name: 'anonymous', manages: false },
  ] as const;
  type ViewerName = (typeof viewers)[number]['name'];
  const clients = new Map<ViewerName, TestClient>();

  beforeAll(async () => {
    clients.set('rights-holder admin', admin);
    clients.set('rights-holder member', member);
    const appointed = await client('legal_representative', ['admin']);
    await admin.post(`/api/rights-holders/${rightsHolderId}/representations`, {
      legalRepresentativeId: appointed.organisationId,
    });
    clients.set('appointed legal representative admin', appointed.client);
    clients.set(
      'appointed legal representative member',
      (await client('legal_representative', ['member'], { organisationId: appointed.organisationId })).client,
    );
    const revoked = await client('legal_representative', ['admin']);
    await admin.post(`/api/rights-holders/${rightsHolderId}/representations`, {
      legalRepresentativeId: revoked.organisationId,
    });
    await admin.delete(`/api/rights-holders/${rightsHolderId}/representations/${revoked.organisationId}`);
    clients.set('revoked legal representative', revoked.client);
    clients.set('unappointed legal representative', (await client('legal_representative')).client);
    clients.set('another rights-holder admin', (await client('rights_holder')).client);
    clients.set('customs officer', (await client('customs', ['officer'])).client);
    clients.set(
      'customs national coordinator',
      (await client('customs', ['national_coordinator', 'admin'])).client,
    );
    clients.set('police officer', (await client('police', ['officer'])).client);
    clients.set('market surveillance officer', (await client('other_enforcement', ['officer'])).client);
    clients.set('industry association admin', (await client('industry_association')).client);
    clients.set('platform operator admin', (await client('platform_operator')).client);
    clients.set('anonymous', new TestClient(t.app));
    // Something to read in each list.
    for (const resource of resources)
      expect(
        (await admin.post(`/api/rights-holders/${rightsHolderId}/${resource}`, writes[resource]!()))
          .statusCode,
      ).toBe(201);
  });

  const cases = viewers.flatMap((viewer) => resources.map((resource) => ({ viewer, resource })));

  it.each(cases)('$viewer.name on $resource: manages $viewer.manages', async ({ viewer, resource }) => {
    const as = clients.get(viewer.name)!;
    const url = `/api/rights-holders/${rightsHolderId}/${resource}`;
    const refused = viewer.name === 'anonymous' ? 401 : 404;
    const before = (await admin.get(url)).body;

    const read = await as.get(url);
    const write = await as.post(url, writes[resource]!());
    if (viewer.manages) {
      expect(read.statusCode).toBe(200);
      expect(read.body).toBe(before);
      expect(write.statusCode).toBe(201);
      const audit = await t.ctx.db
        .selectFrom('audit_events')
        .select(['organisation_id', 'action'])
        .where('target_id', '=', write.json().id)
        .executeTakeFirstOrThrow();
      expect(audit.organisation_id).toBe(rightsHolderId);
      expect(audit.action).toMatch(/\.created$/);
      const id = write.json().id;
      expect((await as.delete(`${url}/${id}`)).statusCode).toBe(204);
    } else {
      expect(read.statusCode).toBe(refused);
      expect(write.statusCode).toBe(refused);
      expect(read.body).not.toContain('Norvalin');
      expect((await admin.get(url)).body).toBe(before);
      // Nor can they reach a record by its id.
      const existing = Object.values((await admin.get(url)).json()).flat()[0] as { id: string };
      expect((await as.get(`${url}/${existing.id}`)).statusCode).toBe(refused);
      expect((await as.delete(`${url}/${existing.id}`)).statusCode).toBe(refused);
    }
  });

  it.each(viewers)('$name on the import template: manages $manages', async (viewer) => {
    const response = await clients
      .get(viewer.name)!
      .get(`/api/rights-holders/${rightsHolderId}/supply-chain/template?format=csv`);
    expect(response.statusCode).toBe(viewer.manages ? 200 : viewer.name === 'anonymous' ? 401 : 404);
  });
});
