import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `vite build` writes the web app, relative to this file once compiled. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Files of the installable app that a browser must revalidate on every load. */
const NEVER_STALE = new Set(['service-worker.js', 'manifest.webmanifest']);

/**
 * Serve the built web app on the API's port: files by path, and index.html for any other GET
 * outside /api that does not name a file, so that client-side routes survive a reload. Returns false when nothing is built.
 */
export async function registerWebApp(app: FastifyInstance, configured: string | null): Promise<boolean> {
  const root = resolve(configured ?? DEFAULT_DIST);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  // serve: false — only `reply.sendFile`; the route below decides caching (hashed assets are immutable).
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return reply.callNotFound();
    const file = path.slice(1);
    if (file && !file.includes('..') && existsSync(resolve(root, file)) && file !== 'index.html') {
      // The service worker and the web app manifest must be fetched afresh, or an update never arrives.
      if (NEVER_STALE.has(file)) {
        return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
      }
      return reply.sendFile(file, {
        maxAge: file.startsWith('assets/') ? '365d' : '1h',
        immutable: file.startsWith('assets/'),
      });
    }
    // A missing file (an old build's chunk asked for by a tab opened before a release) is a 404:
    // answered with index.html, the browser would fail to run it as a script with a puzzling error.
    const namesAFile = file.startsWith('assets/') || /\.[a-z0-9]+$/i.test(file);
    if (namesAFile && file !== 'index.html') return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return true;
}
