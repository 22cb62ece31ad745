import { productBody } from '@assay/core';
import type { Db } from '../../db/database.js';
import type { BlobStorage } from '../../lib/storage.js';
import { seedDemoCompanyPrefixes } from './company-prefixes-seed.js';
import { storeDemoImage } from './demo-images.js';
import { type DemoProduct, en, gtin } from './demo-product.js';
import { MORE_DEMO_PRODUCTS } from './more-products.js';

/** Fictional products with real HS codes and GTINs whose check digits are valid. */
const DEMO_PRODUCTS: DemoProduct[] = [
  {
    owner: 'Halvorsen Pharma AS',
    brand: 'Norvalin',
    product: {
      reference: 'NVL-500-20',
      name: en(
        'Norvalin 500 mg film-coated tablets, 20',
        'Norvalin 500 mg comprimés pelliculés, 20',
        'Norvalin 500 mg comprimidos recubiertos, 20',
      ),
      description: en(
        'Paracetamol 500 mg. Two blisters of 10 tablets in a white carton with a green band.',
        'Paracétamol 500 mg. Deux plaquettes de 10 comprimés dans un étui blanc à bande verte.',
      ),
      category: 'analgesics',
      hsCodes: ['3004.90'],
      identifiers: [
        { gtin: gtin('703821000101'), level: 'item' },
        { gtin: gtin('1703821000101'), level: 'case' },
      ],
      countriesOfManufacture: ['NO'],
      price: { min: 3.5, max: 6.9, currency: 'EUR' },
      guidePoints: [
        {
          title: en('Tamper-evident seal with hologram', 'Scellé d’inviolabilité avec hologramme'),
          body: en(
            'The seal shows the Halvorsen wave; it turns from green to blue when tilted. Fakes print a flat silver foil.',
            'Le scellé montre la vague Halvorsen, qui passe du vert au bleu en l’inclinant. Les contrefaçons impriment un aplat argenté.',
          ),
          visibility: 'overt',
        },
        {
          title: en('Batch and expiry embossed, not printed', 'Lot et péremption gaufrés, non imprimés'),
          body: en(
            'Run a finger over the flap: genuine codes are raised.',
            'Passez le doigt sur le rabat : les codes authentiques sont en relief.',
          ),
          visibility: 'overt',
        },
        {
          title: en('UV micro-text NVX on the blister foil', 'Micro-texte UV NVX sur l’aluminium'),
          body: en(
            'Under 365 nm UV light the letters NVX repeat along the foil edge.',
            'Sous UV 365 nm, les lettres NVX se répètent sur le bord.',
          ),
          visibility: 'covert',
        },
      ],
      indicators: [
        {
          kind: 'price',
          text: en('Offered online below EUR 1.50 a box', 'Proposé en ligne sous 1,50 EUR la boîte'),
        },
        {
          kind: 'route',
          text: en(
            'Parcels declared as "vitamins" by courier',
            'Colis déclarés « vitamines » par messagerie',
          ),
        },
      ],
    },
    shares: { all: true, organisationsWithCovert: ['Demo Customs Administration — France'] },
    pictures: { 0: { genuine: 'sealGenuine', counterfeit: 'sealCounterfeit' } },
  },
  {
    owner: 'Corvid Athletics Ltd',
    brand: 'Stridemark',
    product: {
      reference: 'SM-RUN-7',
      name: en(
        'Stridemark Run 7 running shoe',
        'Chaussure de course Stridemark Run 7',
        'Zapatilla de running Stridemark Run 7',
      ),
      category: 'footwear',
      hsCodes: ['6404.11'],
      identifiers: [{ gtin: gtin('501234500010'), level: 'item' }],
      countriesOfManufacture: ['VN', 'ID'],
      price: { min: 110, max: 140, currency: 'GBP' },
      guidePoints: [
        {
          title: en(
            'Woven tongue label with serial',
            'Étiquette tissée sur la languette avec numéro de série',
          ),
          body: en(
            'The label is woven, never printed, and carries a 12-character serial matching the box.',
            'L’étiquette est tissée, jamais imprimée, et porte un numéro de série de 12 caractères identique à celui de la boîte.',
          ),
          visibility: 'overt',
        },
      ],
      indicators: [
        { kind: 'defect', text: en('Glue marks around the sole', 'Traces de colle autour de la semelle') },
      ],
    },
    shares: { countries: ['FR', 'KE'] },
    pictures: { 0: { genuine: 'labelGenuine', counterfeit: 'labelCounterfeit' } },
  },
  ...MORE_DEMO_PRODUCTS,
];

/** Demo products, their shares, the law firm that represents the sportswear brand, GS1 company prefixes. */
export async function seedDemoPortfolio(
  trx: Db,
  storage: BlobStorage,
  organisationIds: Map<string, string>,
): Promise<void> {
  const idOf = (name: string) => organisationIds.get(name)!;
  for (const demo of DEMO_PRODUCTS) {
    const owner = idOf(demo.owner);
    const brand = await trx
      .selectFrom('brands')
      .select('id')
      .where('organisation_id', '=', owner)
      .where('name', '=', demo.brand)
      .executeTakeFirstOrThrow();
    const body = productBody.parse({ ...demo.product, brandId: brand.id });
    const { id } = await trx
      .insertInto('products')
      .values({
        organisation_id: owner,
        brand_id: brand.id,
        reference: body.reference,
        name: body.name,
        description: body.description ?? null,
        category: body.category,
        hs_codes: body.hsCodes,
        countries_of_manufacture: body.countriesOfManufacture,
        price_min: body.price ? String(body.price.min) : null,
        price_max: body.price ? String(body.price.max) : null,
        currency: body.price?.currency ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('product_identifiers')
      .values(
        body.identifiers.map((identifier) => ({ product_id: id, organisation_id: owner, ...identifier })),
      )
      .execute();
    const points = [];
    for (const [position, point] of body.guidePoints.entries()) {
      const picture = demo.pictures?.[position];
      points.push({
        product_id: id,
        position,
        title: point.title,
        body: point.body,
        visibility: point.visibility,
        genuine_image_id: picture
          ? await storeDemoImage(trx, storage, owner, picture.genuine, 'genuine')
          : null,
        counterfeit_image_id: picture
          ? await storeDemoImage(trx, storage, owner, picture.counterfeit, 'counterfeit')
          : null,
      });
    }
    await trx.insertInto('guide_points').values(points).execute();
    if (body.indicators.length) {
      await trx
        .insertInto('counterfeit_indicators')
        .values(body.indicators.map((indicator) => ({ product_id: id, ...indicator })))
        .execute();
    }
    const shares = [
      ...(demo.shares.all
        ? [{ product_id: id, target_kind: 'all' as const, country_code: null, target_organisation_id: null }]
        : []),
      ...(demo.shares.countries ?? []).map((country) => ({
        product_id: id,
        target_kind: 'country' as const,
        country_code: country,
        target_organisation_id: null,
      })),
      ...(demo.shares.organisationsWithCovert ?? []).map((name) => ({
        product_id: id,
        target_kind: 'organisation' as const,
        country_code: null,
        target_organisation_id: idOf(name),
        includes_covert: true,
      })),
    ];
    await trx.insertInto('product_shares').values(shares).execute();
  }
  await trx
    .insertInto('representations')
    .values({
      legal_representative_id: idOf('Marchetti & Lund IP Attorneys'),
      rights_holder_id: idOf('Corvid Athletics Ltd'),
    })
    .execute();
  await seedDemoCompanyPrefixes(trx, organisationIds);
}
