import { API_CACHE_PREFIX } from './cache-names';
import { notifyOfflineChange } from './changes';
import { offlineDb } from './db';
import { forgetSession } from './offline-session';

async function dropCachedAnswers(): Promise<void> {
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    if (name.startsWith(API_CACHE_PREFIX)) await caches.delete(name);
  }
}

/**
 * Leaves nothing of the person signing out on the device (phones are shared at the bench): every
 * cached API answer, saved guides, their reports and the offline session. Reports of other people
 * who signed in here stay, for their own session to send.
 */
export async function clearOfflineData(userId: string | null): Promise<void> {
  forgetSession();
  await dropCachedAnswers();
  const db = await offlineDb();
  const tx = db.transaction(['outbox', 'guides'], 'readwrite');
  if (userId) {
    for (const entry of await tx.objectStore('outbox').getAll()) {
      if (entry.userId === userId) await tx.objectStore('outbox').delete(entry.key);
    }
  }
  await tx.objectStore('guides').clear();
  await tx.done;
  notifyOfflineChange();
}

/** Another person signed in on this device: their predecessor's cached answers and guides go. */
export async function clearCachedGuides(): Promise<void> {
  await dropCachedAnswers();
  await (await offlineDb()).clear('guides');
  notifyOfflineChange();
}
