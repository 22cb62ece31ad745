// A large fictional catalogue generated inside PostgreSQL (generate_series, no row leaves the
// server): rights holders with GS1 company prefixes, brands with made-up names, products named in
// English, French and Spanish with real HS codes, GTIN-13s with valid check digits, and shares
// with everyone, a country or a named customs organisation. Used by bench/search.mjs; reusable
// by any benchmark that needs a big catalogue.
//
//   await generateCatalogue(pgClient, { products: 1_000_000, brands: 10_000 })
//
// Needs the Assay schema (migrations applied) and a superuser session: search documents are built
// per chunk with product_search_refresh (the triggers' own function) while triggers are off.

/** Syllables of made-up brand and model names (pronounceable, meant to match no real brand). */
const BRAND_SYLLABLES = [
  'al',
  'bro',
  'cen',
  'dal',
  'ek',
  'fyr',
  'gal',
  'hav',
  'isk',
  'jor',
  'kel',
  'lum',
  'mar',
  'nor',
  'ost',
  'pra',
  'qel',
  'ros',
  'sol',
  'tav',
  'ul',
  'ven',
  'wyn',
  'xar',
  'zel',
];
const MODEL_SYLLABLES = [
  'ka',
  'vo',
  'ri',
  'te',
  'lu',
  'sa',
  'mi',
  'do',
  'pe',
  'zu',
  'ne',
  'bo',
  'fi',
  'ga',
  'ho',
  'ji',
  'ke',
  'lo',
  'mu',
  'na',
  'po',
  'qui',
  'ru',
  'si',
  'ta',
];

