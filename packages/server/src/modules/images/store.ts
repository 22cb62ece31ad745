import { randomUUID } from 'node:crypto';
import type { ImageKind } from '@assay/core';
import type { Insertable } from 'kysely';
import type { ImageTable } from '../../db/schema.js';
import type { BlobStorage } from '../../lib/storage.js';
import type { ProcessedImage } from './processing.js';

/**
 * Write both renditions of a processed image under a new id and give the row that describes it.
 * Files go first, so a row never points at missing files; the caller deletes them if its insert fails.
 */
export async function storeRenditions(
  storage: BlobStorage,
  processed: ProcessedImage,
  owner: { organisationId: string; kind: ImageKind; createdBy: string | null; createdAt: Date },
): Promise<Insertable<ImageTable> & { thumbnail_key: string; display_key: string; id: string }> {
  const id = randomUUID();
  const prefix = `images/${id.slice(0, 2)}/${id}`;
  const keys = { thumbnail: `${prefix}-thumbnail.webp`, display: `${prefix}-display.webp` };
  try {
    await storage.put(keys.display, processed.display.bytes);
    await storage.put(keys.thumbnail, processed.thumbnail.bytes);
  } catch (error) {
    await Promise.allSettled([storage.delete(keys.display), storage.delete(keys.thumbnail)]);
    throw error;
  }
  return {
    id,
    organisation_id: owner.organisationId,
    kind: owner.kind,
    content_type: processed.contentType,
    width: processed.display.width,
    height: processed.display.height,
    bytes: processed.display.bytes.length,
    thumbnail_key: keys.thumbnail,
    display_key: keys.display,
    created_at: owner.createdAt,
    created_by: owner.createdBy,
  };
}
