import {
  type Actor,
  isEnforcementKind,
  type ProductAccess,
  type ProductBody,
  type ProductShare,
  pickText,
  productAccess,
  visibleGuidePoint,
} from '@assay/core';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LocalisedJson } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { recordActorAudit, recordAudit } from '../audit/queries.js';
import { guideRecords } from '../supply-chain/guide-records.js';
import {
  listProducts,
  loadProduct,
  loadShares,
  loadViewer,
  type ProductRecord,
  requireOwned,
  sharedWith,
} from './queries.js';

function isUniqueViolation(error: unknown): error is { constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

const money = (value: string | null) => (value === null ? null : Number(value));

function ownerView(product: ProductRecord) {
  return {
    id: product.id,
    brandId: product.brand_id,
    brandName: product.brand_name,
    reference: product.reference,
    name: product.name,
    description: product.description,
    packaging: product.packaging,
    category: product.category,
    hsCodes: product.hs_codes,
    identifiers: product.identifiers,
    countriesOfManufacture: product.countries_of_manufacture,
    dimensionsMm:
      product.length_mm && product.width_mm && product.height_mm
        ? { length: product.length_mm, width: product.width_mm, height: product.height_mm }
        : null,
    weightG: product.weight_g,
    price:
      product.price_min !== null && product.price_max !== null && product.currency
        ? { min: money(product.price_min)!, max: money(product.price_max)!, currency: product.currency }
        : null,
    status: product.status,
    guidePoints: product.guidePoints.map((point) => ({
      id: point.id,
      title: point.title,
      body: point.body,
      visibility: point.visibility,
      genuineImageId: point.genuine_image_id,
      counterfeitImageId: point.counterfeit_image_id,
    })),
    indicators: product.indicators,
    images: galleryView(product),
    updatedAt: product.updated_at.toISOString(),
  };
}

/** Brands, products and guides of rights holders, and who may see them. */
export function createPortfolioService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /**
   * The rights holder an actor may manage: its own, or one that appointed the actor's legal
   * representative firm. Anything else is "not found", so ids cannot be probed.
   */
  async function managedRightsHolder(executor: Db, actor: Actor, rightsHolderId: string): Promise<string> {
    if (actor.organisationKind === 'rights_holder' && actor.organisationId === rightsHolderId)
      return rightsHolderId;
    if (actor.organisationKind === 'legal_representative') {
      const representation = await executor
        .selectFrom('representations')
        .select('rights_holder_id')
        .where('legal_representative_id', '=', actor.organisationId)
        .where('rights_holder_id', '=', rightsHolderId)
        .executeTakeFirst();
      if (representation) return rightsHolderId;
    }
    throw notFound('Rights holder');
  }

  async function productOf(executor: Db, rightsHolderId: string, productId: string): Promise<ProductRecord> {
    const product = await loadProduct(executor, productId);
    if (!product || product.organisation_id !== rightsHolderId) throw notFound('Product');
    return product;
  }

  /** Write a whole product (row, identifiers, guide points, indicators) inside `trx`. */
  async function writeProduct(
    trx: Db,
    rightsHolderId: string,
    productId: string | null,
    body: ProductBody,
  ): Promise<string> {
    await requireOwned(trx, 'brands', body.brandId, rightsHolderId, 'brandId');
    await checkImagesBelongTo(trx, rightsHolderId, body);
    const row = {
      brand_id: body.brandId,
      reference: body.reference,
      name: body.name,
      description: body.description ?? null,
      packaging: body.packaging ?? null,
      category: body.category,
      hs_codes: body.hsCodes,
      countries_of_manufacture: body.countriesOfManufacture,
      length_mm: body.dimensionsMm?.length ?? null,
      width_mm: body.dimensionsMm?.width ?? null,
      height_mm: body.dimensionsMm?.height ?? null,
      weight_g: body.weightG ?? null,
      price_min: body.price ? String(body.price.min) : null,
      price_max: body.price ? String(body.price.max) : null,
      currency: body.price?.currency ?? null,
      status: body.status,
      updated_at: clock.now(),
    };
    const id = productId
      ? (
          await trx
            .updateTable('products')
            .set(row)
            .where('id', '=', productId)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('products')
            .values({ ...row, organisation_id: rightsHolderId, created_at: clock.now() })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    // A product just inserted has nothing to replace (this saves four queries per new product on a bulk import).
    if (productId) {
      await trx.deleteFrom('product_identifiers').where('product_id', '=', id).execute();
      await trx.deleteFrom('guide_points').where('product_id', '=', id).execute();
      await trx.deleteFrom('counterfeit_indicators').where('product_id', '=', id).execute();
      await trx.deleteFrom('product_images').where('product_id', '=', id).execute();
    }
    if (body.identifiers.length) {
      await trx
        .insertInto('product_identifiers')
        .values(
          body.identifiers.map((identifier) => ({
            product_id: id,
            organisation_id: rightsHolderId,
            ...identifier,
          })),
        )
        .execute();
    }
    if (body.guidePoints.length) {
      await trx
        .insertInto('guide_points')
        .values(
          body.guidePoints.map((point, position) => ({
            product_id: id,
            position,
            title: point.title,
            body: point.body,
            visibility: point.visibility,
            genuine_image_id: point.genuineImageId ?? null,
            counterfeit_image_id: point.counterfeitImageId ?? null,
          })),
        )
        .execute();
    }
    if (body.indicators.length) {
      await trx
        .insertInto('counterfeit_indicators')
        .values(body.indicators.map((indicator) => ({ product_id: id, ...indicator })))
        .execute();
    }
    if (body.images?.length) {
      await trx
        .insertInto('product_images')
        .values(
          body.images.map((image, position) => ({
            product_id: id,
            position,
            image_id: image.imageId,
            kind: image.kind,
          })),
        )
        .execute();
    }
    return id;
  }

  async function saving<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        const gtin = String(error.constraint ?? '').includes('identifiers');
        throw conflict(
          gtin
            ? 'One of these GTINs already belongs to another product of this rights holder'
            : 'A product with this reference already exists',
          [{ path: gtin ? 'identifiers' : 'reference', message: 'Already used' }],
        );
      }
      throw error;
    }
  }

  const audit = (
    trx: Db,
    actor: Actor,
    rightsHolderId: string,
    action: string,
    productId: string,
    ip: string | null,
    details: Record<string, unknown> = {},
  ) => recordActorAudit(trx, actor, rightsHolderId, action, { type: 'product', id: productId }, ip, details);

  return {
    managedRightsHolder: (actor: Actor, rightsHolderId: string) =>
      managedRightsHolder(db, actor, rightsHolderId),

    /** The one way a product is written, for callers holding a transaction (the bulk import). */
    writeProduct,

    /**
     * How far the actor sees into each of these products (`none` for a missing one): used to decide
     * who may fetch an image that products or their guide points use.
     */
    async accessToProducts(actor: Actor, productIds: readonly string[]): Promise<Map<string, ProductAccess>> {
      const access = new Map<string, ProductAccess>();
      if (!productIds.length) return access;
      const viewer = await loadViewer(db, actor);
      const owners = await db
        .selectFrom('products')
        .select(['id', 'organisation_id'])
        .where('id', 'in', [...productIds])
        .execute();
      for (const product of owners) {
        const shares = (await loadShares(db, product.id)).map(toShare);
        access.set(product.id, productAccess(viewer, product.organisation_id, shares));
      }
      return access;
    },

    async brands(actor: Actor, rightsHolderId: string) {
      await managedRightsHolder(db, actor, rightsHolderId);
      const rows = await db
        .selectFrom('brands as b')
        .select([
          'b.id',
          'b.name',
          'b.aliases',
          'b.categories',
          'b.logo_image_id',
          sql<number>`(select count(*)::int from products p where p.brand_id = b.id)`.as('product_count'),
        ])
        .where('b.organisation_id', '=', rightsHolderId)
        .orderBy('b.name')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        aliases: row.aliases,
        categories: row.categories,
        logoImageId: row.logo_image_id,
        productCount: row.product_count,
      }));
    },

    async saveBrand(
      actor: Actor,
      rightsHolderId: string,
      brandId: string | null,
      body: { name: string; aliases: string[]; categories: string[]; logoImageId: string | null },
      ip: string | null,
    ) {
      await managedRightsHolder(db, actor, rightsHolderId);
      try {
        const id = await db.transaction().execute(async (trx) => {
          if (body.logoImageId)
            await requireOwned(trx, 'images', body.logoImageId, rightsHolderId, 'logoImageId');
          const values = {
            name: body.name,
            aliases: body.aliases,
            categories: body.categories,
            logo_image_id: body.logoImageId,
            updated_at: clock.now(),
          };
          const row = brandId
            ? await trx
                .updateTable('brands')
                .set(values)
                .where('id', '=', brandId)
                .where('organisation_id', '=', rightsHolderId)
                .returning('id')
                .executeTakeFirst()
            : await trx
                .insertInto('brands')
                .values({ ...values, organisation_id: rightsHolderId })
                .returning('id')
                .executeTakeFirstOrThrow();
          if (!row) throw notFound('Brand');
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: rightsHolderId,
            action: brandId ? 'brand.updated' : 'brand.created',
            target_type: 'brand',
            target_id: row.id,
            ip,
          });
          return row.id;
        });
        return (await this.brands(actor, rightsHolderId)).find((brand) => brand.id === id)!;
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('A brand with this name already exists', [
            { path: 'name', message: 'Already used' },
          ]);
        throw error;
      }
    },

    async products(
      actor: Actor,
      rightsHolderId: string,
      filter: { brandId?: string | undefined; lang?: string | undefined },
    ) {
      await managedRightsHolder(db, actor, rightsHolderId);
      const rows = await listProducts(db, {
        organisationId: rightsHolderId,
        brandId: filter.brandId,
      }).execute();
      return rows.map((row) => summary(row, filter.lang ?? row.name.original));
    },

    async product(actor: Actor, rightsHolderId: string, productId: string) {
      await managedRightsHolder(db, actor, rightsHolderId);
      return ownerView(await productOf(db, rightsHolderId, productId));
    },

    async createProduct(actor: Actor, rightsHolderId: string, body: ProductBody, ip: string | null) {
      await managedRightsHolder(db, actor, rightsHolderId);
      const id = await saving(() =>
        db.transaction().execute(async (trx) => {
          const created = await writeProduct(trx, rightsHolderId, null, body);
          await audit(trx, actor, rightsHolderId, 'product.created', created, ip, {
            reference: body.reference,
          });
          return created;
        }),
      );
      return ownerView((await loadProduct(db, id))!);
    },

    async replaceProduct(
      actor: Actor,
      rightsHolderId: string,
      productId: string,
      body: ProductBody,
      ip: string | null,
    ) {
      await managedRightsHolder(db, actor, rightsHolderId);
      await saving(() =>
        db.transaction().execute(async (trx) => {
          await productOf(trx, rightsHolderId, productId);
          await writeProduct(trx, rightsHolderId, productId, body);
          await audit(trx, actor, rightsHolderId, 'product.updated', productId, ip);
        }),
      );
      return ownerView((await loadProduct(db, productId))!);
    },

    /**
     * Create or replace the product with the rights holder's own reference: a product-information
     * system can send the same request again and again without making duplicates.
     */
    async upsertByReference(
      actor: Actor,
      rightsHolderId: string,
      reference: string,
      body: ProductBody,
      ip: string | null,
    ) {
      await managedRightsHolder(db, actor, rightsHolderId);
      if (body.reference !== reference)
        throw invalid('reference', 'The reference in the body differs from the one in the path');
      return saving(() =>
        db.transaction().execute(async (trx) => {
          const existing = await trx
            .selectFrom('products')
            .select('id')
            .where('organisation_id', '=', rightsHolderId)
            .where('reference', '=', reference)
            .forUpdate()
            .executeTakeFirst();
          const id = await writeProduct(trx, rightsHolderId, existing?.id ?? null, body);
          await audit(trx, actor, rightsHolderId, existing ? 'product.updated' : 'product.created', id, ip, {
            reference,
            via: 'upsert',
          });
          return { created: !existing, product: ownerView((await loadProduct(trx, id))!) };
        }),
      );
    },

    async shares(actor: Actor, rightsHolderId: string, productId: string) {
      await managedRightsHolder(db, actor, rightsHolderId);
      await productOf(db, rightsHolderId, productId);
      return (await loadShares(db, productId)).map(shareView);
    },

    async replaceShares(
      actor: Actor,
      rightsHolderId: string,
      productId: string,
      shares: ProductShare[],
      ip: string | null,
    ) {
      await managedRightsHolder(db, actor, rightsHolderId);
      await db.transaction().execute(async (trx) => {
        await productOf(trx, rightsHolderId, productId);
        const named = shares.flatMap((share) =>
          share.kind === 'organisation' ? [share.organisationId] : [],
        );
        if (named.length) {
          const found = await trx
            .selectFrom('organisations')
            .select('id')
            .where('id', 'in', named)
            .where('status', '=', 'active')
            .where('kind', 'in', ['customs', 'police', 'other_enforcement'])
            .execute();
          const missing = named.findIndex((id) => !found.some((row) => row.id === id));
          if (missing >= 0)
            throw invalid(
              `shares.${shares.findIndex((s) => s.kind === 'organisation' && s.organisationId === named[missing])}.organisationId`,
              'Not an approved enforcement organisation',
            );
        }
        await trx.deleteFrom('product_shares').where('product_id', '=', productId).execute();
        const unique = new Map(
          shares.map((share) => [JSON.stringify({ ...share, includesCovert: undefined }), share]),
        );
        if (unique.size) {
          await trx
            .insertInto('product_shares')
            .values(
              [...unique.values()].map((share) => ({
                product_id: productId,
                target_kind: share.kind,
                country_code: share.kind === 'country' ? share.countryCode : null,
                target_organisation_id: share.kind === 'organisation' ? share.organisationId : null,
                includes_covert: share.includesCovert,
              })),
            )
            .execute();
        }
        await audit(trx, actor, rightsHolderId, 'product.shares_changed', productId, ip, {
          shares: unique.size,
        });
      });
      return (await loadShares(db, productId)).map(shareView);
    },

    /** Guide views per month and viewer country for a rights holder's products. */
    async viewStatistics(actor: Actor, rightsHolderId: string, months: number) {
      await managedRightsHolder(db, actor, rightsHolderId);
      const since = new Date(clock.now());
      since.setUTCMonth(since.getUTCMonth() - months + 1, 1);
      since.setUTCHours(0, 0, 0, 0);
      const rows = await db
        .selectFrom('guide_views as v')
        .innerJoin('products as p', 'p.id', 'v.product_id')
        .select([
          sql<string>`to_char(date_trunc('month', v.viewed_at at time zone 'UTC'), 'YYYY-MM')`.as('month'),
          'v.viewer_country',
          sql<number>`count(*)::int`.as('views'),
        ])
        .where('p.organisation_id', '=', rightsHolderId)
        .where('v.viewed_at', '>=', since)
        .groupBy([sql`1`, 'v.viewer_country'])
        .orderBy(sql`1`)
        .orderBy('v.viewer_country')
        .execute();
      return rows.map((row) => ({ month: row.month, countryCode: row.viewer_country, views: row.views }));
    },

    /** Products this enforcement user may open, in their language. */
    async catalogue(actor: Actor, lang: string) {
      const viewer = await loadViewer(db, actor);
      if (!isEnforcementKind(viewer.organisationKind)) return [];
      const rows = await sharedWith(db, viewer).execute();
      return rows.map((row) => summary(row, lang));
    },

    /**
     * One guide as an enforcement officer sees it: their language where entered, covert points only
     * when named for them. Each view is counted for the rights holder (organisation and country,
     * never the person) and written to the audit log of the viewer's organisation.
     */
    async guide(actor: Actor, productId: string, lang: string, ip: string | null) {
      const viewer = await loadViewer(db, actor);
      const product = await loadProduct(db, productId);
      if (!product) throw notFound('Product');
      const access = productAccess(
        viewer,
        product.organisation_id,
        product.shares.map((share) => toShare(share)),
      );
      if (access === 'none') throw notFound('Product');
      const owner = await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', '=', product.organisation_id)
        .executeTakeFirstOrThrow();
      if (access !== 'owner') {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('guide_views')
            .values({
              product_id: productId,
              viewer_organisation_id: viewer.organisationId,
              viewer_country: viewer.countryCode,
              viewed_at: clock.now(),
            })
            .execute();
          await recordAudit(trx, {
            actor_user_id: actor.userId,
            actor_organisation_id: actor.organisationId,
            organisation_id: actor.organisationId,
            action: 'product.guide_viewed',
            target_type: 'product',
            target_id: productId,
            ip,
            details: { rightsHolderId: product.organisation_id, covert: access === 'overt_and_covert' },
          });
        });
      }
      const shown = (text: LocalisedJson) => {
        const picked = pickText(text, lang);
        return { text: picked.text, language: picked.language, isReaderLanguage: picked.isReaderLanguage };
      };
      return {
        id: product.id,
        rightsHolder: owner,
        brandName: product.brand_name,
        reference: product.reference,
        name: shown(product.name),
        description: product.description ? shown(product.description) : null,
        packaging: product.packaging ? shown(product.packaging) : null,
        category: product.category,
        hsCodes: product.hs_codes,
        identifiers: product.identifiers,
        countriesOfManufacture: product.countries_of_manufacture,
        price: ownerView(product).price,
        status: product.status,
        guidePoints: product.guidePoints
          .filter((point) => visibleGuidePoint(access, point.visibility))
          .map((point) => ({
            id: point.id,
            title: shown(point.title),
            body: shown(point.body),
            visibility: point.visibility,
            genuineImageId: point.genuine_image_id,
            counterfeitImageId: point.counterfeit_image_id,
          })),
        indicators: product.indicators.map((indicator) => ({
          kind: indicator.kind,
          text: shown(indicator.text),
        })),
        images: galleryView(product),
        ...(await guideRecords(
          db,
          { organisationId: product.organisation_id, productId: product.id, brandId: product.brand_id },
          viewer.countryCode,
        )),
      };
    },
  };
}

