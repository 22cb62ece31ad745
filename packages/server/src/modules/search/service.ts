import {
  type Actor,
  companyInformationAccess,
  type GtinLookupView,
  pickText,
  type SearchMatch,
  type SearchQuery,
  type SearchResult,
  type SearchView,
} from '@assay/core';
import type { Db } from '../../db/database.js';
import { contactsForReader } from '../contacts/queries.js';
import { loadViewer } from '../portfolio/queries.js';
import {
  type Candidate,
  candidates,
  prefixOwnerOf,
  productsWithGtin,
  queryWords,
  type ResultRow,
  resultRows,
  type SearchFilters,
} from './queries.js';
import { readQuery, type TextQuery, textQuery } from './query-words.js';

/** Candidates ranked per search (and the cap on `total`): enough for facets, cheap to rank. */
export const CANDIDATE_CAP = 300;

const GTIN_SCORE = 10;

function resultView(row: ResultRow, lang: string, matchedOn: SearchMatch, score: number): SearchResult {
  const name = pickText(row.name, lang);
  return {
    productId: row.id,
    name: name.text,
    nameLanguage: name.language,
    brandName: row.brand_name,
    brandId: row.brand_id,
    rightsHolderId: row.organisation_id,
    rightsHolderName: row.rights_holder_name,
    category: row.category,
    gtins: row.gtins,
    hsCodes: row.hs_codes,
    countriesOfManufacture: row.countries_of_manufacture,
    imageId: row.image_id,
    matchedOn,
    score: Math.round(score * 10_000) / 10_000,
  };
}

const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/** Whether every searched word begins a word of the brand name (else the aliases matched). */
function inBrandName(brandName: string, searched: string[]): boolean {
  const words = brandName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßđłþ]/g, (letter) => LETTERS[letter]!)
    .split(/[^\p{L}\p{N}]+/u);
  const joined = words.join('');
  return searched.every((word) => joined.includes(word) || words.some((part) => part.startsWith(word)));
}

/**
 * Where a candidate matched, best first: the whole query is its brand or one of its aliases, or
 * every word is in the brand/aliases, the names, the reference or HS codes, or the description.
 * Words spread over several parts count as a name match.
 */
function matchOf(candidate: Candidate, text: TextQuery, hsCodes: string[]): SearchMatch {
  if (candidate.exact_brand) return 'brand';
  if (candidate.exact_alias) return 'alias';
  if (candidate.on_brand_or_alias)
    return inBrandName(candidate.brand_name, text.searched) ? 'brand' : 'alias';
  if (candidate.on_name) return 'name';
  if (candidate.on_code)
    return text.numbers.some((digits) => hsCodes.some((code) => code.startsWith(digits)))
      ? 'hs_code'
      : 'reference';
  if (candidate.in_description) return 'description';
  return 'name';
}

/** Exact brand or alias first, then full-text rank; a corrected (fuzzy) query ranks lower. */
function scoreOf(candidate: Candidate, fuzzy: boolean): number {
  const exact = candidate.exact_brand ? 2 : candidate.exact_alias ? 1.5 : 0;
  return (exact + candidate.rank) * (fuzzy ? 0.5 : 1);
}

function countBy<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const found = counts.get(key(item));
    if (found) found.count++;
    else counts.set(key(item), { item, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || key(a.item).localeCompare(key(b.item)));
}

function facetsOf(rows: Candidate[]): SearchView['facets'] {
  return {
    categories: countBy(rows, (row) => row.category).map(({ item, count }) => ({
      value: item.category,
      count,
    })),
    brands: countBy(rows, (row) => row.brand_id).map(({ item, count }) => ({
      id: item.brand_id,
      name: item.brand_name,
      count,
    })),
    rightsHolders: countBy(rows, (row) => row.organisation_id).map(({ item, count }) => ({
      id: item.organisation_id,
      name: item.rights_holder_name,
      count,
    })),
    countries: countBy(
      rows.flatMap((row) => row.countries),
      (code) => code,
    ).map(({ item, count }) => ({ code: item, count })),
  };
}

const hasFilter = (filters: SearchFilters) =>
  Boolean(filters.category || filters.brandId || filters.rightsHolderId || filters.country);

/**
 * Officer search and GTIN lookup over what the reader may see (shared with them, or their own
 * portfolio on the rights holder's side). Neither writes to the audit log: a search or a lookup
 * shows no more than the catalogue does, and opening a guide is what is recorded.
 */
