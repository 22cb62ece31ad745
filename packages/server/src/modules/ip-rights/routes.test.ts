import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let brandId: string;
let other: { client: TestClient; rightsHolderId: string; ipRightId: string };

async function client(kind: OrganisationKind, countryCode: string | null, roles: Role[] = ['admin']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const signedIn = new TestClient(t.app);
  await signIn(signedIn, t.ctx, user);
  return { client: signedIn, organisationId: org.id };
}

const trademark = (registrationNumber: string, overrides: Record<string, unknown> = {}) => ({
  type: 'trademark',
  registrationNumber,
  office: 'EUIPO',
  classes: [25, 18, 25],
  ownerName: 'Trailhawk Sports GmbH',
  validFrom: '2019-04-01',
  validTo: '2029-04-01',
  ...overrides,
});

const errorPaths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

beforeAll(async () => {
  t = await createTestApp({ clock: movableClock(new Date('2026-11-23T09:00:00Z')) });
  const holder = await client('rights_holder', 'DE');
  owner = holder.client;
  rightsHolderId = holder.organisationId;
  brandId = (await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, { name: 'Trailhawk' })).json()
    .id;

  const second = await client('rights_holder', 'IT');
  const right = await second.client.post(
    `/api/rights-holders/${second.organisationId}/ip-rights`,
    trademark('IT-0001', { office: 'UIBM' }),
  );
  expect(right.statusCode).toBe(201);
  other = { client: second.client, rightsHolderId: second.organisationId, ipRightId: right.json().id };
});
afterAll(() => t.close());

describe('IP rights', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/ip-rights`;

  it('are created, read, listed, changed and removed, each write in the audit log', async () => {
    const created = await owner.post(url(), trademark('018012345', { brandId }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      type: 'trademark',
      registrationNumber: '018012345',
      office: 'EUIPO',
      classes: [18, 25],
      ownerName: 'Trailhawk Sports GmbH',
      validFrom: '2019-04-01',
      validTo: '2029-04-01',
      brandId,
      brandName: 'Trailhawk',
      recordationCount: 0,
    });
    const id = created.json().id;

    expect((await owner.get(`${url()}/${id}`)).json().registrationNumber).toBe('018012345');
    const listed = (await owner.get(url())).json().ipRights.map((right: { id: string }) => right.id);
    expect(listed).toEqual([id]);

    const changed = await owner.request(
      'PUT',
      `${url()}/${id}`,
      trademark('018012345', { classes: [25], validTo: '2039-04-01', brandId: null }),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      classes: [25],
      validTo: '2039-04-01',
      brandId: null,
      brandName: null,
    });

    const design = await owner.post(url(), {
      type: 'design',
      registrationNumber: '008765432-0001',
      office: 'EUIPO',
      classes: [2],
      ownerName: 'Trailhawk Sports GmbH',
    });
    expect(design.statusCode).toBe(201);
    expect(design.json()).toMatchObject({ validFrom: null, validTo: null, classes: [2] });
    expect((await owner.get(`${url()}?type=design`)).json().ipRights).toHaveLength(1);

    expect((await owner.delete(`${url()}/${design.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(`${url()}/${design.json().id}`)).statusCode).toBe(404);

    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', rightsHolderId)
      .where('target_type', '=', 'ip_right')
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'ip_right.created',
      'ip_right.updated',
      'ip_right.created',
      'ip_right.deleted',
    ]);
  });

  it.each([
    ['an unknown type', { type: 'utility_model' }, 'type'],
    ['a Nice class above 45', { classes: [25, 46] }, 'classes.1'],
    ['a Nice class 0', { classes: [0] }, 'classes.0'],
    ['classes on a patent', { type: 'patent', classes: [5] }, 'classes.0'],
    ['a Locarno class above 32', { type: 'design', classes: [33] }, 'classes.0'],
    ['an empty registration number', { registrationNumber: '  ' }, 'registrationNumber'],
    ['no office', { office: undefined }, 'office'],
    ['no owner', { ownerName: '' }, 'ownerName'],
    ['an impossible date', { validFrom: '2026-02-30' }, 'validFrom'],
    ['an end before the start', { validFrom: '2026-01-01', validTo: '2025-12-31' }, 'validTo'],
    ['a brand id that is not a uuid', { brandId: 'trailhawk' }, 'brandId'],
  ])('refuses %s, naming the field', async (_name, overrides, path) => {
    const response = await owner.post(url(), trademark(`BAD-${path}`, overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(errorPaths(response.json())).toContain(path);
  });

  it("refuses another rights holder's brand", async () => {
    const foreignBrand = (
      await other.client.post(`/api/rights-holders/${other.rightsHolderId}/brands`, { name: 'Velluto' })
    ).json().id;
    const response = await owner.post(url(), trademark('X-1', { brandId: foreignBrand }));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(['brandId']);
  });

  it('refuses the same registration number at the same office twice', async () => {
    expect((await owner.post(url(), trademark('DUP-1'))).statusCode).toBe(201);
    const again = await owner.post(url(), trademark('DUP-1', { classes: [3] }));
    expect(again.statusCode).toBe(409);
    expect(errorPaths(again.json())).toEqual(['registrationNumber']);
    expect((await owner.post(url(), trademark('DUP-1', { office: 'WIPO' }))).statusCode).toBe(201);
  });

  it("answers 404 for another rights holder's IP right, and leaves it alone", async () => {
    const foreign = `${url()}/${other.ipRightId}`;
    expect((await owner.get(foreign)).statusCode).toBe(404);
    expect((await owner.request('PUT', foreign, trademark('HIJACK'))).statusCode).toBe(404);
    expect((await owner.delete(foreign)).statusCode).toBe(404);
    const mine = await other.client.get(
      `/api/rights-holders/${other.rightsHolderId}/ip-rights/${other.ipRightId}`,
    );
    expect(mine.json().registrationNumber).toBe('IT-0001');
  });
});