/** Image ids of a product body, each with the field path that names it. */
function imageReferences(body: ProductBody): { path: string; imageId: string }[] {
  return [
    ...(body.images ?? []).map((image, index) => ({
      path: `images.${index}.imageId`,
      imageId: image.imageId,
    })),
    ...body.guidePoints.flatMap((point, index) => [
      ...(point.genuineImageId
        ? [{ path: `guidePoints.${index}.genuineImageId`, imageId: point.genuineImageId }]
        : []),
      ...(point.counterfeitImageId
        ? [{ path: `guidePoints.${index}.counterfeitImageId`, imageId: point.counterfeitImageId }]
        : []),
    ]),
  ];
}

/** A product may only show images its own rights holder uploaded. */
async function checkImagesBelongTo(trx: Db, rightsHolderId: string, body: ProductBody): Promise<void> {
  const references = imageReferences(body);
  if (!references.length) return;
  const found = await trx
    .selectFrom('images')
    .select('id')
    .where('organisation_id', '=', rightsHolderId)
    .where('id', 'in', [...new Set(references.map((reference) => reference.imageId))])
    .execute();
  const known = new Set(found.map((row) => row.id));
  const missing = references.find((reference) => !known.has(reference.imageId));
  if (missing) throw invalid(missing.path, 'No such image in this portfolio');
}

