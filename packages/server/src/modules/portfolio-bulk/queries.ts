import type { ProductBody } from '@assay/core';
import type { Db } from '../../db/database.js';

export interface PortfolioBrand {
  id: string;
  name: string;
  aliases: string[];
  categories: string[];
}

/** A stored product in the shape of a product body, with its id and brand name. */
export interface PortfolioProduct {
  id: string;
  brandName: string;
  body: ProductBody;
}

export interface Portfolio {
  brands: PortfolioBrand[];
  products: PortfolioProduct[];
}

/** Every brand and product of a rights holder with its guide, in a handful of queries. */
export async function loadPortfolio(db: Db, organisationId: string): Promise<Portfolio> {
  const [brands, products, identifiers, guidePoints, indicators, images] = await Promise.all([
    db
      .selectFrom('brands')
      .select(['id', 'name', 'aliases', 'categories'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('products as p')
      .innerJoin('brands as b', 'b.id', 'p.brand_id')
      .select([
        'p.id',
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
      ])
      .where('p.organisation_id', '=', organisationId)
      .orderBy('p.reference')
      .execute(),
    db
      .selectFrom('product_identifiers')
      .select(['product_id', 'gtin', 'level'])
      .where('organisation_id', '=', organisationId)
      .orderBy('product_id')
      .orderBy('gtin')
      .execute(),
    db
      .selectFrom('guide_points as g')
      .innerJoin('products as p', 'p.id', 'g.product_id')
      .select([
        'g.product_id',
        'g.title',
        'g.body',
        'g.visibility',
        'g.genuine_image_id',
        'g.counterfeit_image_id',
      ])
      .where('p.organisation_id', '=', organisationId)
      .orderBy('g.product_id')
      .orderBy('g.position')
      .execute(),
    db
      .selectFrom('counterfeit_indicators as c')
      .innerJoin('products as p', 'p.id', 'c.product_id')
      .select(['c.product_id', 'c.kind', 'c.text'])
      .where('p.organisation_id', '=', organisationId)
      .orderBy('c.product_id')
      .orderBy('c.kind')
      .execute(),
    db
      .selectFrom('product_images as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select(['i.product_id', 'i.image_id', 'i.kind'])
      .where('p.organisation_id', '=', organisationId)
      .orderBy('i.product_id')
      .orderBy('i.position')
      .execute(),
  ]);
  const byProduct = <T extends { product_id: string }>(rows: T[]) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const list = grouped.get(row.product_id);
      if (list) list.push(row);
      else grouped.set(row.product_id, [row]);
    }
    return grouped;
  };
  const identifiersOf = byProduct(identifiers);
  const pointsOf = byProduct(guidePoints);
  const indicatorsOf = byProduct(indicators);
  const imagesOf = byProduct(images);
  return {
    brands,
    products: products.map((p) => ({
      id: p.id,
      brandName: p.brand_name,
      body: {
        brandId: p.brand_id,
        reference: p.reference,
        name: p.name,
        ...(p.description ? { description: p.description } : {}),
        ...(p.packaging ? { packaging: p.packaging } : {}),
        category: p.category,
        hsCodes: p.hs_codes,
        identifiers: (identifiersOf.get(p.id) ?? []).map(({ gtin, level }) => ({ gtin, level })),
        countriesOfManufacture: p.countries_of_manufacture,
        ...(p.length_mm !== null && p.width_mm !== null && p.height_mm !== null
          ? { dimensionsMm: { length: p.length_mm, width: p.width_mm, height: p.height_mm } }
          : {}),
        ...(p.weight_g !== null ? { weightG: p.weight_g } : {}),
        ...(p.price_min !== null && p.price_max !== null && p.currency !== null
          ? { price: { min: Number(p.price_min), max: Number(p.price_max), currency: p.currency } }
          : {}),
        status: p.status,
        guidePoints: (pointsOf.get(p.id) ?? []).map((point) => ({
          title: point.title,
          body: point.body,
          visibility: point.visibility,
          genuineImageId: point.genuine_image_id,
          counterfeitImageId: point.counterfeit_image_id,
        })),
        indicators: (indicatorsOf.get(p.id) ?? []).map(({ kind, text }) => ({ kind, text })),
        images: (imagesOf.get(p.id) ?? []).map(({ image_id, kind }) => ({ imageId: image_id, kind })),
      },
    })),
  };
}

/** Locks the rights holder's row so that two imports into one portfolio run one after the other. */
export async function lockPortfolio(trx: Db, organisationId: string): Promise<void> {
  await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().execute();
}
