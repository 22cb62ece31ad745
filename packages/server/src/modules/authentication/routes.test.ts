import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrganisationKind, Role } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn, type TestUser } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';
import { verifyEndpointSignature } from './endpoint-signing.js';

const DAY_S = 86_400;
const clock = movableClock(new Date('2026-11-23T09:00:00Z'));
let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let brandId: string;
let frOfficer: TestClient;
let keOfficer: TestClient;
let deOfficer: TestClient;
let registryId: string;

// Valid GTINs (check digits computed): one per connector kind, one with no connector.
const GTIN_REGISTRY = '07038210000018';
const GTIN_ENDPOINT = '07038210000025';
const GTIN_RESOLVER = '07038210000032';
const GTIN_NONE = '07038210000049';

const text = (en: string) => ({ original: 'en', texts: { en } });
const base = () => `/api/rights-holders/${rightsHolderId}`;

const signedIn: { client: TestClient; user: TestUser }[] = [];

async function member(kind: OrganisationKind, countryCode: string | null, roles: Role[]) {
  const org = await makeOrganisation(t.ctx, { kind, countryCode });
  const user = await makeUser(t.ctx, org.id, { roles, twoFactor: true });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  signedIn.push({ client, user });
  return { client, organisationId: org.id };
}

/** Moves the clock on; sessions expire over days, so everyone signs in again. */
async function travel(seconds: number) {
  clock.advance(seconds);
  for (const { client, user } of signedIn) await signIn(client, t.ctx, user);
}

async function makeProduct(reference: string, gtin: string) {
  const created = await owner.post(`${base()}/products`, {
    brandId,
    reference,
    name: text(`Norvexa 20 mg tablets ${reference}`),
    category: 'pharmaceuticals',
    hsCodes: ['3004.90'],
    identifiers: [{ gtin, level: 'item' }],
    countriesOfManufacture: ['NO'],
    guidePoints: [],
    indicators: [],
  });
  expect(created.statusCode).toBe(201);
  return created.json().id as string;
}

const code = (gtin: string, serial: string, batch = 'B2026A', expiry = '280331') =>
  `(01)${gtin}(17)${expiry}(10)${batch}(21)${serial}`;