describe('recordations', () => {
  const url = () => `/api/rights-holders/${rightsHolderId}/recordations`;
  let ipRightId: string;

  beforeAll(async () => {
    ipRightId = (
      await owner.post(
        `/api/rights-holders/${rightsHolderId}/ip-rights`,
        trademark('REC-1', { office: 'DPMA' }),
      )
    ).json().id;
  });

  const recordation = (reference: string, overrides: Record<string, unknown> = {}) => ({
    countryCode: 'fr',
    reference,
    status: 'granted',
    validFrom: '2025-12-10',
    validTo: '2026-12-10',
    ipRightId,
    ...overrides,
  });

  it('are created, changed and removed, with days to expiry and the 30-day flag', async () => {
    const created = await owner.post(url(), recordation('FR-AFA-2025-118'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      countryCode: 'FR',
      reference: 'FR-AFA-2025-118',
      status: 'granted',
      validTo: '2026-12-10',
      ipRight: { id: ipRightId, type: 'trademark', registrationNumber: 'REC-1', office: 'DPMA' },
      expiresInDays: 17,
      expiringSoon: true,
      remindedAt: null,
    });
    const far = await owner.post(
      url(),
      recordation('KE-2026-7', { countryCode: 'KE', validTo: '2027-06-30' }),
    );
    expect(far.json()).toMatchObject({ expiresInDays: 219, expiringSoon: false });
    const withdrawn = await owner.post(
      url(),
      recordation('ES-2026-3', { countryCode: 'ES', status: 'withdrawn' }),
    );
    expect(withdrawn.json()).toMatchObject({ expiresInDays: 17, expiringSoon: false });
    const past = await owner.post(
      url(),
      recordation('BE-2025-1', { countryCode: 'BE', validTo: '2026-11-01' }),
    );
    expect(past.json()).toMatchObject({ expiresInDays: -22, expiringSoon: false });
    const open = await owner.post(
      url(),
      recordation('US-19-1', { countryCode: 'US', status: 'filed', validTo: null }),
    );
    expect(open.json()).toMatchObject({ expiresInDays: null, expiringSoon: false, validTo: null });

    const list = (await owner.get(url())).json().recordations;
    expect(list.map((r: { reference: string }) => r.reference)).toEqual([
      'BE-2025-1',
      'ES-2026-3',
      'FR-AFA-2025-118',
      'KE-2026-7',
      'US-19-1',
    ]);
    const soon = (await owner.get(`${url()}?expiringSoon=true`)).json().recordations;
    expect(soon.map((r: { reference: string }) => r.reference)).toEqual(['FR-AFA-2025-118']);
    expect((await owner.get(`${url()}?countryCode=ke`)).json().recordations).toHaveLength(1);
    expect((await owner.get(`${url()}?status=withdrawn`)).json().recordations).toHaveLength(1);
    const counted = await owner.get(`/api/rights-holders/${rightsHolderId}/ip-rights/${ipRightId}`);
    expect(counted.json().recordationCount).toBe(5);

    const extended = await owner.request(
      'PUT',
      `${url()}/${created.json().id}`,
      recordation('FR-AFA-2025-118', { validTo: '2027-12-10' }),
    );
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ validTo: '2027-12-10', expiringSoon: false });
    expect((await owner.delete(`${url()}/${past.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(`${url()}/${past.json().id}`)).statusCode).toBe(404);

    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'recordation')
      .where('target_id', 'in', [created.json().id, past.json().id])
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'recordation.created',
      'recordation.created',
      'recordation.updated',
      'recordation.deleted',
    ]);
  });

  it('keep their data when the IP right they rest on is removed', async () => {
    const right = await owner.post(
      `/api/rights-holders/${rightsHolderId}/ip-rights`,
      trademark('GONE-1', { office: 'INPI' }),
    );
    const rec = await owner.post(url(), recordation('FR-GONE', { ipRightId: right.json().id }));
    await owner.delete(`/api/rights-holders/${rightsHolderId}/ip-rights/${right.json().id}`);
    const after = await owner.get(`${url()}/${rec.json().id}`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ reference: 'FR-GONE', ipRight: null });
  });

  it.each([
    ['an unknown country', { countryCode: 'XX' }, 'countryCode'],
    ['an unknown status', { status: 'approved' }, 'status'],
    ['no reference', { reference: '' }, 'reference'],
    ['a date that is not a date', { validTo: '31/12/2026' }, 'validTo'],
    ['an end before the start', { validFrom: '2026-12-11' }, 'validTo'],
  ])('refuses %s, naming the field', async (_name, overrides, path) => {
    const response = await owner.post(url(), recordation('BAD', overrides));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toContain(path);
  });

  it("refuses another rights holder's IP right, and hides its recordations", async () => {
    const response = await owner.post(url(), recordation('FOREIGN', { ipRightId: other.ipRightId }));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(['ipRightId']);
    const theirs = await other.client.post(`/api/rights-holders/${other.rightsHolderId}/recordations`, {
      countryCode: 'IT',
      reference: 'IT-SECRET',
      status: 'filed',
    });
    expect((await owner.get(`${url()}/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await owner.delete(`${url()}/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await owner.get(url())).body).not.toContain('IT-SECRET');
  });
});
