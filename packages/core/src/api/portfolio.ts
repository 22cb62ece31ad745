import { z } from 'zod';
import { gtinSchema } from '../portfolio/gtin.js';
import { hsCodeSchema } from '../portfolio/hs-code.js';
import { localisedTextSchema } from '../portfolio/localised-text.js';
import { productSharesSchema } from '../portfolio/sharing.js';
import { countryCode, LIMITS, timestamp, uuid } from './common.js';
import { guideIpRightView, guideSupplyChainView, officerContactView } from './portfolio-records.js';

export const rightsHolderParams = z.object({ rightsHolderId: uuid });
export const brandParams = rightsHolderParams.extend({ brandId: uuid });
export const productParams = rightsHolderParams.extend({ productId: uuid });
export const productReferenceParams = rightsHolderParams.extend({
  reference: z.string().trim().min(1).max(100),
});

const shortText = z.string().trim().min(1).max(100);

export const brandBody = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  /** Other names and abbreviations the brand is known by. */
  aliases: z.array(shortText).max(50).default([]),
  /** Product categories the brand covers (free words, e.g. "footwear", "analgesics"). */
  categories: z.array(shortText).max(50).default([]),
  /** One of the rights holder's uploaded images; null removes the logo. */
  logoImageId: uuid.nullable().default(null),
});
export const brandView = z
  .object({
    id: uuid,
    name: z.string(),
    aliases: z.array(z.string()),
    categories: z.array(z.string()),
    logoImageId: uuid.nullable(),
    productCount: z.number().int(),
  })
  .meta({ id: 'Brand' });
export const brandListView = z.object({ brands: z.array(brandView) });

export const IDENTIFIER_LEVELS = ['item', 'inner_pack', 'case'] as const;
export const PRODUCT_STATUSES = ['active', 'discontinued', 'recalled'] as const;
export const INDICATOR_KINDS = ['defect', 'material', 'price', 'source', 'route', 'other'] as const;

const money = z.number().nonnegative().max(1e9);
const millimetres = z.number().int().positive().max(100_000);

/** What an uploaded image shows; a product gallery entry says it again (one image, several uses). */
export const IMAGE_KINDS = [
  'product',
  'packaging',
  'label',
  'security_feature',
  'genuine',
  'counterfeit',
  'certificate',
] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

export const guidePointBody = z.object({
  title: localisedTextSchema(200),
  body: localisedTextSchema(5000),
  visibility: z.enum(['overt', 'covert']),
  /** An image of this rights holder showing the genuine item. */
  genuineImageId: uuid.nullable().optional(),
  /** An image of this rights holder showing a known counterfeit. */
  counterfeitImageId: uuid.nullable().optional(),
});

/** One picture of a product's gallery, in the order given. */
export const productImageBody = z.object({ imageId: uuid, kind: z.enum(IMAGE_KINDS).default('product') });
/** A picture as a reader gets it: its renditions are at `/api/images/{imageId}/thumbnail` and `/display`. */
export const productImageView = z.object({
  imageId: uuid,
  kind: z.enum(IMAGE_KINDS),
  width: z.number().int(),
  height: z.number().int(),
});

/** A whole product with its guide, as written by the rights holder (PUT replaces it entirely). */
export const productBody = z
  .object({
    brandId: uuid,
    /** The rights holder's own product reference: the key of idempotent upserts. */
    reference: z.string().trim().min(1).max(100),
    name: localisedTextSchema(200),
    description: localisedTextSchema(5000).optional(),
    packaging: localisedTextSchema(2000).optional(),
    category: shortText,
    hsCodes: z.array(hsCodeSchema).max(20).default([]),
    identifiers: z
      .array(z.object({ gtin: gtinSchema, level: z.enum(IDENTIFIER_LEVELS) }))
      .max(50)
      .default([]),
    countriesOfManufacture: z.array(countryCode).max(50).default([]),
    dimensionsMm: z.object({ length: millimetres, width: millimetres, height: millimetres }).optional(),
    weightG: z.number().int().positive().max(10_000_000).optional(),
    price: z
      .object({
        min: money,
        max: money,
        currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 currency code'),
      })
      .refine((price) => price.min <= price.max, {
        message: 'The lowest price is above the highest',
        path: ['min'],
      })
      .optional(),
    status: z.enum(PRODUCT_STATUSES).default('active'),
    guidePoints: z.array(guidePointBody).max(100).default([]),
    indicators: z
      .array(z.object({ kind: z.enum(INDICATOR_KINDS), text: localisedTextSchema(2000) }))
      .max(100)
      .default([]),
    /** The product's image gallery (whole product, packaging, labels, security features), in order; none when left out. */
    images: z.array(productImageBody).max(50).optional(),
  })
  .refine((product) => new Set(product.identifiers.map((i) => i.gtin)).size === product.identifiers.length, {
    message: 'The same GTIN is listed twice',
    path: ['identifiers'],
  });
export type ProductBody = z.infer<typeof productBody>;

const localisedView = z.object({ original: z.string(), texts: z.record(z.string(), z.string()) });

