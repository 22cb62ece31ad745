import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import {
  ALERT_CACHE,
  ALERT_INBOX_PATH,
  GUIDE_CACHE,
  GUIDE_PATH,
  IMAGE_CACHE,
  IMAGE_PATH,
  SAVED_AT_HEADER,
} from '../cache-names';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// The app shell: HTML, scripts, styles, fonts, icons and translations (bundled in the scripts),
// listed with their hashes at build time.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any page of the app opens offline from the cached shell; the API and its docs are never pages of it.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// A new version takes over at once: officers get fixes without closing every tab.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** On a slow line, a saved copy is shown after this long rather than a spinner for a minute. */
const NETWORK_TIMEOUT_MS = 6_000;

/** Query parameters that choose what an answer holds (not merely its language): never mixed up. */
const DEFINING_PARAMS = ['filter'];

async function saved(cacheName: string, request: Request): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  const exact = await cache.match(request);
  if (exact) return exact;
  // Another language of the same guide is better than nothing offline, but the inbox of all alerts
  // is no substitute for the active ones (nor the other way round).
  const wanted = new URL(request.url).searchParams;
  for (const candidate of await cache.matchAll(request, { ignoreSearch: true })) {
    const params = new URL(candidate.url).searchParams;
    if (DEFINING_PARAMS.every((name) => params.get(name) === wanted.get(name))) return candidate;
  }
  return undefined;
}

/** Keeps a successful answer, stamped with when; a 403 or 404 removes the saved copy (sharing was withdrawn). */
async function keep(cacheName: string, request: Request, response: Response): Promise<void> {
  const cache = await caches.open(cacheName);
  if (response.ok) {
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT_HEADER, new Date().toISOString());
    const copy = new Response(await response.clone().blob(), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
    await cache.put(request, copy);
  } else if (response.status === 403 || response.status === 404) {
    await cache.delete(request, { ignoreSearch: true });
  }
}

/**
 * The network's answer, kept for offline; the saved copy when the network fails or is too slow.
 * Only successful answers are kept; a 403 or 404 removes the saved copy (sharing was withdrawn).
 */
async function networkFirst(cacheName: string, request: Request): Promise<Response> {
  const fromNetwork = fetch(request).then(async (response) => {
    // Keeping the copy may fail (a full storage quota): that must not turn a good answer into a failure.
    await keep(cacheName, request, response).catch(() => undefined);
    return response;
  });
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), NETWORK_TIMEOUT_MS));
  try {
    const first = await Promise.race([fromNetwork, slow]);
    if (first !== 'slow') return first;
    const copy = await saved(cacheName, request);
    if (!copy) return await fromNetwork;
    // The late answer still refreshes the cache; its failure has no one left to tell.
    fromNetwork.catch(() => undefined);
    return copy;
  } catch (error) {
    const copy = await saved(cacheName, request);
    if (copy) return copy;
    throw error;
  }
}

/** Pictures of saved guides come from the cache (an image id names one immutable picture). */
async function savedFirst(request: Request): Promise<Response> {
  const copy = await (await caches.open(IMAGE_CACHE)).match(request);
  return copy ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (GUIDE_PATH.test(url.pathname)) event.respondWith(networkFirst(GUIDE_CACHE, request));
  else if (ALERT_INBOX_PATH.test(url.pathname)) event.respondWith(networkFirst(ALERT_CACHE, request));
  else if (IMAGE_PATH.test(url.pathname)) event.respondWith(savedFirst(request));
});
