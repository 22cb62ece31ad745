import { z } from 'zod';
import { parseGtin } from '../portfolio/gtin.js';
import { countryCode, uuid } from './common.js';

/** Most results one search answers with. */
export const SEARCH_LIMIT_MAX = 50;

const language = z
  .string()
  .regex(/^[a-z]{2}$/)
  .optional();

/**
 * Officer search: `q` across brands, aliases, names and descriptions in every language,
 * references, GTINs and HS codes; may be empty when a filter is given.
 */
export const searchQuery = z.object({
  /** Empty with no filter answers no results. */
  q: z.string().max(200).default(''),
  lang: language,
  category: z.string().trim().min(1).max(100).optional(),
  brandId: uuid.optional(),
  rightsHolderId: uuid.optional(),
  country: countryCode.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** What part of a product the search matched, best first. */
export const SEARCH_MATCHES = [
  'gtin',
  'brand',
  'alias',
  'name',
  'reference',
  'hs_code',
  'description',
] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export const searchResult = z.object({
  productId: uuid,
  /** In the reader's language when entered, else the original. */
  name: z.string(),
  nameLanguage: z.string(),
  brandName: z.string(),
  brandId: uuid,
  rightsHolderId: uuid,
  rightsHolderName: z.string(),
  category: z.string(),
  gtins: z.array(z.string()),
  hsCodes: z.array(z.string()),
  countriesOfManufacture: z.array(z.string()),
  /** The first product image, for a thumbnail. */
  imageId: uuid.nullable(),
  matchedOn: z.enum(SEARCH_MATCHES),
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;

const facetCount = z.number().int();

export const searchView = z.object({
  results: z.array(searchResult),
  /** Query words that matched nothing and were read as the nearest indexed word. */
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  /** Counted over the candidates: what matches the query words and the filters and the reader may see (up to `total`). */
  facets: z.object({
    categories: z.array(z.object({ value: z.string(), count: facetCount })),
    brands: z.array(z.object({ id: uuid, name: z.string(), count: facetCount })),
    rightsHolders: z.array(z.object({ id: uuid, name: z.string(), count: facetCount })),
    countries: z.array(z.object({ code: z.string(), count: facetCount })),
  }),
  /** Candidates matched with the filters applied, counted up to a cap. */
  total: z.number().int(),
});
export type SearchView = z.infer<typeof searchView>;

/** A GTIN as scanned or typed (8, 12, 13 or 14 digits), read with {@link parseGtin}. */
export const gtinLookupParams = z.object({
  code: z.string().transform((value, ctx) => {
    const result = parseGtin(value);
    if (result.ok) return result.gtin14;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }),
});
export const gtinLookupQuery = z.object({ lang: language });

export const prefixOwnerContact = z.object({
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  alwaysAvailable: z.boolean(),
});

export const gtinLookupView = z.object({
  /** The 14-digit form. */
  gtin: z.string(),
  products: z.array(searchResult),
  /** When no product you may see has this GTIN: the rights holder whose GS1 company prefix it carries. */
  prefixOwner: z
    .object({
      rightsHolder: z.object({ id: uuid, name: z.string() }),
      prefix: z.string(),
      contacts: z.array(prefixOwnerContact),
    })
    .nullable(),
});
export type GtinLookupView = z.infer<typeof gtinLookupView>;

/**
 * Ranges that are no company's: 00000 is where GTIN-8s sit once padded to 13 digits, and 02, 04 and
 * 20–29 are for restricted circulation (in-store and internal numbers), never licensed to a brand.
 */
const NOT_A_COMPANY_PREFIX = /^(00000|02|04|2)/;

/** A GS1 company prefix: 6 to 12 digits, as it starts a GTIN-13 (a UPC company prefix with a leading 0). */
export const companyPrefix = z
  .string()
  .trim()
  .regex(/^\d{6,12}$/, { message: 'A GS1 company prefix has 6 to 12 digits' })
  .refine((prefix) => !NOT_A_COMPANY_PREFIX.test(prefix), {
    message: 'This range is for GTIN-8 or restricted-circulation numbers, not a company prefix',
  });

export const companyPrefixesBody = z.object({
  prefixes: z
    .array(companyPrefix)
    .max(200)
    .superRefine((prefixes, ctx) => {
      prefixes.forEach((prefix, index) => {
        if (prefixes.indexOf(prefix) !== index)
          ctx.addIssue({ code: 'custom', path: [index], message: 'This prefix is already in the list' });
      });
    }),
});
export type CompanyPrefixesBody = z.infer<typeof companyPrefixesBody>;

export const companyPrefixesView = z.object({
  prefixes: z.array(z.object({ prefix: z.string(), createdAt: z.string() })),
});