/** [en, fr, es, category, HS code] */
export const PRODUCT_TYPES = [
  ['trail running shoe', 'chaussure de trail', 'zapatilla de trail', 'footwear', '640411'],
  ['leather boot', 'botte en cuir', 'bota de cuero', 'footwear', '640391'],
  ['sandal', 'sandale', 'sandalia', 'footwear', '640299'],
  ['cotton t-shirt', 't-shirt en coton', 'camiseta de algodón', 'apparel', '610910'],
  ['wool sweater', 'pull en laine', 'jersey de lana', 'apparel', '611011'],
  ['denim jeans', 'jean en denim', 'vaqueros de mezclilla', 'apparel', '620342'],
  ['rain jacket', 'veste de pluie', 'chaqueta impermeable', 'apparel', '620193'],
  ['silk scarf', 'foulard en soie', 'pañuelo de seda', 'accessories', '621410'],
  ['leather handbag', 'sac à main en cuir', 'bolso de cuero', 'leather goods', '420221'],
  ['wallet', 'portefeuille', 'cartera', 'leather goods', '420231'],
  ['backpack', 'sac à dos', 'mochila', 'leather goods', '420292'],
  ['wristwatch', 'montre-bracelet', 'reloj de pulsera', 'watches', '910211'],
  ['sunglasses', 'lunettes de soleil', 'gafas de sol', 'eyewear', '900410'],
  ['eau de parfum', 'eau de parfum', 'agua de perfume', 'perfume', '330300'],
  ['face cream', 'crème visage', 'crema facial', 'cosmetics', '330499'],
  ['lipstick', 'rouge à lèvres', 'pintalabios', 'cosmetics', '330410'],
  ['shampoo', 'shampooing', 'champú', 'cosmetics', '330510'],
  ['wireless earbuds', 'écouteurs sans fil', 'auriculares inalámbricos', 'electronics', '851830'],
  ['phone charger', 'chargeur de téléphone', 'cargador de teléfono', 'electronics', '850440'],
  ['power bank', 'batterie externe', 'batería externa', 'electronics', '850760'],
  ['smartphone case', 'coque de smartphone', 'funda de smartphone', 'electronics', '392690'],
  ['painkiller tablets', 'comprimés antidouleur', 'comprimidos analgésicos', 'medicines', '300490'],
  ['vitamin capsules', 'gélules de vitamines', 'cápsulas de vitaminas', 'supplements', '210690'],
  ['toy car', 'petite voiture', 'coche de juguete', 'toys', '950300'],
  ['football', 'ballon de football', 'balón de fútbol', 'sports', '950662'],
  ['tennis racket', 'raquette de tennis', 'raqueta de tenis', 'sports', '950651'],
  ['spark plug', "bougie d'allumage", 'bujía', 'car parts', '851110'],
  ['brake pads', 'plaquettes de frein', 'pastillas de freno', 'car parts', '870830'],
  ['olive oil', "huile d'olive", 'aceite de oliva', 'food', '150910'],
  ['whisky', 'whisky', 'whisky', 'spirits', '220830'],
];
const ADJECTIVES = [
  ['classic', 'classique', 'clásico'],
  ['sport', 'sport', 'deportivo'],
  ['premium', 'premium', 'premium'],
  ['lightweight', 'léger', 'ligero'],
  ['waterproof', 'imperméable', 'impermeable'],
  ['vintage', 'vintage', 'vintage'],
  ['urban', 'urbain', 'urbano'],
  ['kids', 'enfant', 'infantil'],
  ['pro', 'pro', 'pro'],
  ['deluxe', 'de luxe', 'de lujo'],
  ['compact', 'compact', 'compacto'],
  ['original', 'original', 'original'],
  ['essential', 'essentiel', 'esencial'],
  ['travel', 'voyage', 'viaje'],
  ['limited edition', 'édition limitée', 'edición limitada'],
];
const COLOURS = [
  ['black', 'noir', 'negro'],
  ['white', 'blanc', 'blanco'],
  ['red', 'rouge', 'rojo'],
  ['blue', 'bleu', 'azul'],
  ['green', 'vert', 'verde'],
  ['grey', 'gris', 'gris'],
  ['brown', 'marron', 'marrón'],
  ['pink', 'rose', 'rosa'],
  ['yellow', 'jaune', 'amarillo'],
  ['navy', 'marine', 'marino'],
];
const FEATURES = [
  ['a security hologram', 'un hologramme de sécurité'],
  ['a laser-etched serial number', 'un numéro de série gravé au laser'],
  ['reinforced stitching', 'des coutures renforcées'],
  ['an embossed logo', 'un logo embossé'],
  ['a tamper-evident seal', "un scellé d'inviolabilité"],
  ['a QR code on the inner label', "un code QR sur l'étiquette intérieure"],
];
const MANUFACTURING = ['CN', 'VN', 'IT', 'PT', 'TR', 'BD', 'IN', 'FR', 'DE', 'ES', 'MA', 'MX'];
/** Countries with one customs organisation each (shares by country or by name go to these). */
export const ENFORCEMENT_COUNTRIES = ['FR', 'DE', 'ES', 'IT', 'NL', 'BE', 'PL', 'PT', 'IE', 'US'];
export const RIGHTS_HOLDERS = 50;

const literal = (value) => `'${String(value).replaceAll("'", "''")}'`;
const textArray = (values) => `array[${values.map(literal).join(',')}]::text[]`;
/** `column(k)`: the k-th (0-based, wrapping) entry of a list, as SQL. */
const pick = (values, index) => `(${textArray(values)})[1 + ((${index}) % ${values.length})]`;

/** Made-up brand name of ordinal `b` (SQL): three syllables, capitalised. */
const brandName = (b) =>
  `initcap(${pick(BRAND_SYLLABLES, b)} || ${pick(BRAND_SYLLABLES, `${b} / 25`)} || ${pick(BRAND_SYLLABLES, `${b} / 625`)})`;

/** GTIN-13 of product ordinal `i`: company prefix 7 + rights holder (6 digits), item (5), check digit. */
export const gtinBody = (i) =>
  `'7' || lpad(((${i}) % ${RIGHTS_HOLDERS})::text, 6, '0') || lpad(((${i}) / ${RIGHTS_HOLDERS})::text, 5, '0')`;