/** The rights holder's own view: everything, in every language entered. */
export const productView = z
  .object({
    id: uuid,
    brandId: uuid,
    brandName: z.string(),
    reference: z.string(),
    name: localisedView,
    description: localisedView.nullable(),
    packaging: localisedView.nullable(),
    category: z.string(),
    hsCodes: z.array(z.string()),
    identifiers: z.array(z.object({ gtin: z.string(), level: z.enum(IDENTIFIER_LEVELS) })),
    countriesOfManufacture: z.array(z.string()),
    dimensionsMm: z.object({ length: z.number(), width: z.number(), height: z.number() }).nullable(),
    weightG: z.number().nullable(),
    price: z.object({ min: z.number(), max: z.number(), currency: z.string() }).nullable(),
    status: z.enum(PRODUCT_STATUSES),
    guidePoints: z.array(
      z.object({
        id: uuid,
        title: localisedView,
        body: localisedView,
        visibility: z.enum(['overt', 'covert']),
        genuineImageId: uuid.nullable(),
        counterfeitImageId: uuid.nullable(),
      }),
    ),
    indicators: z.array(z.object({ kind: z.enum(INDICATOR_KINDS), text: localisedView })),
    images: z.array(productImageView),
    updatedAt: timestamp,
  })
  .meta({ id: 'Product' });
export type ProductView = z.infer<typeof productView>;

export const productSummary = z.object({
  id: uuid,
  reference: z.string(),
  name: z.string(),
  nameLanguage: z.string(),
  brandName: z.string(),
  category: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  gtins: z.array(z.string()),
});
export const productListView = z.object({ products: z.array(productSummary) });
export const productListQuery = z.object({
  brandId: uuid.optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});

export const sharesBody = z.object({ shares: productSharesSchema.max(500) });
export const sharesView = z.object({
  shares: z.array(
    z.object({
      kind: z.enum(['all', 'country', 'organisation']),
      countryCode: z.string().nullable(),
      organisationId: uuid.nullable(),
      organisationName: z.string().nullable(),
      includesCovert: z.boolean(),
    }),
  ),
});

/** Text shown to a reader: in their language when entered, else the original, with the language named. */
export const shownText = z.object({ text: z.string(), language: z.string(), isReaderLanguage: z.boolean() });

/** What an enforcement officer sees of a product guide. */
export const guideView = z
  .object({
    id: uuid,
    rightsHolder: z.object({ id: uuid, name: z.string() }),
    brandName: z.string(),
    reference: z.string(),
    name: shownText,
    description: shownText.nullable(),
    packaging: shownText.nullable(),
    category: z.string(),
    hsCodes: z.array(z.string()),
    identifiers: z.array(z.object({ gtin: z.string(), level: z.enum(IDENTIFIER_LEVELS) })),
    countriesOfManufacture: z.array(z.string()),
    price: z.object({ min: z.number(), max: z.number(), currency: z.string() }).nullable(),
    status: z.enum(PRODUCT_STATUSES),
    /** Covert points appear only for organisations the rights holder named for them. */
    guidePoints: z.array(
      z.object({
        id: uuid,
        title: shownText,
        body: shownText,
        visibility: z.enum(['overt', 'covert']),
        genuineImageId: uuid.nullable(),
        counterfeitImageId: uuid.nullable(),
      }),
    ),
    indicators: z.array(z.object({ kind: z.enum(INDICATOR_KINDS), text: shownText })),
    images: z.array(productImageView),
    /** The legitimate supply chain: the product's own entries and routes, then portfolio-wide ones. */
    supplyChain: guideSupplyChainView,
    /** Whom to call: contacts covering the reader's country first. */
    contacts: z.array(officerContactView),
    /** IP rights of the brand or company, each with its recordation in the reader's country. */
    ipRights: z.array(guideIpRightView),
  })
  .meta({ id: 'Guide' });
export type GuideView = z.infer<typeof guideView>;

export const catalogueQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  rightsHolderId: uuid.optional(),
});
export const catalogueProductParams = z.object({ productId: uuid });
export const langQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});

export const viewStatisticsQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });
export const viewStatisticsView = z.object({
  /** Guide views per month (YYYY-MM) and viewer country; never who viewed. */
  rows: z.array(z.object({ month: z.string(), countryCode: z.string().nullable(), views: z.number().int() })),
});

export const imageUploadQuery = z.object({ kind: z.enum(IMAGE_KINDS).default('product') });
export const imageParams = z.object({ imageId: uuid });
/** An uploaded image: re-encoded without metadata, in two renditions (thumbnail and display size). */
export const imageView = z
  .object({
    id: uuid,
    kind: z.enum(IMAGE_KINDS),
    contentType: z.string(),
    /** Size of the display rendition, in pixels. */
    width: z.number().int(),
    height: z.number().int(),
    /** Size of the display rendition, in bytes. */
    bytes: z.number().int(),
    thumbnailUrl: z.string(),
    displayUrl: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'Image' });
export type ImageView = z.infer<typeof imageView>;
export const imageListView = z.object({ images: z.array(imageView) });
