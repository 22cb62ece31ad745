import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './static.js';

describe('the built web app as served', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'assay-web-'));
    mkdirSync(path.join(dist, 'assets'));
    mkdirSync(path.join(dist, 'icons'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Assay</title>');
    writeFileSync(path.join(dist, 'service-worker.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Assay","display":"standalone"}');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(path.join(dist, 'icons', 'icon-192.png'), Buffer.from([137, 80, 78, 71]));
    app = Fastify();
    expect(await registerWebApp(app, dist)).toBe(true);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the service worker as JavaScript that browsers must revalidate every time', async () => {
    const response = await app.inject({ method: 'GET', url: '/service-worker.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('addEventListener');
  });

  it('serves the web app manifest with its media type, revalidated too', async () => {
    const response = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(response.headers['content-type']).toContain('application/manifest+json');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.json()).toMatchObject({ display: 'standalone' });
  });

  it('keeps hashed assets immutable and icons cacheable for an hour', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/icons/icon-192.png' });
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers client-side routes with index.html, never cached, and leaves the API alone', async () => {
    const page = await app.inject({ method: 'GET', url: '/guides/saved' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Assay</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.body).not.toContain('<title>');
  });

  it("answers 404, not the app page, for a file that is not there (an old build's chunk)", async () => {
    for (const url of ['/assets/scan-OLDHASH.js', '/icons/missing.png', '/favicon.ico']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<title>');
    }
    expect((await app.inject({ method: 'GET', url: '/reports/new' })).statusCode).toBe(200);
    // The service worker precaches the app page by its own name.
    const page = await app.inject({ method: 'GET', url: '/index.html' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});
