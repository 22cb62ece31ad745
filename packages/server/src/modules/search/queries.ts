import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LocalisedJson } from '../../db/schema.js';
import { MAX_QUERY_WORDS, type QueryWord } from './query-words.js';

/**
 * The `product_search.visibility` keys an organisation's members hold (migration 0008): an
 * enforcement organisation reaches shares with everyone, with its country and with itself by name
 * — exactly `sharedWith` in portfolio/queries.ts; a rights holder its own products; a legal
 * representative those of the rights holders it acts for; anyone else nothing. Evaluated once per
 * statement, so a lookup is one round trip.
 */
export function viewerKeys(organisationId: string): RawBuilder<string[]> {
  return sql<string[]>`(
    select case
      when o.kind in ('customs', 'police', 'other_enforcement') then
        array['all', 'o:' || o.id::text] || case when o.country_code is null then '{}'::text[] else array['c:' || o.country_code] end
      when o.kind = 'rights_holder' then array['r:' || o.id::text]
      when o.kind = 'legal_representative' then
        array(select 'r:' || r.rights_holder_id::text from representations r where r.legal_representative_id = o.id)
      else '{}'::text[]
    end
    from organisations o where o.id = ${organisationId})`;
}

const STEMMERS = ['english', 'french', 'spanish', 'german', 'italian', 'portuguese', 'dutch'];

/**
 * The folded words of a query (accents, case and punctuation away), each with whether some indexed
 * word starts with it, its stems, the nearest indexed word when none does (trigram similarity over
 * the vocabulary), and the indexed word it forms with the next word when written together.
 */
export async function queryWords(db: Db, text: string): Promise<QueryWord[]> {
  const stems = sql.join(
    STEMMERS.map(
      (stemmer) => sql`coalesce((ts_lexize(${sql.lit(`${stemmer}_stem`)}::regdictionary, token))[1], '')`,
    ),
  );
  const { rows } = await sql<QueryWord>`
    with tokens as (
      select t.token, t.ord
      from regexp_split_to_table(search_fold(${text}), ' ') with ordinality as t(token, ord)
      where t.token <> ''
      order by t.ord
      limit ${MAX_QUERY_WORDS}
    ), words as (
      select token, ord, lead(token) over (order by ord) as next,
        exists (select 1 from search_words s where s.word = token) as exact,
        token ~ '[0-9]' or length(token) < 3 or exists (
          select 1 from search_words s where s.word >= token and s.word < token || chr(1114111)
        ) as known,
        array[${stems}] as stems
      from tokens
    )
    select w.token, w.known, w.exact,
      exists (select 1 from unnest(w.stems) stem where stem = '') as stopword,
      array(select distinct stem from unnest(w.stems) stem where stem <> '') as stems,
      case when not w.known then (
        select s.word from search_words s where s.word % w.token
        order by similarity(s.word, w.token) desc, s.word limit 1
      ) end as suggestion,
      case when w.next is not null and (w.token || w.next) !~ '[0-9]' then (
        select s.word from search_words s where s.word = w.token || w.next
      ) end as "joinedWithNext"
    from words w
    order by w.ord`.execute(db);
  return rows;
}

export interface SearchFilters {
  category?: string | undefined;
  brandId?: string | undefined;
  rightsHolderId?: string | undefined;
  country?: string | undefined;
}

/** A product a search may answer with, before ranking. */
export interface Candidate {
  product_id: string;
  brand_id: string;
  brand_name: string;
  organisation_id: string;
  rights_holder_name: string;
  category: string;
  countries: string[];
  rank: number;
  in_description: boolean;
  exact_brand: boolean;
  exact_alias: boolean;
  on_brand_or_alias: boolean;
  on_name: boolean;
  on_code: boolean;
}

function filterConditions(filters: SearchFilters) {
  const conditions = [sql`true`];
  if (filters.category) conditions.push(sql`s.category = ${filters.category}`);
  if (filters.brandId) conditions.push(sql`s.brand_id = ${filters.brandId}`);
  if (filters.rightsHolderId) conditions.push(sql`s.organisation_id = ${filters.rightsHolderId}`);
  if (filters.country) conditions.push(sql`s.countries @> array[${filters.country}]::text[]`);
  return sql.join(conditions, sql` and `);
}

/**
 * At most `cap` products the viewer may see matching the text query (names, brands, aliases,
 * references, HS codes first; descriptions only fill what those leave) and the filters. The
 * candidates are the first the index finds — visibility and filters apply before the cap — and
 * only these are ranked: ranking every match of a common word is what makes naive search slow.
 */
