import type { AddressInfo } from 'node:net';
import type { OrganisationKind, Role } from '@assay/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, movableClock, type TestApp, TestClient } from '../../test-support/test-app.js';

const clock = movableClock(new Date('2026-11-23T09:00:00Z'));
let t: TestApp;

interface Party {
  client: TestClient;
  organisationId: string;
  userId: string;
}

async function party(
  kind: OrganisationKind,
  countryCode: string | null,
  roles: Role[],
  options: { name?: string; locale?: 'en' | 'fr' | 'es' } = {},
): Promise<Party> {
  const org = await makeOrganisation(t.ctx, {
    kind,
    countryCode,
    ...(options.name ? { name: options.name } : {}),
  });
  return member(org.id, roles, options.locale);
}

async function member(
  organisationId: string,
  roles: Role[],
  locale: 'en' | 'fr' | 'es' = 'en',
): Promise<Party> {
  const user = await makeUser(t.ctx, organisationId, { roles, twoFactor: true, locale });
  const client = new TestClient(t.app);
  await signIn(client, t.ctx, user);
  return { client, organisationId, userId: user.id };
}

async function brand(organisationId: string, name: string) {
  return t.ctx.db
    .insertInto('brands')
    .values({ organisation_id: organisationId, name, logo_image_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((row) => row.id);
}

async function product(organisationId: string, brandId: string, reference: string, sharedWithAll: boolean) {
  const { id } = await t.ctx.db
    .insertInto('products')
    .values({
      organisation_id: organisationId,
      brand_id: brandId,
      reference,
      name: { original: 'en', texts: { en: `Runner ${reference}`, fr: `Coureuse ${reference}` } },
      category: 'footwear',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (sharedWithAll)
    await t.ctx.db.insertInto('product_shares').values({ product_id: id, target_kind: 'all' }).execute();
  return id;
}

const errorPaths = (body: { error: { details?: { path: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.path);

function alert(overrides: Record<string, unknown> = {}) {
  return {
    title: {
      original: 'en',
      texts: { en: 'Fake Velotrax trainers via Jebel Ali', fr: 'Fausses baskets Velotrax via Jebel Ali' },
    },
    text: {
      original: 'en',
      texts: {
        en: 'Containers declared as sport shoes, unbranded.',
        fr: 'Conteneurs déclarés comme chaussures de sport.',
      },
    },
    severity: 'high',
    indicators: {
      exporterNames: ['Brightway Trading Co.'],
      routes: [{ origin: 'CN', transit: ['AE'], destination: 'FR' }],
      ports: ['AEJEA'],
      descriptions: ['sport shoes'],
      hsCodes: ['6404.11'],
    },
    targetCountries: ['FR'],
    transportModes: ['SEA'],
    validFrom: '2026-11-01',
    ...overrides,
  };
}

let holder: Party;
let holderBrand: string;
let sharedProduct: string;
let unsharedProduct: string;
let otherBrand: string;
let firm: Party;
let otherFirm: Party;
let analystFr: Party;
let coordinatorKe: Party;
let officerFr: Party;
let officerFr2: Party;
let officerKe: Party;
let policeDe: Party;

/** Create and publish an alert as `publisher`; returns its id. */
async function published(publisher: Party, overrides: Record<string, unknown> = {}) {
  const created = await publisher.client.post('/api/alerts', alert(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const done = await publisher.client.post(`/api/alerts/${id}/publish`);
  expect(done.statusCode, done.body).toBe(200);
  return id;
}

const inboxIds = async (reader: Party, filter = 'active') =>
  ((await reader.client.get(`/api/alerts/inbox?filter=${filter}`)).json().alerts as { id: string }[]).map(
    (item) => item.id,
  );

beforeAll(async () => {
  // A short keep-alive, so a stream notices a lost session within the test.
  t = await createTestApp({ clock, limits: { alertStream: { keepAliveMs: 200, perUser: 5 } } });
  holder = await party('rights_holder', 'DE', ['member'], { name: 'Velotrax Sports GmbH' });
  holderBrand = await brand(holder.organisationId, 'Velotrax');
  sharedProduct = await product(holder.organisationId, holderBrand, 'VX-100', true);
  unsharedProduct = await product(holder.organisationId, holderBrand, 'VX-200', false);
  const other = await makeOrganisation(t.ctx, { kind: 'rights_holder', countryCode: 'IT' });
  otherBrand = await brand(other.id, 'Pellamoro');
  firm = await party('legal_representative', 'FR', ['member']);
  await t.ctx.db
    .insertInto('representations')
    .values({ legal_representative_id: firm.organisationId, rights_holder_id: holder.organisationId })
    .execute();
  otherFirm = await party('legal_representative', 'FR', ['admin']);
  analystFr = await party('customs', 'FR', ['analyst'], { name: 'Douane FR' });
  officerFr = await member(analystFr.organisationId, ['officer'], 'fr');
  officerFr2 = await member(analystFr.organisationId, ['officer']);
  coordinatorKe = await party('customs', 'KE', ['national_coordinator'], { name: 'KRA Customs' });
  officerKe = await member(coordinatorKe.organisationId, ['officer']);
  policeDe = await party('police', 'DE', ['officer']);
});
afterAll(() => t?.close());

describe('publishing alerts', () => {
  it('are described in the OpenAPI document, the rules as a named risk profile', async () => {
    const spec = (await new TestClient(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(spec.paths['/api/alerts']).sort()).toEqual(['get', 'post']);
    expect(spec.paths['/api/alerts/{alertId}']).toHaveProperty('put');
    expect(spec.paths['/api/alerts/inbox/{alertId}/acknowledge']).toHaveProperty('post');
    expect(spec.paths['/api/alerts/stream']).toHaveProperty('get');
    expect(spec.components.schemas).toHaveProperty('RiskProfile');
    expect(JSON.stringify(spec.paths['/api/alerts/{alertId}/rules'].get.responses['200'])).toContain(
      'RiskProfile',
    );
  });

  it('refuses anyone signed out', async () => {
    expect((await new TestClient(t.app).post('/api/alerts', alert())).statusCode).toBe(401);
    expect((await new TestClient(t.app).get('/api/alerts/inbox')).statusCode).toBe(401);
  });

  it('lets a rights holder write a draft about its own brand and product, audit-logged, seen by no officer', async () => {
    const created = await holder.client.post(
      '/api/alerts',
      alert({ brandIds: [holderBrand], productIds: [sharedProduct, unsharedProduct] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      severity: 'high',
      owner: { id: holder.organisationId, name: 'Velotrax Sports GmbH', kind: 'rights_holder' },
      brands: [{ id: holderBrand, name: 'Velotrax' }],
      products: [
        { id: sharedProduct, reference: 'VX-100' },
        { id: unsharedProduct, reference: 'VX-200' },
      ],
      indicators: { hsCodes: ['640411'], ports: ['AEJEA'], importerNames: [] },
      validTo: null,
      publishedAt: null,
      acknowledgements: { organisations: 0, countries: 0 },
    });
    const id = created.json().id;
    expect(await inboxIds(officerFr, 'all')).not.toContain(id);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'organisation_id'])
      .where('target_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'alert.created', organisation_id: holder.organisationId }]);
  });

  it("refuses a rights holder naming another rights holder's brand or a product of another, at the field", async () => {
    const response = await holder.client.post('/api/alerts', alert({ brandIds: [holderBrand, otherBrand] }));
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json())).toEqual(['brandIds.1']);
    const speaksForOther = await holder.client.post(
      '/api/alerts',
      alert({ rightsHolderId: firm.organisationId }),
    );
    expect(errorPaths(speaksForOther.json())).toEqual(['rightsHolderId']);
  });

  it('lets a legal representative publish for the rights holder it acts for only', async () => {
    const missing = await firm.client.post('/api/alerts', alert());
    expect(missing.statusCode).toBe(400);
    expect(errorPaths(missing.json())).toEqual(['rightsHolderId']);
    const own = await firm.client.post(
      '/api/alerts',
      alert({ rightsHolderId: holder.organisationId, brandIds: [holderBrand] }),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().owner.id).toBe(holder.organisationId);
    const notRepresented = await otherFirm.client.post(
      '/api/alerts',
      alert({ rightsHolderId: holder.organisationId }),
    );
    expect(notRepresented.statusCode).toBe(400);
    expect(errorPaths(notRepresented.json())).toEqual(['rightsHolderId']);
    // The rights holder and its firm manage the same alerts; the other firm sees none of them.
    const listed = (await holder.client.get('/api/alerts')).json().alerts.map((a: { id: string }) => a.id);
    expect(listed).toContain(own.json().id);
    expect((await otherFirm.client.get(`/api/alerts/${own.json().id}`)).statusCode).toBe(404);
    expect((await otherFirm.client.get('/api/alerts')).json().alerts).toEqual([]);
  });

  it('lets an analyst name any brand and the products shared with them, not the unshared ones', async () => {
    const ok = await analystFr.client.post(
      '/api/alerts',
      alert({ brandIds: [holderBrand, otherBrand], productIds: [sharedProduct] }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().owner).toMatchObject({ id: analystFr.organisationId, kind: 'customs' });
    const unshared = await analystFr.client.post('/api/alerts', alert({ productIds: [unsharedProduct] }));
    expect(unshared.statusCode).toBe(400);
    expect(errorPaths(unshared.json())).toEqual(['productIds.0']);
    const subjects = (await analystFr.client.get('/api/alerts/subjects')).json();
    expect(subjects.products.map((p: { id: string }) => p.id)).toEqual([sharedProduct]);
    expect(subjects.brands.map((b: { name: string }) => b.name)).toEqual(
      expect.arrayContaining(['Velotrax', 'Pellamoro']),
    );
  });

  it('lets a national coordinator publish, but not a plain officer, a police officer or an association', async () => {
    expect((await coordinatorKe.client.post('/api/alerts', alert())).statusCode).toBe(201);
    for (const refused of [officerFr, policeDe]) {
      const response = await refused.client.post('/api/alerts', alert());
      expect(response.statusCode).toBe(403);
      expect((await refused.client.get('/api/alerts')).statusCode).toBe(403);
    }
    const association = await party('industry_association', 'FR', ['admin']);
    expect((await association.client.post('/api/alerts', alert())).statusCode).toBe(403);
  });

  it('names the field at fault in a bad alert', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ indicators: { hsCodes: ['7701.10'] } }, 'indicators.hsCodes.0'],
      [{ indicators: { ports: ['FR-LEHX'] } }, 'indicators.ports.0'],
      [{ targetPorts: ['ZZABC'] }, 'targetPorts.0'],
      [{ targetCountries: ['XX'] }, 'targetCountries.0'],
      [{ transportModes: ['BALLOON'] }, 'transportModes.0'],
      [{ validTo: '2026-10-01' }, 'validTo'],
      [{ validFrom: '0000-01-01' }, 'validFrom'],
      [{ validTo: '0000-01-01' }, 'validTo'],
      [{ severity: 'extreme' }, 'severity'],
      [{ title: { original: 'en', texts: { en: '' } } }, 'title.texts.en'],
    ];
    for (const [change, path] of cases) {
      const response = await holder.client.post('/api/alerts', alert(change));
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(errorPaths(response.json()), path).toContain(path);
    }
    const yearZero = await holder.client.post('/api/alerts', alert({ validFrom: '0000-01-01' }));
    expect(yearZero.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'validFrom', message: 'The year must be 1 or later' }),
    );
  });

  it('publishes once, edits a published alert, withdraws it, and keeps a withdrawn one unchanged', async () => {
    const id = await published(holder, { brandIds: [holderBrand] });
    expect((await holder.client.post(`/api/alerts/${id}/publish`)).statusCode).toBe(409);
    const edited = await firm.client.request('PUT', `/api/alerts/${id}`, alert({ severity: 'critical' }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'published', severity: 'critical' });
    expect((await analystFr.client.request('PUT', `/api/alerts/${id}`, alert())).statusCode).toBe(404);
    const withdrawn = await holder.client.post(`/api/alerts/${id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await holder.client.request('PUT', `/api/alerts/${id}`, alert())).statusCode).toBe(409);
    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'alert.created',
      'alert.published',
      'alert.updated',
      'alert.withdrawn',
    ]);
  });
});

describe('the officer inbox', () => {
  let forFr: string;
  let forAll: string;
  let forKe: string;
  let expired: string;
  let future: string;
  let withdrawn: string;

  beforeAll(async () => {
    forFr = await published(holder, {
      brandIds: [holderBrand],
      productIds: [sharedProduct, unsharedProduct],
    });
    forAll = await published(analystFr, { targetCountries: [], severity: 'low' });
    forKe = await published(coordinatorKe, { targetCountries: ['KE'], severity: 'critical' });
    expired = await published(holder, { validFrom: '2026-10-01', validTo: '2026-11-22' });
    future = await published(holder, { validFrom: '2026-12-01' });
    withdrawn = await published(holder);
    await holder.client.post(`/api/alerts/${withdrawn}/withdraw`);
  });

  it('shows each officer the active alerts for their country or for every country', async () => {
    const fr = await inboxIds(officerFr);
    expect(fr).toEqual(expect.arrayContaining([forFr, forAll]));
    expect(fr).not.toContain(forKe);
    const ke = await inboxIds(officerKe);
    expect(ke).toEqual(expect.arrayContaining([forKe, forAll]));
    expect(ke).not.toContain(forFr);
    const de = await inboxIds(policeDe);
    expect(de).toContain(forAll);
    expect(de).not.toContain(forFr);
    for (const ids of [fr, ke, de]) {
      for (const hidden of [expired, future, withdrawn]) expect(ids).not.toContain(hidden);
    }
  });

  it('lists expired and future ones under "all", marked inactive, but never withdrawn ones', async () => {
    const response = await officerFr.client.get('/api/alerts/inbox?filter=all');
    const byId = new Map(response.json().alerts.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(expired)).toMatchObject({ active: false, validTo: '2026-11-22' });
    expect(byId.get(future)).toMatchObject({ active: false });
    expect(byId.get(forFr)).toMatchObject({ active: true });
    expect(byId.has(withdrawn)).toBe(false);
  });

  it('gives each inbox entry in full, so a copy kept offline can be read, without opening it', async () => {
    const before = (await officerFr.client.get('/api/alerts/unread')).json().unread;
    const entry = (await officerFr.client.get('/api/alerts/inbox'))
      .json()
      .alerts.find((item: { id: string }) => item.id === forFr);
    expect(entry).toMatchObject({
      read: false,
      text: { text: 'Conteneurs déclarés comme chaussures de sport.', language: 'fr' },
      brands: [{ id: holderBrand, name: 'Velotrax' }],
      products: [{ id: sharedProduct, reference: 'VX-100' }],
      indicators: { hsCodes: ['640411'], routes: [{ origin: 'CN', transit: ['AE'], destination: 'FR' }] },
    });
    expect(entry.products).toHaveLength(1); // the unshared product stays out
    expect((await officerFr.client.get('/api/alerts/unread')).json().unread).toBe(before);
  });

  it('refuses an inbox to those who have none: rights holders and firms', async () => {
    expect((await holder.client.get('/api/alerts/inbox')).statusCode).toBe(403);
    expect((await firm.client.get('/api/alerts/unread')).statusCode).toBe(403);
  });

  it("shows the title in the reader's language and says which language it is in", async () => {
    const inbox = (await officerFr.client.get('/api/alerts/inbox')).json();
    const item = inbox.alerts.find((entry: { id: string }) => entry.id === forFr);
    expect(item.title).toEqual({
      text: 'Fausses baskets Velotrax via Jebel Ali',
      language: 'fr',
      isReaderLanguage: true,
    });
    const es = (await officerFr.client.get('/api/alerts/inbox?lang=es')).json();
    expect(es.alerts.find((entry: { id: string }) => entry.id === forFr).title).toMatchObject({
      language: 'en',
      isReaderLanguage: false,
    });
  });

  it('counts unread alerts, marks one read when opened, and shows only products the officer may open', async () => {
    const before = (await officerFr2.client.get('/api/alerts/unread')).json().unread;
    expect(before).toBeGreaterThanOrEqual(2);
    const reading = await officerFr2.client.get(`/api/alerts/inbox/${forFr}`);
    expect(reading.statusCode).toBe(200);
    expect(reading.json()).toMatchObject({
      read: true,
      text: { language: 'en', isReaderLanguage: true },
      brands: [{ id: holderBrand, name: 'Velotrax' }],
      products: [{ id: sharedProduct, reference: 'VX-100', brandName: 'Velotrax' }],
      indicators: { exporterNames: ['Brightway Trading Co.'] },
      targetCountries: ['FR'],
      transportModes: ['SEA'],
    });
    expect((await officerFr2.client.get('/api/alerts/unread')).json().unread).toBe(before - 1);
    // Reading again changes nothing; another officer's count is their own.
    await officerFr2.client.get(`/api/alerts/inbox/${forFr}`);
    expect((await officerFr2.client.get('/api/alerts/unread')).json().unread).toBe(before - 1);
    expect((await officerFr.client.get('/api/alerts/unread')).json().unread).toBe(before);
  });

  it('answers 404 for an alert not aimed at the reader, a withdrawn one or a draft', async () => {
    const draft = (await holder.client.post('/api/alerts', alert())).json().id;
    for (const id of [forKe, withdrawn, draft]) {
      expect((await officerFr.client.get(`/api/alerts/inbox/${id}`)).statusCode).toBe(404);
      expect((await officerFr.client.post(`/api/alerts/inbox/${id}/acknowledge`)).statusCode).toBe(404);
    }
  });

  it('records acknowledgements once per person and shows the publisher counts of organisations and countries', async () => {
    const first = await officerFr.client.post(`/api/alerts/inbox/${forAll}/acknowledge`);
    expect(first.statusCode).toBe(200);
    clock.advance(60);
    const again = await officerFr.client.post(`/api/alerts/inbox/${forAll}/acknowledge`);
    expect(again.json().acknowledgedAt).toBe(first.json().acknowledgedAt);
    await officerFr2.client.post(`/api/alerts/inbox/${forAll}/acknowledge`);
    await officerKe.client.post(`/api/alerts/inbox/${forAll}/acknowledge`);
    const view = (await analystFr.client.get(`/api/alerts/${forAll}`)).json();
    expect(view.acknowledgements).toEqual({ organisations: 2, countries: 2, countryCodes: ['FR', 'KE'] });
    expect(JSON.stringify(view)).not.toMatch(/person-/); // no officer named
    const entry = (await officerFr.client.get('/api/alerts/inbox'))
      .json()
      .alerts.find((item: { id: string }) => item.id === forAll);
    expect(entry).toMatchObject({ read: true, acknowledgedAt: first.json().acknowledgedAt });
  });

  it('gives the alert as a risk profile to its publisher and the analysts it reaches, not to officers', async () => {
    const rules = await holder.client.get(`/api/alerts/${forFr}/rules`);
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toMatchObject({
      id: `alert:${forFr}`,
      owner: holder.organisationId,
      targetCountries: ['FR'],
      validFrom: '2026-11-01',
      validTo: null,
    });
    expect(rules.json().conditions).toEqual(
      expect.arrayContaining([
        { field: 'exporter_name', op: 'name_match', values: ['Brightway Trading Co.'], weight: 50 },
        { field: 'hs_code', op: 'prefix', values: ['640411'], weight: 25 },
      ]),
    );
    expect((await analystFr.client.get(`/api/alerts/${forFr}/rules`)).statusCode).toBe(200);
    expect((await coordinatorKe.client.get(`/api/alerts/${forFr}/rules`)).statusCode).toBe(404);
    expect((await officerFr.client.get(`/api/alerts/${forFr}/rules`)).statusCode).toBe(403);
    expect((await otherFirm.client.get(`/api/alerts/${forFr}/rules`)).statusCode).toBe(404);
  });
});

/** Server-sent events read from a real HTTP connection. */
async function openStream(address: string, client: TestClient) {
  const controller = new AbortController();
  const response = await fetch(`${address}/api/alerts/stream`, {
    headers: { cookie: `assay_session=${client.cookie}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: unknown }[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
        for (const wake of waiters.splice(0)) wake();
      }
    } catch {
      // aborted
    }
    for (const wake of waiters.splice(0)) wake();
  })();
  return {
    events,
    /** The next event of this name after the first `skip` ones. */
    async nth(name: string, index: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.filter((item) => item.event === name)[index];
        if (found) return found.data;
        if (Date.now() > deadline) throw new Error(`no ${name} #${index}: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    /** Resolves when the server ends the stream (or it is closed here). */
    ended,
    close: () => controller.abort(),
  };
}

/** Wait until the open streams (listeners on the alert bus) come down to `count`. */
async function streamsDownTo(count: number) {
  const deadline = Date.now() + 5000;
  while (t.ctx.alertBus.listenerCount() > count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return t.ctx.alertBus.listenerCount();
}

const withTimeout = <T>(promise: Promise<T>, ms = 5000) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);

describe('the alert stream', () => {
  let address: string;

  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    address = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });

  it('refuses a caller without a session and one without an inbox', async () => {
    expect((await fetch(`${address}/api/alerts/stream`)).status).toBe(401);
    const response = await fetch(`${address}/api/alerts/stream`, {
      headers: { cookie: `assay_session=${holder.client.cookie}` },
    });
    expect(response.status).toBe(403);
  });

  it('pushes a newly published alert to the officers it reaches, with their new unread count', async () => {
    const listenersBefore = t.ctx.alertBus.listenerCount();
    const fr = await openStream(address, officerFr.client);
    const ke = await openStream(address, officerKe.client);
    const initial = (await fr.nth('unread', 0)) as { unread: number };
    await ke.nth('unread', 0);

    const forFr = await published(holder, {
      title: {
        original: 'en',
        texts: { en: 'Counterfeit Velotrax at Le Havre', fr: 'Contrefaçons Velotrax au Havre' },
      },
    });
    expect(await fr.nth('alert', 0)).toMatchObject({
      id: forFr,
      severity: 'high',
      title: { text: 'Contrefaçons Velotrax au Havre', language: 'fr' },
      read: false,
    });
    expect(await fr.nth('unread', 1)).toEqual({ unread: initial.unread + 1 });

    // Kenya was not targeted: its first alert event is the next one for every country.
    const forAll = await published(analystFr, { targetCountries: [] });
    expect(await ke.nth('alert', 0)).toMatchObject({ id: forAll });
    expect(await fr.nth('alert', 1)).toMatchObject({ id: forAll });

    // Reading in another tab and a withdrawal both move the count.
    await officerFr.client.get(`/api/alerts/inbox/${forFr}`);
    expect(await fr.nth('unread', 3)).toEqual({ unread: initial.unread + 1 });
    await analystFr.client.post(`/api/alerts/${forAll}/withdraw`);
    expect(await fr.nth('unread', 4)).toEqual({ unread: initial.unread });

    fr.close();
    ke.close();
    // A stream left open is ended by the server when it stops (afterAll would otherwise hang).
    await (await openStream(address, officerFr2.client)).nth('unread', 0);
    expect(await streamsDownTo(listenersBefore + 1)).toBe(listenersBefore + 1);
  });

  it('counts again only for readers a changed or withdrawn alert reached', async () => {
    const listenersBefore = t.ctx.alertBus.listenerCount();
    const fr = await openStream(address, officerFr.client);
    const ke = await openStream(address, officerKe.client);
    await fr.nth('unread', 0);
    await ke.nth('unread', 0);
    const forFr = await published(holder);
    await fr.nth('unread', 1);
    await holder.client.request('PUT', `/api/alerts/${forFr}`, alert({ severity: 'medium' }));
    await fr.nth('unread', 2);
    await holder.client.post(`/api/alerts/${forFr}/withdraw`);
    await fr.nth('unread', 3);
    // The next alert for every country: Kenya's stream has had nothing in between.
    const forAll = await published(holder, { targetCountries: [] });
    await ke.nth('unread', 1);
    expect(ke.events.map((item) => item.event)).toEqual(['unread', 'alert', 'unread']);
    expect(await ke.nth('alert', 0)).toMatchObject({ id: forAll });
    await holder.client.post(`/api/alerts/${forAll}/withdraw`);
    fr.close();
    ke.close();
    expect(await streamsDownTo(listenersBefore)).toBe(listenersBefore);
  });

  it('forgets a stream whose caller left before it was served, and keeps five per person', async () => {
    const listenersBefore = t.ctx.alertBus.listenerCount();
    // The sessions table is locked while the caller gives up, so the server still has the request
    // to authorise after the connection is gone.
    await t.ctx.db.transaction().execute(async (trx) => {
      await sql`lock table sessions in access exclusive mode`.execute(trx);
      const controller = new AbortController();
      const request = fetch(`${address}/api/alerts/stream`, {
        headers: { cookie: `assay_session=${officerKe.client.cookie}`, accept: 'text/event-stream' },
        signal: controller.signal,
      }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      expect(await request).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await streamsDownTo(listenersBefore)).toBe(listenersBefore);

    // A sixth tab ends the person's oldest stream.
    const tabs = [];
    for (let i = 0; i < 6; i++) {
      const tab = await openStream(address, officerKe.client);
      await tab.nth('unread', 0);
      tabs.push(tab);
    }
    await withTimeout(tabs[0]!.ended);
    expect(await streamsDownTo(listenersBefore + 5)).toBe(listenersBefore + 5);
    for (const tab of tabs) tab.close();
    expect(await streamsDownTo(listenersBefore)).toBe(listenersBefore);
  });

  it('ends a stream once its session is signed out, expired or its membership disabled', async () => {
    const listenersBefore = t.ctx.alertBus.listenerCount();

    // Signed out in another tab: the next alert is not sent, the stream ends.
    const leaving = await member(analystFr.organisationId, ['officer']);
    const signedOut = await openStream(address, leaving.client);
    await signedOut.nth('unread', 0);
    expect((await leaving.client.delete('/api/session')).statusCode).toBe(204);
    await published(analystFr);
    await withTimeout(signedOut.ended);
    expect(signedOut.events.map((item) => item.event)).toEqual(['unread']);

    // Membership disabled: the next keep-alive ends it, without any alert.
    const disabled = await member(analystFr.organisationId, ['officer']);
    const disabledStream = await openStream(address, disabled.client);
    await disabledStream.nth('unread', 0);
    await t.ctx.db
      .updateTable('memberships')
      .set({ status: 'disabled' })
      .where('user_id', '=', disabled.userId)
      .execute();
    await withTimeout(disabledStream.ended);
    expect(disabledStream.events.map((item) => item.event)).toEqual(['unread']);

    // Past the session's absolute expiry: ended at the next keep-alive.
    const late = await member(analystFr.organisationId, ['officer']);
    const lateStream = await openStream(address, late.client);
    await lateStream.nth('unread', 0);
    await t.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(clock.now().getTime() - 1000) })
      .where('user_id', '=', late.userId)
      .execute();
    await withTimeout(lateStream.ended);
    expect(await streamsDownTo(listenersBefore)).toBe(listenersBefore);
  });
});
