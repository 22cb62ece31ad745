import { type Actor, type ImageKind, isEnforcementKind, visibleGuidePoint } from '@assay/core';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { BlobStorage } from '../../lib/storage.js';
import { recordAudit } from '../audit/queries.js';
import type { PortfolioService } from '../portfolio/service.js';
import { printableJpeg, processImage } from './processing.js';
import { findImage, imageUses, listImages } from './queries.js';
import { storeRenditions } from './store.js';

export type Rendition = 'thumbnail' | 'display';

function imageView(row: {
  id: string;
  kind: ImageKind;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  created_at: Date;
}) {
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    thumbnailUrl: `/api/images/${row.id}/thumbnail`,
    displayUrl: `/api/images/${row.id}/display`,
    createdAt: row.created_at.toISOString(),
  };
}

const inUse = (products: number) =>
  conflict('This image is still shown by a product or one of its guide points', [
    { path: 'imageId', message: `Used by ${products} product${products === 1 ? '' : 's'}` },
  ]);

/** Images rights holders upload for their products and guide points, and who may fetch them. */
export function createImageService(deps: {
  db: Db;
  clock: Clock;
  storage: BlobStorage;
  portfolio: Pick<PortfolioService, 'managedRightsHolder' | 'accessToProducts'>;
  log: Logger;
}) {
  const { db, clock, storage, portfolio, log } = deps;

  /** Whether the actor acts for the rights holder (its members, its legal representatives). */
  async function managesRightsHolder(actor: Actor, rightsHolderId: string): Promise<boolean> {
    try {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return false;
      throw error;
    }
  }

  /**
   * Whether the actor may see an image: the owning rights holder side always; an enforcement user
   * when a product shared with them shows it in its gallery or in a guide point they may see
   * (a covert point's images only with covert access), or when it is a brand's logo.
   */
  async function maySee(actor: Actor, image: { id: string; organisation_id: string }): Promise<boolean> {
    if (await managesRightsHolder(actor, image.organisation_id)) return true;
    // A brand logo is company information: every enforcement user may see it.
    if (isEnforcementKind(actor.organisationKind)) {
      const logo = await db
        .selectFrom('brands')
        .select('id')
        .where('logo_image_id', '=', image.id)
        .executeTakeFirst();
      if (logo) return true;
    }
    const uses = await imageUses(db, image.id);
    if (!uses.length) return false;
    const access = await portfolio.accessToProducts(actor, [...new Set(uses.map((use) => use.product_id))]);
    return uses.some((use) => {
      const level = access.get(use.product_id) ?? 'none';
      return use.visibility === null ? level !== 'none' : visibleGuidePoint(level, use.visibility);
    });
  }

  return {
    /**
     * Check, re-encode and store one uploaded image. Renditions are written before the row: a
     * refused or failed upload leaves neither files nor a row behind.
     */
    async upload(
      actor: Actor,
      rightsHolderId: string,
      readFile: () => Promise<Buffer>,
      kind: ImageKind,
      ip: string | null,
    ) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      const input = await readFile();
      const processed = await processImage(input);
      const row = await storeRenditions(storage, processed, {
        organisationId: rightsHolderId,
        kind,
        createdBy: actor.userId,
        createdAt: clock.now(),
      });
      try {
        const inserted = await db.transaction().execute(async (trx) => {
          const written = await trx
            .insertInto('images')
            .values(row)
            .returning(['id', 'kind', 'content_type', 'width', 'height', 'bytes', 'created_at'])
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: rightsHolderId,
            action: 'image.uploaded',
            target_type: 'image',
            target_id: row.id,
            ip,
            details: { kind, bytes: input.length },
          });
          return written;
        });
        return imageView(inserted);
      } catch (error) {
        await Promise.all([storage.delete(row.display_key), storage.delete(row.thumbnail_key)]).catch(
          (cleanup: unknown) => log.warn({ err: cleanup, imageId: row.id }, 'could not remove image files'),
        );
        throw error;
      }
    },

    /**
     * Delete an image no product or guide point shows any more: its row, then its files. An image
     * still in use is refused (409) so that no guide loses a picture silently.
     */
    async remove(actor: Actor, rightsHolderId: string, imageId: string, ip: string | null) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      let image: { thumbnail_key: string; display_key: string };
      try {
        image = await db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('images')
            .select(['thumbnail_key', 'display_key'])
            .where('id', '=', imageId)
            .where('organisation_id', '=', rightsHolderId)
            .forUpdate()
            .executeTakeFirst();
          if (!row) throw notFound('Image');
          const uses = await imageUses(trx, imageId);
          if (uses.length) throw inUse(new Set(uses.map((use) => use.product_id)).size);
          await trx.deleteFrom('images').where('id', '=', imageId).execute();
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: rightsHolderId,
            action: 'image.deleted',
            target_type: 'image',
            target_id: imageId,
            ip,
          });
          return row;
        });
      } catch (error) {
        // A product written meanwhile now shows the image (foreign key violation).
        if ((error as { code?: unknown }).code === '23503') throw inUse(1);
        throw error;
      }
      await Promise.all([storage.delete(image.display_key), storage.delete(image.thumbnail_key)]).catch(
        (cleanup: unknown) => log.warn({ err: cleanup, imageId }, 'could not remove image files'),
      );
    },

    /** A rights holder's images, newest first. */
    async list(actor: Actor, rightsHolderId: string) {
      await portfolio.managedRightsHolder(actor, rightsHolderId);
      return (await listImages(db, rightsHolderId)).map(imageView);
    },

    /** One rendition's bytes for someone who may see the image; anyone else gets "not found". */
    async rendition(actor: Actor, imageId: string, rendition: Rendition) {
      const image = await findImage(db, imageId);
      if (!image || !(await maySee(actor, image))) throw notFound('Image');
      const bytes = await storage.get(rendition === 'thumbnail' ? image.thumbnail_key : image.display_key);
      if (!bytes) {
        log.error({ imageId }, 'image file missing from storage');
        throw notFound('Image');
      }
      return { bytes, contentType: image.content_type };
    },

    /**
     * Display renditions as JPEG for printing, by image id. No access check: callers pass only ids
     * taken from a guide already filtered for its reader. A missing file is left out.
     */
    async printable(imageIds: readonly string[]): Promise<Map<string, Buffer>> {
      const printable = new Map<string, Buffer>();
      const unique = [...new Set(imageIds)];
      if (!unique.length) return printable;
      const rows = await db
        .selectFrom('images')
        .select(['id', 'display_key'])
        .where('id', 'in', unique)
        .execute();
      for (const row of rows) {
        const bytes = await storage.get(row.display_key);
        if (bytes) printable.set(row.id, await printableJpeg(bytes));
        else log.error({ imageId: row.id }, 'image file missing from storage');
      }
      return printable;
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;
