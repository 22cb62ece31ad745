import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { type AppContext, createAppContext, type Limits } from '../app-context.js';
import { readConfig } from '../config.js';
import type { App } from '../http/types.js';
import type { Clock } from '../lib/clock.js';
import { buildServer } from '../server.js';
import { createTestDatabase } from './test-database.js';

/** A clock tests can move forward. */
export function movableClock(start = new Date('2026-11-23T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  } satisfies Clock & { advance(seconds: number): void };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  dbKind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** The real server on a fresh database, in process; requests go through `app.inject`. */
export async function createTestApp(
  options: { clock?: Clock; limits?: Partial<Limits>; env?: Record<string, string>; log?: Logger } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'assay-test-'));
  const database = await createTestDatabase();
  const config = readConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET: 'test-secret-that-is-long-enough-for-the-schema',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
    PUBLIC_URL: 'https://assay.test',
    WEB_DIST: join(dataDir, 'no-web-build'),
    ...options.env,
  });
  const ctx = await createAppContext(config, {
    db: database.db,
    clock: options.clock ?? movableClock(new Date()),
    ...(options.log ? { log: options.log } : {}),
    limits: { authRequestsPerMinute: 1000, ...options.limits },
  });
  const app = await buildServer(ctx);
  await app.ready();
  return {
    app,
    ctx,
    dbKind: database.kind,
    async close() {
      await app.close();
      await ctx.mail.dispatcher?.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like caller: keeps the session cookie and sends the CSRF header it was given. */
export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    private readonly app: App,
    private readonly ip = '127.0.0.1',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: `assay_session=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = response.cookies.find((cookie) => cookie.name === 'assay_session');
    if (set) this.cookie = set.value || null;
    const json = response.headers['content-type']?.toString().includes('json') ? response.json() : null;
    const session = json?.csrfToken !== undefined ? json : json?.session;
    if (session && 'csrfToken' in session) this.csrf = session.csrfToken;
    return response;
  }

  /** Send one file as a browser form does (multipart/form-data, field `file` unless told). */
  upload(
    method: 'POST' | 'PUT',
    url: string,
    bytes: Buffer | string,
    options: { filename?: string; contentType?: string; field?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----assay${randomBytes(8).toString('hex')}`;
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; ` +
      `filename="${options.filename ?? 'upload.bin'}"\r\nContent-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`;
    const payload = Buffer.concat([
      Buffer.from(head),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request(method, url, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}
