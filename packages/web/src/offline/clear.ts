import { API_CACHE_PREFIX } from './cache-names';
import { notifyOfflineChange } from './changes';
import { offlineDb } from './db';
import { forgetSession } from './offline-session';

/**
 * Leaves nothing of the signed-in person on the device (phones are shared at the bench): every cached
 * API answer, saved guides, queued reports and the offline session.
 */
export async function clearOfflineData(): Promise<void> {
  forgetSession();
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) {
      if (name.startsWith(API_CACHE_PREFIX)) await caches.delete(name);
    }
  }
  const db = await offlineDb();
  await db.clear('outbox');
  await db.clear('guides');
  notifyOfflineChange();
}

/** Another person signed in on this device: their predecessor's cached answers and guides go. */
export async function clearCachedGuides(): Promise<void> {
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) {
      if (name.startsWith(API_CACHE_PREFIX)) await caches.delete(name);
    }
  }
  await (await offlineDb()).clear('guides');
  notifyOfflineChange();
}
