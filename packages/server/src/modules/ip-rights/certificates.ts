import { randomUUID } from 'node:crypto';
import type { Actor } from '@assay/core';
import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { BlobStorage } from '../../lib/storage.js';
import { recordAudit } from '../audit/queries.js';
import { processImage } from '../images/processing.js';
import type { PortfolioService } from '../portfolio/service.js';

const PDF_MAGIC = Buffer.from('%PDF-');
const PDF_END = Buffer.from('%%EOF');

/**
 * A PDF is kept as sent once its header and end marker are there (a truncated upload lacks the
 * latter); anything else must be an image, re-encoded without metadata like every image.
 */
async function certificateFile(
  bytes: Buffer,
): Promise<{ bytes: Buffer; type: 'application/pdf' | 'image/webp' }> {
  if (bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    if (!bytes.subarray(-1024).includes(PDF_END)) {
      throw new AppError(400, 'validation_failed', 'The PDF is truncated', [
        { path: 'file', message: 'Truncated PDF' },
      ]);
    }
    return { bytes, type: 'application/pdf' };
  }
  const image = await processImage(bytes);
  return { bytes: image.display.bytes, type: image.contentType };
}

/** Registration certificates of IP rights, for the rights holder's side only. */
export function createCertificateService(deps: {
  db: Db;
  clock: Clock;
  storage: BlobStorage;
  portfolio: Pick<PortfolioService, 'managedRightsHolder'>;
}) {
  const { db, clock, storage } = deps;

  async function ipRightOf(actor: Actor, rightsHolderId: string, ipRightId: string) {
    await deps.portfolio.managedRightsHolder(actor, rightsHolderId);
    const row = await db
      .selectFrom('ip_rights')
      .select(['id', 'certificate_key', 'certificate_type'])
      .where('id', '=', ipRightId)
      .where('organisation_id', '=', rightsHolderId)
      .executeTakeFirst();
    if (!row) throw notFound('IP right');
    return row;
  }

  return {
    async attach(
      actor: Actor,
      rightsHolderId: string,
      ipRightId: string,
      read: () => Promise<Buffer>,
      ip: string | null,
    ) {
      const previous = await ipRightOf(actor, rightsHolderId, ipRightId);
      const file = await certificateFile(await read());
      const key = `certificates/${rightsHolderId}/${randomUUID()}`;
      await storage.put(key, file.bytes);
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('ip_rights')
            .set({
              certificate_key: key,
              certificate_type: file.type,
              certificate_bytes: file.bytes.length,
              certificate_uploaded_at: clock.now(),
            })
            .where('id', '=', ipRightId)
            .execute();
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: rightsHolderId,
            action: 'ip_right.certificate_uploaded',
            target_type: 'ip_right',
            target_id: ipRightId,
            ip,
            details: { type: file.type, bytes: file.bytes.length },
          });
        });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      if (previous.certificate_key) await storage.delete(previous.certificate_key);
      return { contentType: file.type, bytes: file.bytes.length };
    },

    async fetch(actor: Actor, rightsHolderId: string, ipRightId: string) {
      const row = await ipRightOf(actor, rightsHolderId, ipRightId);
      const bytes = row.certificate_key ? await storage.get(row.certificate_key) : null;
      if (!bytes || !row.certificate_type) throw notFound('Certificate');
      return { bytes, contentType: row.certificate_type };
    },
  };
}