export function createSearchService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async search(actor: Actor, query: SearchQuery, lang: string): Promise<SearchView> {
      const filters: SearchFilters = {
        category: query.category,
        brandId: query.brandId,
        rightsHolderId: query.rightsHolderId,
        country: query.country,
      };
      const read = readQuery(query.q);
      const empty: SearchView = {
        results: [],
        corrections: [],
        facets: { categories: [], brands: [], rightsHolders: [], countries: [] },
        total: 0,
      };
      if (!read.text && !hasFilter(filters)) return empty;

      const gtinRows = read.gtin ? await productsWithGtin(db, actor.organisationId, read.gtin) : [];
      const text = read.text
        ? textQuery(await queryWords(db, read.text))
        : { tsquery: '', corrections: [], exactKey: '', searched: [], numbers: [] };
      if (read.text && !text.tsquery && !gtinRows.length) return empty;

      const input = { organisationId: actor.organisationId, tsquery: text.tsquery, exactKey: text.exactKey };
      // The filters apply in the database, before the cap, so a filter never hides a match beyond
      // the first candidates; facets count the same candidates (one bounded query per search).
      const hits = await candidates(db, { ...input, filters, cap: CANDIDATE_CAP });

      const gtinIds = new Set(
        gtinRows
          .filter(
            (row) =>
              (!filters.category || row.category === filters.category) &&
              (!filters.brandId || row.brand_id === filters.brandId) &&
              (!filters.rightsHolderId || row.organisation_id === filters.rightsHolderId) &&
              (!filters.country || row.countries_of_manufacture.includes(filters.country)),
          )
          .map((row) => row.id),
      );
      const fuzzy = text.corrections.length > 0;
      const ranked = hits
        .filter((hit) => !gtinIds.has(hit.product_id))
        .map((hit) => ({ hit, score: scoreOf(hit, fuzzy) }))
        .sort(
          (a, b) =>
            b.score - a.score ||
            a.hit.brand_name.localeCompare(b.hit.brand_name) ||
            a.hit.product_id.localeCompare(b.hit.product_id),
        )
        .slice(0, Math.max(0, query.limit - gtinIds.size));
      const rows = new Map(
        (
          await resultRows(
            db,
            ranked.map(({ hit }) => hit.product_id),
          )
        ).map((row) => [row.id, row]),
      );
      const results = [
        ...gtinRows
          .filter((row) => gtinIds.has(row.id))
          .slice(0, query.limit)
          .map((row) => resultView(row, lang, 'gtin', GTIN_SCORE)),
        ...ranked.flatMap(({ hit, score }) => {
          const row = rows.get(hit.product_id);
          return row ? [resultView(row, lang, matchOf(hit, text, row.hs_codes), score)] : [];
        }),
      ];
      return {
        results,
        // The vocabulary holds words of every product, shared or not: a correction is only said when
        // it found something the reader may see (every word of the query is in each match).
        corrections: hits.length ? text.corrections : [],
        facets: facetsOf(hits),
        total: Math.min(CANDIDATE_CAP, hits.length + gtinIds.size),
      };
    },

    /**
     * The products with this GTIN that the reader may see; when there is none, the rights holder
     * whose GS1 company prefix it carries, with its contacts for the reader's country.
     */
    async lookupGtin(actor: Actor, gtin: string, lang: string): Promise<GtinLookupView> {
      const rows = await productsWithGtin(db, actor.organisationId, gtin);
      if (rows.length)
        return {
          gtin,
          products: rows.map((row) => resultView(row, lang, 'gtin', GTIN_SCORE)),
          prefixOwner: null,
        };
      const owner = await prefixOwnerOf(db, gtin);
      if (!owner) return { gtin, products: [], prefixOwner: null };
      const viewer = await loadViewer(db, actor);
      if (companyInformationAccess(viewer, owner.id) === 'none')
        return { gtin, products: [], prefixOwner: null };
      const contacts = await contactsForReader(db, owner.id, viewer.countryCode);
      // Those covering the reader's country and worldwide ones; all of them when there are none.
      const forCountry = contacts.filter(
        (contact) => contact.coversYourCountry || contact.countries.length === 0,
      );
      return {
        gtin,
        products: [],
        prefixOwner: {
          rightsHolder: { id: owner.id, name: owner.name },
          prefix: owner.prefix,
          contacts: (forCountry.length ? forCountry : contacts).map((contact) => ({
            name: contact.name,
            title: contact.title,
            email: contact.email,
            phone: contact.phone,
            hours: contact.hours,
            alwaysAvailable: contact.alwaysAvailable,
          })),
        },
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
