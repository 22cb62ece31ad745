import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

let t: TestApp;

async function member(kind: OrganisationKind, countryCode: string | null, roles: Role[]) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return client;
}

const policy = {
  answerDays: 10,
  perishableDays: 3,
  timeZone: 'Europe/Paris',
  holidays: ['2026-12-25', '2026-11-11', '2026-12-25'],
  weekend: [6, 0],
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('country case policies', () => {
  it('default to 10 and 3 working days, Saturday and Sunday off, until a country sets its own', async () => {
    const officer = await member('customs', 'FR', ['officer']);
    expect((await officer.get('/api/case-policies/fr')).json()).toEqual({
      countryCode: 'FR',
      answerDays: 10,
      perishableDays: 3,
      timeZone: 'UTC',
      holidays: [],
      weekend: [0, 6],
      isDefault: true,
      updatedAt: null,
    });
  });

  it("are set by the country's national coordinator or the operator, audited, and read by anyone signed in", async () => {
    const coordinator = await member('customs', 'FR', ['national_coordinator']);
    const saved = await coordinator.request('PUT', '/api/case-policies/FR', policy);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      countryCode: 'FR',
      timeZone: 'Europe/Paris',
      holidays: ['2026-11-11', '2026-12-25'],
      weekend: [0, 6],
      isDefault: false,
    });
    const holder = await member('rights_holder', 'IT', ['admin']);
    expect((await holder.get('/api/case-policies/FR')).json()).toEqual(saved.json());
    expect(
      (await holder.get('/api/case-policies'))
        .json()
        .policies.map((p: { countryCode: string }) => p.countryCode),
    ).toEqual(['FR']);
    const operator = await member('platform_operator', null, ['admin']);
    const kenya = await operator.request('PUT', '/api/case-policies/KE', {
      ...policy,
      timeZone: 'Africa/Nairobi',
      holidays: [],
    });
    expect(kenya.statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'case_policy.changed')
      .execute();
    expect(audit.map((row) => (row.details as { countryCode: string }).countryCode)).toEqual(['FR', 'KE']);
  });

  it("refuses another country's coordinator, an officer and a rights holder, changing nothing", async () => {
    for (const who of [
      await member('customs', 'DE', ['national_coordinator']),
      await member('customs', 'FR', ['officer']),
      await member('rights_holder', 'FR', ['admin']),
    ]) {
      const refused = await who.request('PUT', '/api/case-policies/FR', { ...policy, answerDays: 20 });
      expect(refused.statusCode).toBe(403);
    }
    const officer = await member('customs', 'FR', ['officer']);
    expect((await officer.get('/api/case-policies/FR')).json().answerDays).toBe(10);
    expect((await new TestClient(t.app).request('GET', '/api/case-policies/FR')).statusCode).toBe(401);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['no working day left', { weekend: [0, 1, 2, 3, 4, 5, 6] }, 'weekend'],
    ['a day that does not exist', { holidays: ['2026-02-30'] }, 'holidays.0'],
    ['zero days', { answerDays: 0 }, 'answerDays'],
  ])('refuse %s at its field', async (_case, change, path) => {
    const coordinator = await member('customs', 'FR', ['national_coordinator']);
    const response = await coordinator.request('PUT', '/api/case-policies/FR', { ...policy, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path);
  });

  it('refuses a country code that does not exist', async () => {
    const officer = await member('customs', 'FR', ['officer']);
    expect((await officer.get('/api/case-policies/XX')).statusCode).toBe(400);
  });
});