export async function generateCatalogue(client, { products, brands, chunk = 50_000, log = console.log }) {
  if (brands > BRAND_SYLLABLES.length ** 3) throw new Error('too many brands for the syllable table');
  if (products / RIGHTS_HOLDERS >= 100_000) throw new Error('too many products for 5-digit item numbers');
  const started = performance.now();
  const step = (label) => log(`  ${label} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await client.query(`
    create or replace function pg_temp.check_digit(body text) returns text language sql immutable as $$
      select ((10 - sum(substr(body, length(body) - k + 1, 1)::int * case when k % 2 = 1 then 3 else 1 end) % 10) % 10)::text
      from generate_series(1, length(body)) k $$`);
  // Bulk load: no per-row triggers (search documents are built per chunk below), no FK checks.
  await client.query(`set session_replication_role = replica`);

  await client.query(`
    insert into organisations (name, kind, country_code, status)
    select 'Bench Rights Holder ' || lpad(o::text, 2, '0'), 'rights_holder', ${pick(MANUFACTURING, 'o')}, 'active'
    from generate_series(0, ${RIGHTS_HOLDERS - 1}) o`);
  await client.query(`
    insert into organisations (name, kind, country_code, status)
    select 'Bench Customs ' || c, 'customs', c, 'active' from unnest(${textArray(ENFORCEMENT_COUNTRIES)}) c`);
  await client.query(`
    create temp table bench_holders as
    select o, id from generate_series(0, ${RIGHTS_HOLDERS - 1}) o
      join organisations on name = 'Bench Rights Holder ' || lpad(o::text, 2, '0')`);
  await client.query(`
    create temp table bench_customs as
    select k, id from generate_series(0, ${ENFORCEMENT_COUNTRIES.length - 1}) k
      join organisations on name = 'Bench Customs ' || (${textArray(ENFORCEMENT_COUNTRIES)})[k + 1]`);
  await client.query(`
    insert into company_prefixes (prefix, rights_holder_id)
    select '7' || lpad(o::text, 6, '0'), id from bench_holders`);

  await client.query(`
    insert into brands (organisation_id, name, aliases, categories)
    select h.id, ${brandName('b')},
      case when b % 3 = 0 then array[upper(${pick(BRAND_SYLLABLES, 'b')} || ${pick(BRAND_SYLLABLES, 'b / 25')}) || ' ' || ${pick(BRAND_SYLLABLES, 'b / 625')}] else '{}' end,
      '{}'
    from generate_series(0, ${brands - 1}) b join bench_holders h on h.o = b % ${RIGHTS_HOLDERS}`);
  await client.query(`
    create temp table bench_brands as
    select b, br.id, br.organisation_id from generate_series(0, ${brands - 1}) b
      join bench_holders h on h.o = b % ${RIGHTS_HOLDERS}
      join brands br on br.organisation_id = h.id and br.name = ${brandName('b')}`);
  await client.query(`create unique index on bench_brands (b)`);
  step(`${RIGHTS_HOLDERS} rights holders, ${ENFORCEMENT_COUNTRIES.length} customs, ${brands} brands`);

  const type = (column) =>
    pick(
      PRODUCT_TYPES.map((row) => row[column]),
      'i / 7',
    );
  const adjective = (column) =>
    pick(
      ADJECTIVES.map((row) => row[column]),
      'i / 3',
    );
  const colour = (column) =>
    pick(
      COLOURS.map((row) => row[column]),
      'i / 11',
    );
  const feature = (column) =>
    pick(
      FEATURES.map((row) => row[column]),
      'i / 5',
    );
  const model = `initcap(${pick(MODEL_SYLLABLES, 'i / 13')} || ${pick(MODEL_SYLLABLES, 'i / 325')})`;
  for (let from = 0; from < products; from += chunk) {
    const to = Math.min(products, from + chunk) - 1;
    await client.query(`drop table if exists bench_chunk`);
    await client.query(
      `create temp table bench_chunk as select i, gen_random_uuid() as id from generate_series(${from}, ${to}) i`,
    );
    // The brand of product i is i % brands, so the rights holder (i % 50) matches its GTIN prefix.
    await client.query(`
      insert into products (id, organisation_id, brand_id, reference, name, description, category,
        hs_codes, countries_of_manufacture, created_at, updated_at)
      select c.id, bb.organisation_id, bb.id, 'BR' || bb.b || '-' || c.i,
        jsonb_build_object('original', (array['en','fr','es'])[1 + c.i % 3], 'texts', jsonb_build_object(
          'en', initcap(${adjective(0)}) || ' ' || ${type(0)} || ' ' || ${model} || ', ' || ${colour(0)},
          'fr', initcap(${type(1)}) || ' ' || ${adjective(1)} || ' ' || ${model} || ', ' || ${colour(1)},
          'es', initcap(${type(2)}) || ' ' || ${adjective(2)} || ' ' || ${model} || ', ' || ${colour(2)})),
        jsonb_build_object('original', 'en', 'texts', jsonb_build_object(
          'en', 'Genuine ' || ${type(0)} || ' in ' || ${colour(0)} || ', with ' || ${feature(0)} || '.',
          'fr', initcap(${type(1)}) || ' authentique, ' || ${colour(1)} || ', avec ' || ${feature(1)} || '.')),
        ${type(3)}, array[${type(4)}], array[${pick(MANUFACTURING, 'i / 17')}],
        now(), now()
      from bench_chunk c join bench_brands bb on bb.b = c.i % ${brands}`);
    await client.query(`
      insert into product_identifiers (product_id, organisation_id, gtin, level)
      select c.id, p.organisation_id, '0' || ${gtinBody('c.i')} || pg_temp.check_digit(${gtinBody('c.i')}), 'item'
      from bench_chunk c join products p on p.id = c.id`);
    // 60 % with everyone, 25 % with one country, 10 % with one customs organisation by name, 5 % not
    // shared; by i / 7, so the products of one brand (i apart by the number of brands) vary.
    await client.query(`
      insert into product_shares (product_id, target_kind, country_code, target_organisation_id)
      select c.id,
        case when (c.i / 7) % 20 < 12 then 'all' when (c.i / 7) % 20 < 17 then 'country' else 'organisation' end,
        case when (c.i / 7) % 20 between 12 and 16 then (${textArray(ENFORCEMENT_COUNTRIES)})[1 + (c.i / 140) % ${ENFORCEMENT_COUNTRIES.length}] end,
        case when (c.i / 7) % 20 between 17 and 18 then (select id from bench_customs where k = (c.i / 140) % ${ENFORCEMENT_COUNTRIES.length}) end
      from bench_chunk c where (c.i / 7) % 20 < 19`);
    await client.query(`select product_search_refresh(array(select id from bench_chunk))`);
    step(`${to + 1} products`);
  }
  await client.query(`reset session_replication_role`);
  await client.query(`vacuum analyze`);
  step('vacuum analyze');
}

/** The brand name of ordinal `b`, as generated. */
export function brandNameOf(b) {
  const name = [b % 25, Math.floor(b / 25) % 25, Math.floor(b / 625) % 25]
    .map((k) => BRAND_SYLLABLES[k])
    .join('');
  return name[0].toUpperCase() + name.slice(1);
}

/** The GTIN-13 of product ordinal `i` (one past the catalogue: an unknown GTIN with a declared prefix). */
export function gtinOf(i) {
  const body = `7${String(i % RIGHTS_HOLDERS).padStart(6, '0')}${String(Math.floor(i / RIGHTS_HOLDERS)).padStart(5, '0')}`;
  let sum = 0;
  for (let k = 0; k < body.length; k++) sum += Number(body[body.length - 1 - k]) * (k % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Several-word English queries over the generated names. */
export const ADJECTIVES_FOR_QUERIES = [
  'waterproof rain jacket',
  'leather handbag black',
  'classic wristwatch',
  'sport sunglasses',
  'premium face cream',
  'wireless earbuds white',
  'kids toy car',
  'vintage leather boot',
  'travel backpack navy',
  'limited edition eau de parfum',
  'compact power bank',
  'pro tennis racket',
  'essential cotton t-shirt',
];
