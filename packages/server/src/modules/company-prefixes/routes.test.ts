import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;
const clock = movableClock();

async function member(kind: OrganisationKind, roles: Role[] = ['admin']) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode: 'FR' });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return { client, organisationId: org.id };
}

let holder: Awaited<ReturnType<typeof member>>;
const url = (rightsHolderId = holder.organisationId) =>
  `/api/rights-holders/${rightsHolderId}/company-prefixes`;
const paths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

beforeAll(async () => {
  t = await createTestApp({ clock });
  holder = await member('rights_holder');
});
afterAll(() => t.close());

describe('company prefixes', () => {
  it('are replaced as a list, keep their date, and each change is audited', async () => {
    expect((await holder.client.get(url())).json()).toEqual({ prefixes: [] });
    const first = await holder.client.request('PUT', url(), { prefixes: ['5901234', ' 312345 '] });
    expect(first.statusCode).toBe(200);
    const declaredAt = clock.now().toISOString();
    expect(first.json()).toEqual({
      prefixes: [
        { prefix: '312345', createdAt: declaredAt },
        { prefix: '5901234', createdAt: declaredAt },
      ],
    });
    clock.advance(3600);
    const second = await holder.client.request('PUT', url(), { prefixes: ['5901234', '400638133'] });
    expect(second.json().prefixes).toEqual([
      { prefix: '400638133', createdAt: clock.now().toISOString() },
      { prefix: '5901234', createdAt: declaredAt },
    ]);
    expect((await holder.client.get(url())).json()).toEqual(second.json());

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', 'company_prefixes.changed')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.details)).toEqual([
      { added: ['5901234', '312345'], removed: [] },
      { added: ['400638133'], removed: ['312345'] },
    ]);
  });

  it.each([
    ['too short', ['12345'], 'prefixes.0'],
    ['too long', ['1234567890123'], 'prefixes.0'],
    ['not digits', ['59O1234'], 'prefixes.0'],
    ['the same prefix twice', ['5901234', '7038010', '5901234'], 'prefixes.2'],
    ['in the GTIN-8 range', ['0000012'], 'prefixes.0'],
    ['for restricted circulation', ['5901234', '2012345'], 'prefixes.1'],
  ])('refuse a prefix %s at its index', async (_case, prefixes, path) => {
    const response = await holder.client.request('PUT', url(), { prefixes });
    expect(response.statusCode).toBe(400);
    expect(paths(response.json())).toContain(path);
  });

  it("refuse another rights holder's prefix with 409 at the field", async () => {
    const other = await member('rights_holder');
    const response = await other.client.request('PUT', url(other.organisationId), {
      prefixes: ['7038010', '5901234'],
    });
    expect(response.statusCode).toBe(409);
    expect(paths(response.json())).toEqual(['prefixes.1']);
    expect((await other.client.get(url(other.organisationId))).json().prefixes).toEqual([]);
  });

  it.each([
    ['inside', '59012345'],
    ['around', '590123'],
  ])(
    "refuse a prefix %s another rights holder's, which would take over its lookups",
    async (_case, prefix) => {
      const other = await member('rights_holder');
      const response = await other.client.request('PUT', url(other.organisationId), {
        prefixes: ['7038010', prefix],
      });
      expect(response.statusCode).toBe(409);
      expect(paths(response.json())).toEqual(['prefixes.1']);
      expect((await other.client.get(url(other.organisationId))).json().prefixes).toEqual([]);
    },
  );

  it('are managed by any member of the rights holder and by its legal representative only', async () => {
    const memberOfHolder = new TestClient(t.app);
    await signIn(memberOfHolder, t.ctx, await makeUser(t.ctx, holder.organisationId, { roles: ['member'] }));
    expect((await memberOfHolder.get(url())).statusCode).toBe(200);

    const firm = await member('legal_representative');
    expect((await firm.client.get(url())).statusCode).toBe(404);
    await t.ctx.db
      .insertInto('representations')
      .values({ legal_representative_id: firm.organisationId, rights_holder_id: holder.organisationId })
      .execute();
    const byFirm = await firm.client.request('PUT', url(), { prefixes: ['5901234', '7038010'] });
    expect(byFirm.statusCode).toBe(200);

    for (const kind of ['rights_holder', 'customs'] as const) {
      const stranger = await member(kind);
      expect((await stranger.client.get(url())).statusCode).toBe(404);
      expect((await stranger.client.request('PUT', url(), { prefixes: [] })).statusCode).toBe(404);
    }
    expect((await new TestClient(t.app).get(url())).statusCode).toBe(401);
    expect((await holder.client.get(url())).json().prefixes).toHaveLength(2);
  });
});
