import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gtinCheckDigit } from '@assay/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, signIn } from '../../test-support/factories.js';
import { createTestApp, type TestApp, TestClient } from '../../test-support/test-app.js';

const ROWS = 1_000_000;
const GTIN = `0${'703821000555'}${gtinCheckDigit('0703821000555')}`;

let t: TestApp;
let owner: TestClient;
let rightsHolderId: string;
let connectorId: string;
let port: number;

beforeAll(async () => {
  t = await createTestApp(
    process.env.DEBUG_LOG ? { log: (await import('pino')).default({ level: 'error' }) } : {},
  );
  const org = await makeOrganisation(t.ctx, { kind: 'rights_holder', countryCode: 'NO' });
  rightsHolderId = org.id;
  const user = await makeUser(t.ctx, org.id, { roles: ['admin'], twoFactor: true });
  owner = new TestClient(t.app);
  await signIn(owner, t.ctx, user);
  const brand = await owner.post(`/api/rights-holders/${rightsHolderId}/brands`, {
    name: 'Norvexa',
    aliases: [],
    categories: [],
  });
  const created = await owner.post(`/api/rights-holders/${rightsHolderId}/connectors`, {
    kind: 'registry',
    name: 'Line 1',
    brandId: brand.json().id,
  });
  connectorId = created.json().connector.id;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** A CSV generated as it is sent: the whole file never exists in this process either. */
function* serialsCsv(rows: number) {
  yield 'gtin,serial,batch,expiry,intended_markets,state\n';
  let chunk = '';
  for (let index = 1; index <= rows; index += 1) {
    chunk += `${GTIN},S${String(index).padStart(9, '0')},B${index % 97},2028-06-30,FR DE NO,${index % 1000 === 0 ? 'recalled' : 'active'}\n`;
    if (index % 2000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams the body over real HTTP (inject would buffer it) and samples the JS heap meanwhile. */
async function upload(rows: number) {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error('Run with node --expose-gc (vitest.config.ts sets it)');
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  // Live heap only: collect first, so garbage not yet collected does not count.
  const sampler = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2000);
  try {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/rights-holders/${rightsHolderId}/connectors/${connectorId}/serials/csv`,
          headers: {
            'content-type': 'text/csv',
            cookie: `assay_session=${owner.cookie}`,
            'x-csrf-token': owner.csrf ?? '',
          },
        },
        (incoming) => {
          let body = '';
          incoming.setEncoding('utf8');
          incoming.on('data', (part) => {
            body += part;
          });
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      Readable.from(serialsCsv(rows)).pipe(outgoing);
    });
    return { ...response, heapGrowthMb: (peak - baseline) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

describe('a registry upload of a million serials', () => {
  it('is streamed with bounded memory and stored whole, with counts per state', async () => {
    const result = await upload(ROWS);
    expect(result.status, result.body).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ rows: ROWS, stored: ROWS });
    // Holding the rows would take hundreds of megabytes of heap; streaming holds one batch at a time.
    expect(result.heapGrowthMb).toBeLessThan(96);
    const connector = (
      await owner.get(`/api/rights-holders/${rightsHolderId}/connectors/${connectorId}`)
    ).json();
    expect(connector.serials).toEqual({
      active: ROWS - ROWS / 1000,
      recalled: ROWS / 1000,
      stolen: 0,
      destroyed: 0,
      decommissioned: 0,
    });
    const [stored] = await t.ctx.db
      .selectFrom('registered_serials')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('connector_id', '=', connectorId)
      .execute();
    expect(Number(stored!.n)).toBe(ROWS);
  }, 600_000);
});