const verify = (who: TestClient, body: unknown) => who.request('POST', '/api/verifications', body);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const holder = await member('rights_holder', 'NO', ['admin']);
  owner = holder.client;
  rightsHolderId = holder.organisationId;
  brandId = (
    await owner.post(`${base()}/brands`, { name: 'Norvexa', aliases: [], categories: ['pharmaceuticals'] })
  ).json().id;
  const registryProduct = await makeProduct('NVX-20', GTIN_REGISTRY);
  await makeProduct('NVX-40', GTIN_NONE);
  frOfficer = (await member('customs', 'FR', ['officer'])).client;
  keOfficer = (await member('customs', 'KE', ['officer'])).client;
  deOfficer = (await member('police', 'DE', ['officer'])).client;

  const created = await owner.post(`${base()}/connectors`, {
    kind: 'registry',
    name: 'Packaging line serials',
    productId: registryProduct,
  });
  expect(created.statusCode).toBe(201);
  registryId = created.json().connector.id;
  const csv = [
    'gtin,serial,batch,expiry,intended_markets,state',
    `${GTIN_REGISTRY},SN0001,B2026A,2028-03-31,FR DE KE,active`,
    `${GTIN_REGISTRY},SN0002,B2026A,2028-03-31,FR;DE;KE,active`,
    `${GTIN_REGISTRY},SN0003,B2026A,2028-03-31,,recalled`,
    `${GTIN_REGISTRY},SN0004,B2026A,2028-03-31,,stolen`,
    `${GTIN_REGISTRY},SN0005,B2026A,2028-03-31,,destroyed`,
    `${GTIN_REGISTRY},SN0006,B2026A,2028-03-31,,decommissioned`,
    `${GTIN_REGISTRY},SN0007,B2026A,2028-03-31,NO,active`,
    `${GTIN_REGISTRY},SN0008,B2026A,2028-03,,`,
  ].join('\n');
  const uploaded = await owner.request('POST', `${base()}/connectors/${registryId}/serials/csv`, csv, {
    'content-type': 'text/csv',
  });
  expect(uploaded.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('verifying with the hosted registry', () => {
  it.each([
    ['a registered active pack', 'SN0001', {}, 'genuine', 'ok'],
    ['a serial never issued', 'XX9999', {}, 'unknown_serial', 'alert'],
    ['another batch printed', 'SN0002', { batch: 'B2025Z' }, 'batch_mismatch', 'alert'],
    ['another expiry printed', 'SN0002', { expiry: '290331' }, 'expiry_mismatch', 'alert'],
    ['a recalled pack', 'SN0003', {}, 'recalled', 'warning'],
    ['a stolen pack', 'SN0004', {}, 'stolen', 'alert'],
    ['a destroyed pack', 'SN0005', {}, 'destroyed', 'alert'],
    ['a decommissioned pack', 'SN0006', {}, 'decommissioned', 'alert'],
    ['a pack for the Norwegian market', 'SN0007', {}, 'other_market', 'warning'],
    ['a pack registered with its expiry month only', 'SN0008', {}, 'genuine', 'ok'],
  ])(
    'gives %s the verdict %s',
    async (_case, serial, printed: { batch?: string; expiry?: string }, verdict, severity) => {
      const response = await verify(frOfficer, {
        code: code(GTIN_REGISTRY, serial, printed.batch, printed.expiry),
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        verdict,
        severity,
        country: 'FR',
        gtin: GTIN_REGISTRY,
        serial,
        connectorKind: 'registry',
        rightsHolder: { id: rightsHolderId },
        brand: { id: brandId, name: 'Norvexa' },
      });
      expect(body.findings[0].verdict).toBe(verdict);
      expect(body.id).toEqual(expect.any(String));
    },
  );

  it('names the printed and the registered batch of a mismatch', async () => {
    const body = (await verify(frOfficer, { gtin: GTIN_REGISTRY, serial: 'SN0002', batch: 'B2025Z' })).json();
    expect(body.findings).toEqual([
      expect.objectContaining({
        verdict: 'batch_mismatch',
        params: { scanned: 'B2025Z', registered: 'B2026A' },
      }),
    ]);
  });

  it('answers unknown product for a GTIN no connector covers, and records nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const body = (await verify(frOfficer, { code: code(GTIN_NONE, 'A1') })).json();
    expect(body).toMatchObject({
      verdict: 'unknown_product',
      severity: 'unknown',
      id: null,
      rightsHolder: null,
    });
    const after = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('refuses a code without a serial, an unreadable code and a wrong check digit, naming the field', async () => {
    const noSerial = await verify(frOfficer, { code: `(01)${GTIN_REGISTRY}(10)B2026A` });
    expect(noSerial.statusCode).toBe(400);
    expect(noSerial.json().error.details[0].path).toBe('code');
    const garbage = await verify(frOfficer, { code: '(01)123' });
    expect(garbage.statusCode).toBe(400);
    const badCheck = await verify(frOfficer, { gtin: '07038210000011', serial: 'SN0001' });
    expect(badCheck.statusCode).toBe(400);
    expect(badCheck.json().error.details[0].path).toBe('gtin');
  });

  it('lets only enforcement officers verify', async () => {
    expect((await verify(owner, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(403);
    const firm = await member('legal_representative', 'IT', ['admin']);
    expect((await verify(firm.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app).request('POST', '/api/verifications', { code: 'x' })).statusCode,
    ).toBe(401);
  });
});

describe('clone detection', () => {
  it('flags the same genuine serial verified in another country within 30 days, naming where and when', async () => {
    await owner.post(`${base()}/connectors/${registryId}/serials`, {
      serials: [{ gtin: GTIN_REGISTRY, serial: 'CL0001', batch: 'B2026A', expiry: '2028-03-31' }],
    });
    const inFrance = (await verify(frOfficer, { code: code(GTIN_REGISTRY, 'CL0001') })).json();
    expect(inFrance.verdict).toBe('genuine');
    const franceAt = inFrance.verifiedAt;
    await travel(29 * DAY_S);
    const inKenya = (await verify(keOfficer, { code: code(GTIN_REGISTRY, 'CL0001') })).json();
    expect(inKenya.verdict).toBe('possible_clone');
    expect(inKenya.severity).toBe('alert');
    expect(inKenya.considerDetaining).toBe(true);
    expect(inKenya.clone).toEqual([
      {
        rule: 'other_country',
        params: { windowDays: 30, countries: 'FR', country: 'KE' },
        earlierScans: [{ country: 'FR', at: franceAt }],
      },
    ]);
  });

  it('does not flag a scan in another country more than 30 days later', async () => {
    await owner.post(`${base()}/connectors/${registryId}/serials`, {
      serials: [{ gtin: GTIN_REGISTRY, serial: 'CL0002', batch: 'B2026A', expiry: '2028-03-31' }],
    });
    expect((await verify(frOfficer, { code: code(GTIN_REGISTRY, 'CL0002') })).json().verdict).toBe('genuine');
    await travel(31 * DAY_S);
    const later = (await verify(deOfficer, { code: code(GTIN_REGISTRY, 'CL0002') })).json();
    expect(later.verdict).toBe('genuine');
    expect(later.clone).toEqual([]);
  });

  it('records verifications made at the same instant, and the later one sees the earlier one', async () => {
    await owner.post(`${base()}/connectors/${registryId}/serials`, {
      serials: [{ gtin: GTIN_REGISTRY, serial: 'CL0003', batch: 'B2026A', expiry: '2028-03-31' }],
    });
    const before = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const answers = await Promise.all([
      verify(frOfficer, { code: code(GTIN_REGISTRY, 'CL0003') }),
      verify(keOfficer, { code: code(GTIN_REGISTRY, 'CL0003') }),
      ...Array.from({ length: 10 }, () => verify(deOfficer, { code: code(GTIN_REGISTRY, 'SN0001') })),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 200));
    expect(answers.slice(0, 2).map((answer) => answer.json().verdict)).toContain('possible_clone');
    const after = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(12);
  });

  it('keeps a stolen pack stolen and adds the clone finding after it', async () => {
    await verify(frOfficer, { code: code(GTIN_REGISTRY, 'SN0004') });
    const body = (await verify(keOfficer, { code: code(GTIN_REGISTRY, 'SN0004') })).json();
    expect(body.verdict).toBe('stolen');
    expect(body.findings.map((finding: { verdict: string }) => finding.verdict)).toEqual([
      'stolen',
      'possible_clone',
    ]);
  });
});

describe("the rights holder's view", () => {
  it('lists suspicious verifications as alerts with organisation and country but never the officer', async () => {
    const list = await owner.get(`${base()}/verifications?suspicious=true`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.unacknowledged).toBeGreaterThan(0);
    const clone = body.verifications.find(
      (entry: { verdict: string; serialHint: string; country: string }) =>
        entry.verdict === 'possible_clone' && entry.serialHint === '…0001' && entry.country === 'KE',
    );
    expect(clone).toMatchObject({
      country: 'KE',
      serialHint: '…0001',
      gtin: GTIN_REGISTRY,
      brandName: 'Norvexa',
    });
    expect(clone.clone[0].rule).toBe('other_country');
    const serialised = JSON.stringify(body);
    expect(serialised).not.toMatch(/userId|user_id|email/);
    expect(serialised).not.toContain('CL0001');
    for (const entry of body.verifications) expect(entry.suspicious).toBe(true);

    const acknowledged = await owner.request('POST', `${base()}/verifications/${clone.id}/acknowledge`, {});
    expect(acknowledged.statusCode).toBe(204);
    const again = (await owner.get(`${base()}/verifications?suspicious=true`)).json();
    expect(again.unacknowledged).toBe(body.unacknowledged - 1);
    expect(
      again.verifications.find((entry: { id: string }) => entry.id === clone.id).acknowledgedAt,
    ).not.toBeNull();
  });

  it('counts verifications per country and per day for the map and the timeline', async () => {
    const summary = (await owner.get(`${base()}/verifications/summary?days=366`)).json();
    const countries = summary.byCountry.map((row: { country: string }) => row.country).sort();
    expect(countries).toEqual(['DE', 'FR', 'KE']);
    const total = summary.byDay.reduce((sum: number, day: { total: number }) => sum + day.total, 0);
    const all = (await owner.get(`${base()}/verifications?limit=200`)).json().verifications.length;
    expect(total).toBe(all);
    expect(summary.byDay[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('stores serials only as keyed hashes', async () => {
    const rows = await t.ctx.db.selectFrom('registered_serials').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(
      rows.map((row) => ({ ...row, serial_hash: row.serial_hash.toString('latin1') })),
    );
    expect(dump).not.toContain('SN0001');
    expect(rows[0]!.serial_hash).toHaveLength(16);
  });

  it('lets an appointed legal representative manage the connectors and read the alerts, and no other firm', async () => {
    const appointed = await member('legal_representative', 'IT', ['member']);
    const stranger = await member('legal_representative', 'IT', ['admin']);
    expect(
      (await owner.post(`${base()}/representations`, { legalRepresentativeId: appointed.organisationId }))
        .statusCode,
    ).toBe(201);
    expect((await appointed.client.get(`${base()}/connectors`)).json().connectors.length).toBeGreaterThan(0);
    expect((await appointed.client.get(`${base()}/verifications?suspicious=true`)).statusCode).toBe(200);
    expect((await stranger.client.get(`${base()}/connectors`)).statusCode).toBe(404);
    expect((await stranger.client.get(`${base()}/verifications`)).statusCode).toBe(404);
    // A firm verifies nothing at a border.
    expect((await verify(appointed.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(403);
  });

  it('hides every view from other rights holders and from officers', async () => {
    const other = await member('rights_holder', 'FR', ['admin']);
    for (const who of [other.client, frOfficer]) {
      expect((await who.get(`${base()}/verifications`)).statusCode).toBe(404);
      expect((await who.get(`${base()}/connectors`)).statusCode).toBe(404);
      expect((await who.get(`${base()}/verification-policy`)).statusCode).toBe(404);
      expect((await who.get(`${base()}/connectors/${registryId}/deliveries`)).statusCode).toBe(404);
      const upload = await who.request(
        'POST',
        `${base()}/connectors/${registryId}/serials/csv`,
        'gtin,serial,batch,expiry\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(upload.statusCode).toBe(404);
    }
  });
});

describe('registry uploads', () => {
  it('stores nothing when a row is bad and reports each bad line and field', async () => {
    const csv = [
      'gtin,serial,batch,expiry',
      `${GTIN_REGISTRY},NEW001,B1,2028-01-31`,
      `07038210000011,NEW002,B1,2028-01-31`,
      `${GTIN_REGISTRY},NEW003,B1,31/01/2028`,
      `${GTIN_REGISTRY},,B1,2028-01-31`,
    ].join('\r\n');
    const response = await owner.request('POST', `${base()}/connectors/${registryId}/serials/csv`, csv, {
      'content-type': 'text/csv',
    });
    expect(response.statusCode).toBe(400);
    const details = response.json().error.details;
    expect(details.errorCount).toBe(3);
    expect(details.errors.map((error: { line: number; field: string }) => [error.line, error.field])).toEqual(
      [
        [3, 'gtin'],
        [4, 'expiry'],
        [5, 'serial'],
      ],
    );
    expect(
      (await verify(frOfficer, { code: code(GTIN_REGISTRY, 'NEW001', 'B1', '280131') })).json().verdict,
    ).toBe('unknown_serial');
  });

  it('refuses an unknown column at line 1', async () => {
    const response = await owner.request(
      'POST',
      `${base()}/connectors/${registryId}/serials/csv`,
      'gtin,serial,batch,expiry,colour\n',
      { 'content-type': 'text/csv' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ line: 1, field: 'colour' });
  });

  it('keeps counts per state, and recalls a whole batch', async () => {
    await owner.post(`${base()}/connectors/${registryId}/serials`, {
      serials: [
        { gtin: GTIN_REGISTRY, serial: 'RC0001', batch: 'R9', expiry: '2028-03-31' },
        { gtin: GTIN_REGISTRY, serial: 'RC0002', batch: 'R9', expiry: '2028-03-31' },
      ],
    });
    const before = (await owner.get(`${base()}/connectors/${registryId}`)).json().serials;
    const recall = await owner.post(`${base()}/connectors/${registryId}/serials/state`, {
      state: 'recalled',
      batch: { gtin: GTIN_REGISTRY, batch: 'R9' },
    });
    expect(recall.json()).toEqual({ updated: 2, notFound: 0 });
    const after = (await owner.get(`${base()}/connectors/${registryId}`)).json().serials;
    expect(after.active).toBe(before.active - 2);
    expect(after.recalled).toBe(before.recalled + 2);
    const [registered] = await t.ctx.db
      .selectFrom('registered_serials')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('connector_id', '=', registryId)
      .execute();
    expect(Object.values(after).reduce((sum: number, n) => sum + (n as number), 0)).toBe(
      Number(registered!.n),
    );
    expect((await verify(frOfficer, { code: code(GTIN_REGISTRY, 'RC0001', 'R9') })).json().verdict).toBe(
      'recalled',
    );

    const stolen = await owner.post(`${base()}/connectors/${registryId}/serials/state`, {
      state: 'stolen',
      serials: [
        { gtin: GTIN_REGISTRY, serial: 'RC0002' },
        { gtin: GTIN_REGISTRY, serial: 'NOPE01' },
      ],
    });
    expect(stolen.json()).toEqual({ updated: 1, notFound: 1 });
  });
});

describe('rights-holder controls', () => {
  it('lets only listed authorities verify, and tests a code from the console without recording it', async () => {
    const kenya = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const policy = await owner.request('PUT', `${base()}/verification-policy`, {
      authorities: 'listed',
      organisationIds: [],
      countries: ['FR', 'DE'],
      ratePerHour: 1000,
    });
    expect(policy.statusCode).toBe(200);
    const refused = await verify(keOfficer, { code: code(GTIN_REGISTRY, 'SN0001') });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('does not let your organisation verify');
    expect((await verify(frOfficer, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(200);

    const test = await owner.post(`${base()}/verification-tests`, {
      code: code(GTIN_REGISTRY, 'SN0007'),
      country: 'SE',
    });
    expect(test.json()).toMatchObject({ id: null, verdict: 'other_market', country: 'SE' });
    const after = await t.ctx.db
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after!.n)).toBe(Number(kenya!.n) + 1);
  });

  it('limits verifications per organisation per hour with 429', async () => {
    await owner.request('PUT', `${base()}/verification-policy`, {
      authorities: 'all',
      organisationIds: [],
      countries: [],
      ratePerHour: 2,
    });
    const limited = await member('customs', 'BE', ['officer']);
    expect((await verify(limited.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(200);
    expect((await verify(limited.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(200);
    const third = await verify(limited.client, { code: code(GTIN_REGISTRY, 'SN0001') });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('rate_limited');
    // Another organisation has its own allowance.
    const other = await member('customs', 'BE', ['officer']);
    expect((await verify(other.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(200);
    await travel(3601);
    expect((await verify(limited.client, { code: code(GTIN_REGISTRY, 'SN0001') })).statusCode).toBe(200);
    await owner.request('PUT', `${base()}/verification-policy`, {
      authorities: 'all',
      organisationIds: [],
      countries: [],
      ratePerHour: 600,
    });
  });

  it('refuses a policy naming an organisation that is not an enforcement authority', async () => {
    const response = await owner.request('PUT', `${base()}/verification-policy`, {
      authorities: 'listed',
      organisationIds: [rightsHolderId],
      countries: [],
      ratePerHour: 10,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('organisationIds.0');
  });
});

describe('external endpoint connector', () => {
  let server: Server;
  let mode: 'answer' | 'slow' | 'garbage' = 'answer';
  let secret = '';
  const seen = new Set<string>();
  let endpointId: string;

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      if (mode === 'slow') return; // never answers
      if (mode === 'garbage') return response.end('<html>oops</html>');
      const check = verifyEndpointSignature({
        secret,
        headers: request.headers,
        body,
        nowSeconds: Math.floor(clock.now().getTime() / 1000),
        seenRequestIds: seen,
      });
      if (!check.ok) {
        response.statusCode = 401;
        return response.end();
      }
      const asked = JSON.parse(body);
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(
          asked.serial === 'EP0001'
            ? {
                requestId: asked.requestId,
                found: true,
                state: 'active',
                batch: 'B2026A',
                expiry: '2028-03-31',
              }
            : { requestId: asked.requestId, found: false },
        ),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const productId = await makeProduct('NVX-EP', GTIN_ENDPOINT);
    const created = await owner.post(`${base()}/connectors`, {
      kind: 'endpoint',
      name: 'Brand authentication service',
      productId,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`,
      timeoutMs: 300,
    });
    expect(created.statusCode).toBe(201);
    secret = created.json().signingSecret;
    endpointId = created.json().connector.id;
    expect(secret).toMatch(/^whsec_/);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks the endpoint with a signed request and maps its answer', async () => {
    mode = 'answer';
    clock.advance(1);
    const genuine = (await verify(frOfficer, { code: code(GTIN_ENDPOINT, 'EP0001') })).json();
    expect(genuine).toMatchObject({ verdict: 'genuine', connectorKind: 'endpoint' });
    clock.advance(1);
    const unknown = (await verify(frOfficer, { code: code(GTIN_ENDPOINT, 'EP9999') })).json();
    expect(unknown.verdict).toBe('unknown_serial');
  });

  it('answers service unavailable in time when the endpoint is slow, returns garbage or is down, and logs each call', async () => {
    clock.advance(1);
    mode = 'slow';
    const started = performance.now();
    const slow = (await verify(frOfficer, { code: code(GTIN_ENDPOINT, 'EP0001') })).json();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(slow).toMatchObject({
      verdict: 'service_unavailable',
      unavailableReason: 'timeout',
      severity: 'unknown',
    });
    clock.advance(1);
    mode = 'garbage';
    expect((await verify(frOfficer, { code: code(GTIN_ENDPOINT, 'EP0001') })).json().unavailableReason).toBe(
      'bad_response',
    );
    const deliveries = (await owner.get(`${base()}/connectors/${endpointId}/deliveries`)).json().deliveries;
    expect(deliveries.slice(0, 4).map((entry: { outcome: string }) => entry.outcome)).toEqual([
      'bad_response',
      'timeout',
      'answered',
      'answered',
    ]);
    expect(JSON.stringify(deliveries)).not.toContain(secret);

    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    const down = (await verify(frOfficer, { code: code(GTIN_ENDPOINT, 'EP0001') })).json();
    expect(down).toMatchObject({ verdict: 'service_unavailable', unavailableReason: 'unreachable' });
  });

  it('makes a new signing secret on request, shown once', async () => {
    const rotated = await owner.post(`${base()}/connectors/${endpointId}/signing-secret`, {});
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().signingSecret).not.toBe(secret);
    expect(JSON.stringify((await owner.get(`${base()}/connectors/${endpointId}`)).json())).not.toContain(
      'whsec_',
    );
  });
});

describe('GS1 Digital Link resolver hand-off', () => {
  it('hands the officer over to the brand resolver with the whole code, and still runs the clone rules', async () => {
    const productId = await makeProduct('NVX-DL', GTIN_RESOLVER);
    const created = await owner.post(`${base()}/connectors`, {
      kind: 'resolver',
      name: 'Norvexa resolver',
      productId,
      url: 'https://id.norvexa.example',
    });
    expect(created.statusCode).toBe(201);
    const first = (await verify(frOfficer, { code: code(GTIN_RESOLVER, 'DL0001') })).json();
    expect(first).toMatchObject({
      verdict: 'handed_off',
      connectorKind: 'resolver',
      handOffUrl: `https://id.norvexa.example/01/${GTIN_RESOLVER}/10/B2026A/21/DL0001?17=280331&linkType=gs1:verificationService`,
    });
    const second = (await verify(keOfficer, { code: code(GTIN_RESOLVER, 'DL0001') })).json();
    expect(second.verdict).toBe('possible_clone');
    expect(second.handOffUrl).toBe(first.handOffUrl);
  });

  it('allows one active connector per product', async () => {
    const products = (await owner.get(`${base()}/connectors`)).json().connectors;
    const resolver = products.find((entry: { kind: string }) => entry.kind === 'resolver');
    const duplicate = await owner.post(`${base()}/connectors`, {
      kind: 'registry',
      name: 'Second',
      productId: resolver.productId,
    });
    expect(duplicate.statusCode).toBe(409);
  });
});
