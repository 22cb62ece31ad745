import { type Kysely, sql } from 'kysely';

/**
 * Officer search and GTIN lookup.
 *
 * - `product_search`: one search document per product, kept right by triggers on every write path
 *   (product edits, bulk import, brand renames, share changes): accent-folded words of the brand,
 *   aliases, every name translation (plus per-language stems), reference and HS codes; descriptions
 *   in a second document so they only fill up what names leave; and `visibility`, the share targets
 *   as keys (`all`, `c:<country>`, `o:<organisation id>`, `r:<owning rights holder id>`) so a
 *   search filters by what the reader may see before it limits.
 * - `search_words`: the vocabulary of indexed words with a trigram index — a query word that
 *   matches nothing is corrected against it (a small table, so similarity is fast).
 * - `company_prefixes`: GS1 company prefixes declared by rights holders, to say whose an unknown
 *   GTIN is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table company_prefixes (
      prefix text primary key check (prefix ~ '^[0-9]{6,12}$'),
      rights_holder_id uuid not null references organisations (id),
      created_at timestamptz not null default now(),
      created_by uuid references users (id)
    )`.execute(db);
  await sql`create index company_prefixes_rights_holder on company_prefixes (rights_holder_id)`.execute(db);

  // Lower case, accents folded (ø → o, é → e), anything but letters and digits turned into spaces.
  // unaccent is only "stable" (its dictionary could change); pinning the dictionary makes it safe to index.
  await sql`
    create function search_fold(value text) returns text
      language sql immutable parallel safe strict
      as $$ select regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g') $$`.execute(
    db,
  );
  // Every translation of a localised text `{ original, texts: { lang: text } }`, one after the other.
  await sql`
    create function search_texts(localised jsonb) returns text
      language sql immutable parallel safe
      as $$ select coalesce(string_agg(t.value, ' '), '') from jsonb_each_text(coalesce(localised -> 'texts', '{}')) t $$`.execute(
    db,
  );
  // Stems of each translation in its own language, so "chaussure" finds "chaussures".
  await sql`
    create function search_stems(localised jsonb) returns tsvector
      language sql immutable parallel safe
      as $$ select
        to_tsvector('english', search_fold(coalesce(localised -> 'texts' ->> 'en', ''))) ||
        to_tsvector('french', search_fold(coalesce(localised -> 'texts' ->> 'fr', ''))) ||
        to_tsvector('spanish', search_fold(coalesce(localised -> 'texts' ->> 'es', ''))) ||
        to_tsvector('german', search_fold(coalesce(localised -> 'texts' ->> 'de', ''))) ||
        to_tsvector('italian', search_fold(coalesce(localised -> 'texts' ->> 'it', ''))) ||
        to_tsvector('portuguese', search_fold(coalesce(localised -> 'texts' ->> 'pt', ''))) ||
        to_tsvector('dutch', search_fold(coalesce(localised -> 'texts' ->> 'nl', ''))) $$`.execute(db);

  // A name as one key, spaces and accents away: "Nør Dic" and "nordic" are the same brand. Indexed,
  // so schema-qualified: index expressions run with a search path of pg_catalog only (PostgreSQL 17).
  await sql`
    create function search_key(value text) returns text
      language sql immutable parallel safe strict
      as $$ select replace(public.search_fold(value), ' ', '') $$`.execute(db);
  await sql`
    create function search_keys(value text[]) returns text[]
      language sql immutable parallel safe strict
      as $$ select array(select public.search_key(v) from unnest(value) v) $$`.execute(db);
  // The whole query equal to a brand name or alias ranks that brand first: found through these.
  await sql`create index brands_search_key on brands (search_key(name))`.execute(db);
  await sql`create index brands_alias_search_keys on brands using gin (search_keys(aliases))`.execute(db);

  await sql`
    create table product_search (
      product_id uuid primary key references products (id) on delete cascade,
      organisation_id uuid not null,
      brand_id uuid not null,
      category text not null,
      countries text[] not null,
      visibility text[] not null,
      document tsvector not null,
      description_document tsvector not null
    )`.execute(db);
  await sql`create index product_search_document on product_search using gin (document)`.execute(db);
  await sql`create index product_search_description on product_search using gin (description_document)`.execute(
    db,
  );
  await sql`create index product_search_brand on product_search (brand_id)`.execute(db);
  await sql`create index product_search_organisation on product_search (organisation_id)`.execute(db);
  await sql`create index product_search_category on product_search (category)`.execute(db);

  await sql`create table search_words (word text collate "C" primary key)`.execute(db);
  await sql`create index search_words_trigrams on search_words using gin (word gin_trgm_ops)`.execute(db);

  // Who may find a product: the same rule as the catalogue (portfolio/queries.ts sharedWith) as keys.
  await sql`
    create function product_search_visibility(product uuid, owner uuid) returns text[]
      language sql stable
      as $$ select array['r:' || owner::text] || coalesce(array_agg(
          case s.target_kind
            when 'all' then 'all'
            when 'country' then 'c:' || s.country_code
            else 'o:' || s.target_organisation_id::text
          end order by s.target_kind), '{}')
        from product_shares s where s.product_id = product $$`.execute(db);

  // What a product's search row holds, from its values: shared by the trigger and the bulk refresh.
  await sql`
    create function product_search_document(brand text, aliases text[], name jsonb, reference text, hs_codes text[])
      returns tsvector
      language sql immutable parallel safe
      as $$ select
        setweight(to_tsvector('simple', search_fold(brand || ' ' || array_to_string(aliases, ' '))), 'A') ||
        setweight(to_tsvector('simple', search_fold(search_texts(name))) || search_stems(name), 'B') ||
        setweight(to_tsvector('simple', search_fold(reference || ' ' || array_to_string(hs_codes, ' '))), 'C') $$`.execute(
    db,
  );
  await sql`
    create function product_search_description(description jsonb) returns tsvector
      language sql immutable parallel safe
      as $$ select to_tsvector('simple', search_fold(search_texts(description))) || search_stems(description) $$`.execute(
    db,
  );
  // Words worth correcting a query word to: no codes (digits), nothing shorter than three letters.
  await sql`
    create function product_search_vocabulary(brand text, aliases text[], name jsonb, description jsonb)
      returns setof text
      language sql immutable parallel safe
      as $$ select w.lexeme from unnest(to_tsvector('simple', search_fold(
          brand || ' ' || array_to_string(aliases, ' ') || ' ' || search_texts(name) || ' ' || search_texts(description)))) w
        where length(w.lexeme) between 3 and 40 and w.lexeme !~ '[0-9]' $$`.execute(db);

  // Rebuild the search rows and vocabulary of these products, set-based: the backfill, bulk loads
  // and brand renames.
  await sql`
    create function product_search_refresh(ids uuid[]) returns void
      language sql
      as $$
      insert into product_search
        (product_id, organisation_id, brand_id, category, countries, visibility, document, description_document)
      select p.id, p.organisation_id, p.brand_id, p.category, p.countries_of_manufacture,
        product_search_visibility(p.id, p.organisation_id),
        product_search_document(b.name, b.aliases, p.name, p.reference, p.hs_codes),
        product_search_description(p.description)
      from unnest(ids) as t(id) join products p on p.id = t.id join brands b on b.id = p.brand_id
      on conflict (product_id) do update set
        organisation_id = excluded.organisation_id, brand_id = excluded.brand_id,
        category = excluded.category, countries = excluded.countries, visibility = excluded.visibility,
        document = excluded.document, description_document = excluded.description_document;
      insert into search_words (word)
      select distinct w
      from unnest(ids) as t(id) join products p on p.id = t.id join brands b on b.id = p.brand_id,
        product_search_vocabulary(b.name, b.aliases, p.name, p.description) w
      on conflict do nothing;
      $$`.execute(db);

  // One product written: from its new values (PL/pgSQL keeps these simple statements' plans).
  await sql`
    create function product_search_on_product() returns trigger
      language plpgsql
      as $$
      declare brand record;
      begin
        select b.name, b.aliases into brand from brands b where b.id = new.brand_id;
        insert into product_search
          (product_id, organisation_id, brand_id, category, countries, visibility, document, description_document)
        values (new.id, new.organisation_id, new.brand_id, new.category, new.countries_of_manufacture,
          product_search_visibility(new.id, new.organisation_id),
          product_search_document(brand.name, brand.aliases, new.name, new.reference, new.hs_codes),
          product_search_description(new.description))
        on conflict (product_id) do update set
          organisation_id = excluded.organisation_id, brand_id = excluded.brand_id,
          category = excluded.category, countries = excluded.countries, visibility = excluded.visibility,
          document = excluded.document, description_document = excluded.description_document;
        insert into search_words (word)
        select distinct w from product_search_vocabulary(brand.name, brand.aliases, new.name, new.description) w
        on conflict do nothing;
        return null;
      end $$`.execute(db);
  await sql`
    create trigger product_search_product after insert or update on products
      for each row execute function product_search_on_product()`.execute(db);

  await sql`
    create function product_search_on_brand() returns trigger
      language plpgsql
      as $$ begin
        if new.name is distinct from old.name or new.aliases is distinct from old.aliases then
          perform product_search_refresh(array(select id from products where brand_id = new.id));
        end if;
        return null;
      end $$`.execute(db);
  await sql`
    create trigger product_search_brand after update on brands
      for each row execute function product_search_on_brand()`.execute(db);

  await sql`
    create function product_search_on_share() returns trigger
      language plpgsql
      as $$
      declare product uuid := case when tg_op = 'DELETE' then old.product_id else new.product_id end;
      begin
        update product_search set visibility = product_search_visibility(product_id, organisation_id)
          where product_id = product;
        if tg_op = 'UPDATE' and old.product_id <> new.product_id then
          update product_search set visibility = product_search_visibility(product_id, organisation_id)
            where product_id = old.product_id;
        end if;
        return null;
      end $$`.execute(db);
  await sql`
    create trigger product_search_share after insert or update or delete on product_shares
      for each row execute function product_search_on_share()`.execute(db);

  await sql`select product_search_refresh(array(select id from products))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists product_search_share on product_shares`.execute(db);
  await sql`drop trigger if exists product_search_brand on brands`.execute(db);
  await sql`drop trigger if exists product_search_product on products`.execute(db);
  for (const fn of [
    'product_search_on_share()',
    'product_search_on_brand()',
    'product_search_on_product()',
    'product_search_refresh(uuid[])',
    'product_search_vocabulary(text, text[], jsonb, jsonb)',
    'product_search_description(jsonb)',
    'product_search_document(text, text[], jsonb, text, text[])',
    'product_search_visibility(uuid, uuid)',
  ])
    await sql.raw(`drop function if exists ${fn}`).execute(db);
  await sql`drop table if exists search_words`.execute(db);
  await sql`drop table if exists product_search`.execute(db);
  await sql`drop index if exists brands_alias_search_keys`.execute(db);
  await sql`drop index if exists brands_search_key`.execute(db);
  for (const fn of [
    'search_keys(text[])',
    'search_key(text)',
    'search_stems(jsonb)',
    'search_texts(jsonb)',
    'search_fold(text)',
  ])
    await sql.raw(`drop function if exists ${fn}`).execute(db);
  await sql`drop table if exists company_prefixes`.execute(db);
}
