import type { GuideView } from '@assay/core';
import { urlFor } from '../api/client';
import { imageUrl } from '../api/endpoints';
import { GUIDE_CACHE, IMAGE_CACHE, SAVED_AT_HEADER } from './cache-names';
import { notifyOfflineChange } from './changes';
import { offlineDb, type SavedGuide } from './db';

/** Guides opened but not pinned that stay readable offline, most recent first. */
const RECENT_GUIDES_KEPT = 20;

const hasCaches = () => typeof caches !== 'undefined';

/** Every picture of a guide: the gallery and both sides of each point. */
export function guideImageIds(guide: GuideView): string[] {
  const ids = new Set(guide.images.map((image) => image.imageId));
  for (const point of guide.guidePoints) {
    if (point.genuineImageId) ids.add(point.genuineImageId);
    if (point.counterfeitImageId) ids.add(point.counterfeitImageId);
  }
  return [...ids];
}

function guideUrl(productId: string, lang: string): string {
  return urlFor(`/catalogue/products/${productId}`, { lang });
}

/** Keeps the guide's JSON (as the service worker would) and fetches its pictures at both sizes. */
async function cacheGuide(guide: GuideView, lang: string, imageIds: string[]): Promise<void> {
  if (!hasCaches()) return;
  const guides = await caches.open(GUIDE_CACHE);
  await guides.put(
    guideUrl(guide.id, lang),
    new Response(JSON.stringify(guide), {
      headers: { 'content-type': 'application/json', [SAVED_AT_HEADER]: new Date().toISOString() },
    }),
  );
  if (!navigator.onLine) return;
  const images = await caches.open(IMAGE_CACHE);
  for (const imageId of imageIds) {
    for (const rendition of ['thumbnail', 'display'] as const) {
      const url = imageUrl(imageId, rendition);
      if (await images.match(url)) continue;
      const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
      if (response?.ok) await images.put(url, response);
    }
  }
}

/** Removes guides' cached JSON and the pictures no other kept guide shows. */
async function uncache(dropped: SavedGuide[], kept: SavedGuide[]): Promise<void> {
  if (!hasCaches() || dropped.length === 0) return;
  const stillShown = new Set(kept.flatMap((guide) => guide.imageIds));
  const guides = await caches.open(GUIDE_CACHE);
  const images = await caches.open(IMAGE_CACHE);
  for (const guide of dropped) {
    await guides.delete(urlFor(`/catalogue/products/${guide.productId}`), { ignoreSearch: true });
    for (const imageId of guide.imageIds) {
      if (stillShown.has(imageId)) continue;
      await images.delete(imageUrl(imageId, 'thumbnail'));
      await images.delete(imageUrl(imageId, 'display'));
    }
  }
}

/** The guides this person keeps on the device: pinned first, then the most recently opened. */
export async function listSavedGuides(userId: string): Promise<SavedGuide[]> {
  const all = await (await offlineDb()).getAll('guides');
  return all
    .filter((guide) => guide.userId === userId)
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.openedAt.localeCompare(a.openedAt));
}

export async function savedGuide(productId: string): Promise<SavedGuide | undefined> {
  return (await offlineDb()).get('guides', productId);
}

/** Drops the oldest unpinned guides beyond the number kept. */
async function evict(userId: string): Promise<void> {
  const all = await listSavedGuides(userId);
  const recent = all.filter((guide) => !guide.pinned);
  const dropped = recent.slice(RECENT_GUIDES_KEPT);
  if (dropped.length === 0) return;
  const db = await offlineDb();
  for (const guide of dropped) await db.delete('guides', guide.productId);
  await uncache(
    dropped,
    all.filter((guide) => !dropped.includes(guide)),
  );
}

/**
 * Records an opened guide and keeps it, with its pictures, readable offline. `pinned` undefined keeps
 * the guide's current pin; `fresh` false (a saved copy read offline) leaves the cached copy as it is.
 */
export async function keepGuide(
  guide: GuideView,
  lang: string,
  userId: string,
  options: { pinned?: boolean; fresh: boolean },
): Promise<SavedGuide> {
  const db = await offlineDb();
  const existing = await db.get('guides', guide.id);
  const record: SavedGuide = {
    productId: guide.id,
    userId,
    name: guide.name.text,
    brandName: guide.brandName,
    lang,
    pinned: options.pinned ?? existing?.pinned ?? false,
    openedAt: new Date().toISOString(),
    imageIds: guideImageIds(guide),
  };
  await db.put('guides', record);
  notifyOfflineChange();
  if (options.fresh) await cacheGuide(guide, lang, record.imageIds);
  await evict(userId);
  return record;
}

/** Unpins a guide: it is no longer kept on the device, nor are its pictures. */
export async function forgetGuide(productId: string, userId: string): Promise<void> {
  const db = await offlineDb();
  const guide = await db.get('guides', productId);
  if (!guide) return;
  await db.delete('guides', productId);
  notifyOfflineChange();
  await uncache([guide], await listSavedGuides(userId));
}
