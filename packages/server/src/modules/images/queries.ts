import type { Db } from '../../db/database.js';

export function findImage(db: Db, imageId: string) {
  return db
    .selectFrom('images')
    .select(['id', 'organisation_id', 'content_type', 'thumbnail_key', 'display_key'])
    .where('id', '=', imageId)
    .executeTakeFirst();
}

export function listImages(db: Db, organisationId: string) {
  return db
    .selectFrom('images')
    .select(['id', 'kind', 'content_type', 'width', 'height', 'bytes', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
}

/**
 * Where an image is shown: in a product's gallery (`visibility` null) or on a guide point, as its
 * genuine or counterfeit image (`visibility` of that point).
 */
export async function imageUses(
  db: Db,
  imageId: string,
): Promise<{ product_id: string; visibility: 'overt' | 'covert' | null }[]> {
  const [gallery, points] = await Promise.all([
    db.selectFrom('product_images').select('product_id').where('image_id', '=', imageId).execute(),
    db
      .selectFrom('guide_points')
      .select(['product_id', 'visibility'])
      .where((eb) => eb.or([eb('genuine_image_id', '=', imageId), eb('counterfeit_image_id', '=', imageId)]))
      .execute(),
  ]);
  return [...gallery.map((row) => ({ product_id: row.product_id, visibility: null })), ...points];
}
