import type { Actor, PortfolioViewer } from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { invalid } from '../../http/errors.js';

const PRODUCT_COLUMNS = [
  'p.id',
  'p.organisation_id',
  'p.brand_id',
  'b.name as brand_name',
  'p.reference',
  'p.name',
  'p.description',
  'p.packaging',
  'p.category',
  'p.hs_codes',
  'p.countries_of_manufacture',
  'p.length_mm',
  'p.width_mm',
  'p.height_mm',
  'p.weight_g',
  'p.price_min',
  'p.price_max',
  'p.currency',
  'p.status',
  'p.updated_at',
] as const;

/** A product with everything its guide holds, or undefined. */
export async function loadProduct(db: Db, productId: string) {
  const product = await db
    .selectFrom('products as p')
    .innerJoin('brands as b', 'b.id', 'p.brand_id')
    .select(PRODUCT_COLUMNS)
    .where('p.id', '=', productId)
    .executeTakeFirst();
  if (!product) return undefined;
  const [identifiers, guidePoints, indicators, shares, images] = await Promise.all([
    db
      .selectFrom('product_identifiers')
      .select(['gtin', 'level'])
      .where('product_id', '=', productId)
      .orderBy('level')
      .orderBy('gtin')
      .execute(),
    db
      .selectFrom('guide_points')
      .select(['id', 'title', 'body', 'visibility', 'genuine_image_id', 'counterfeit_image_id'])
      .where('product_id', '=', productId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('counterfeit_indicators')
      .select(['kind', 'text'])
      .where('product_id', '=', productId)
      .orderBy('kind')
      .execute(),
    loadShares(db, productId),
    db
      .selectFrom('product_images as pi')
      .innerJoin('images as i', 'i.id', 'pi.image_id')
      .select(['pi.image_id', 'pi.kind', 'i.width', 'i.height'])
      .where('pi.product_id', '=', productId)
      .orderBy('pi.position')
      .execute(),
  ]);
  return { ...product, identifiers, guidePoints, indicators, shares, images };
}

export type ProductRecord = NonNullable<Awaited<ReturnType<typeof loadProduct>>>;

export function loadShares(db: Db, productId: string) {
  return db
    .selectFrom('product_shares as s')
    .leftJoin('organisations as o', 'o.id', 's.target_organisation_id')
    .select([
      's.target_kind',
      's.country_code',
      's.target_organisation_id',
      's.includes_covert',
      'o.name as organisation_name',
    ])
    .where('s.product_id', '=', productId)
    .orderBy('s.target_kind')
    .orderBy('s.country_code')
    .execute();
}

/** Products of a rights holder, newest first, with their GTINs. */
export function listProducts(
  db: Db,
  filter: { organisationId?: string; brandId?: string | undefined; ids?: string[] },
) {
  let query = db
    .selectFrom('products as p')
    .innerJoin('brands as b', 'b.id', 'p.brand_id')
    .select([
      'p.id',
      'p.organisation_id',
      'p.reference',
      'p.name',
      'b.name as brand_name',
      'p.category',
      'p.status',
      sql<
        string[]
      >`coalesce((select array_agg(i.gtin order by i.gtin) from product_identifiers i where i.product_id = p.id), '{}')`.as(
        'gtins',
      ),
    ])
    .orderBy('p.updated_at', 'desc')
    .limit(1000);
  if (filter.organisationId) query = query.where('p.organisation_id', '=', filter.organisationId);
  if (filter.brandId) query = query.where('p.brand_id', '=', filter.brandId);
  return query;
}

/**
 * Products shared with an enforcement organisation: with everyone, with its country or with it by
 * name. Mirrors `productAccess` in core (a test checks both agree).
 */
export function sharedWith(db: Db, viewer: { organisationId: string; countryCode: string | null }) {
  return listProducts(db, {}).where((eb) =>
    eb.exists(
      eb
        .selectFrom('product_shares as s')
        .select('s.id')
        .whereRef('s.product_id', '=', 'p.id')
        .where((share) =>
          share.or([
            share('s.target_kind', '=', 'all'),
            share.and([
              share('s.target_kind', '=', 'country'),
              share('s.country_code', '=', viewer.countryCode ?? ''),
            ]),
            share.and([
              share('s.target_kind', '=', 'organisation'),
              share('s.target_organisation_id', '=', viewer.organisationId),
            ]),
          ]),
        ),
    ),
  );
}

/** The actor as sharing sees them: organisation, its country, and the rights holders a firm represents. */
export async function loadViewer(db: Db, actor: Actor): Promise<PortfolioViewer> {
  const organisation = await db
    .selectFrom('organisations')
    .select('country_code')
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const represented =
    actor.organisationKind === 'legal_representative'
      ? await db
          .selectFrom('representations')
          .select('rights_holder_id')
          .where('legal_representative_id', '=', actor.organisationId)
          .execute()
      : [];
  return {
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
    countryCode: organisation.country_code,
    roles: actor.roles,
    representedRightsHolderIds: represented.map((row) => row.rights_holder_id),
  };
}

const OWNED = { brands: 'brand', products: 'product', images: 'image' } as const;

/** Refuses (400 at `field`) a brand, product or image id that is not the rights holder's own. */
export async function requireOwned(
  executor: Db,
  table: keyof typeof OWNED,
  id: string,
  rightsHolderId: string,
  field: string,
): Promise<void> {
  const row = await executor
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('organisation_id', '=', rightsHolderId)
    .executeTakeFirst();
  if (!row) throw invalid(field, `No such ${OWNED[table]} in this portfolio`);
}