function galleryView(product: ProductRecord) {
  return product.images.map((image) => ({
    imageId: image.image_id,
    kind: image.kind,
    width: image.width,
    height: image.height,
  }));
}

function summary(
  row: {
    id: string;
    reference: string;
    name: LocalisedJson;
    brand_name: string;
    category: string;
    status: 'active' | 'discontinued' | 'recalled';
    gtins: string[];
  },
  lang: string,
) {
  const name = pickText(row.name, lang);
  return {
    id: row.id,
    reference: row.reference,
    name: name.text,
    nameLanguage: name.language,
    brandName: row.brand_name,
    category: row.category,
    status: row.status,
    gtins: row.gtins,
  };
}

type ShareRow = Awaited<ReturnType<typeof loadShares>>[number];

function toShare(row: ShareRow): ProductShare {
  if (row.target_kind === 'country')
    return { kind: 'country', countryCode: row.country_code!, includesCovert: false };
  if (row.target_kind === 'organisation')
    return {
      kind: 'organisation',
      organisationId: row.target_organisation_id!,
      includesCovert: row.includes_covert,
    };
  return { kind: 'all', includesCovert: false };
}

function shareView(row: ShareRow) {
  return {
    kind: row.target_kind,
    countryCode: row.country_code,
    organisationId: row.target_organisation_id,
    organisationName: row.organisation_name,
    includesCovert: row.includes_covert,
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