export async function candidates(
  db: Db,
  input: { organisationId: string; tsquery: string; exactKey: string; filters: SearchFilters; cap: number },
): Promise<Candidate[]> {
  const keys = viewerKeys(input.organisationId);
  const filters = filterConditions(input.filters);
  const columns = sql`s.product_id, s.brand_id, s.organisation_id, s.category, s.countries`;
  if (!input.tsquery) {
    const { rows } = await sql<Candidate>`
      with viewer as (select ${keys} as keys)
      select ${columns}, b.name as brand_name, o.name as rights_holder_name, 0::real as rank,
        false as in_description, false as exact_brand, false as exact_alias,
        false as on_brand_or_alias, false as on_name, false as on_code
      from product_search s
        join brands b on b.id = s.brand_id
        join organisations o on o.id = s.organisation_id
      where s.visibility && (select keys from viewer) and ${filters}
      limit ${input.cap}`.execute(db);
    return rows;
  }
  const query = sql`to_tsquery('simple', ${input.tsquery})`;
  const { rows } = await sql<Candidate>`
    with viewer as (select ${keys} as keys),
    exact_brands as materialized (
      select id, true as by_name from brands where search_key(name) = ${input.exactKey}
      union all
      select id, false from brands where search_keys(aliases) @> array[${input.exactKey}]::text[]
    ),
    names as materialized (
      select ${columns}, ts_rank(s.document, ${query}) as rank, false as in_description,
        ts_filter(s.document, '{a}') @@ ${query} as on_brand_or_alias,
        ts_filter(s.document, '{b}') @@ ${query} as on_name,
        ts_filter(s.document, '{c}') @@ ${query} as on_code
      from product_search s
      where s.document @@ ${query} and s.visibility && (select keys from viewer) and ${filters}
      limit ${input.cap}
    ), descriptions as materialized (
      select ${columns}, 0.1 * ts_rank(s.description_document, ${query}) as rank, true as in_description,
        false as on_brand_or_alias, false as on_name, false as on_code
      from product_search s
      where s.description_document @@ ${query} and not s.document @@ ${query}
        and s.visibility && (select keys from viewer) and ${filters}
      limit greatest(${input.cap} - (select count(*) from names), 0)
    )
    select c.*, b.name as brand_name, o.name as rights_holder_name,
      c.brand_id in (select id from exact_brands where by_name) as exact_brand,
      c.brand_id in (select id from exact_brands where not by_name) as exact_alias
    from (select * from names union all select * from descriptions) c
      join brands b on b.id = c.brand_id
      join organisations o on o.id = c.organisation_id`.execute(db);
  return rows;
}

/** What a search result shows of a product. */
export interface ResultRow {
  id: string;
  name: LocalisedJson;
  brand_id: string;
  brand_name: string;
  organisation_id: string;
  rights_holder_name: string;
  category: string;
  hs_codes: string[];
  countries_of_manufacture: string[];
  gtins: string[];
  image_id: string | null;
}

const resultColumns = sql`
  p.id, p.name, p.brand_id, b.name as brand_name, p.organisation_id, o.name as rights_holder_name,
  p.category, p.hs_codes, p.countries_of_manufacture,
  array(select i.gtin from product_identifiers i where i.product_id = p.id order by i.gtin) as gtins,
  (select pi.image_id from product_images pi where pi.product_id = p.id order by pi.position limit 1) as image_id`;

/** Display data of these products (already known to be visible). */
export async function resultRows(db: Db, productIds: string[]): Promise<ResultRow[]> {
  if (!productIds.length) return [];
  const { rows } = await sql<ResultRow>`
    select ${resultColumns}
    from products p
      join brands b on b.id = p.brand_id
      join organisations o on o.id = p.organisation_id
    where p.id = any(${productIds}::uuid[])`.execute(db);
  return rows;
}

/** Products with this GTIN (14 digits) that the organisation's members may see: one indexed query. */
export async function productsWithGtin(db: Db, organisationId: string, gtin: string): Promise<ResultRow[]> {
  const { rows } = await sql<ResultRow>`
    select ${resultColumns}
    from product_identifiers gi
      join product_search s on s.product_id = gi.product_id
      join products p on p.id = gi.product_id
      join brands b on b.id = p.brand_id
      join organisations o on o.id = p.organisation_id
    where gi.gtin = ${gtin} and s.visibility && ${viewerKeys(organisationId)}
    order by b.name, p.reference`.execute(db);
  return rows;
}

/**
 * The active rights holder that declared the longest GS1 company prefix this GTIN carries (compared
 * with the GTIN-13 part, as `gtinMatchesPrefix` in core does), or undefined.
 */
export function prefixOwnerOf(db: Db, gtin: string) {
  const gtin13 = gtin.slice(1);
  const prefixes = Array.from({ length: 7 }, (_, index) => gtin13.slice(0, 6 + index));
  return db
    .selectFrom('company_prefixes as cp')
    .innerJoin('organisations as o', 'o.id', 'cp.rights_holder_id')
    .select(['cp.prefix', 'o.id', 'o.name'])
    .where('cp.prefix', 'in', prefixes)
    .where('o.status', '=', 'active')
    .orderBy(sql`length(cp.prefix)`, 'desc')
    .limit(1)
    .executeTakeFirst();
}
