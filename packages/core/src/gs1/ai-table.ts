/**
 * The GS1 Application Identifiers Assay reads, as data: format, title, separator rule, check digit,
 * date rule and GS1 Digital Link role. Formats and titles follow the GS1 General Specifications and
 * the GS1 Barcode Syntax Dictionary (components, `ex=` exclusions, `dlpkey=` key qualifiers).
 */

/** What may fill a part of an AI's data: digits, or GS1 AI encodable character set 82. */
export type Gs1Charset = 'numeric' | 'cset82';

/**
 * An extra rule a part of an AI's data must satisfy.
 * - `check_digit`: the last digit is the GS1 mod-10 check digit of the others
 * - `date`: YYMMDD (see {@link Gs1AiPart.dayZero} for DD = 00); a second date makes a range
 * - `hour`, `minute`, `second`: HH 00–23, MM / SS 00–59, completing the preceding date
 * - `time`: HHMM, completing the preceding date
 * - `country`: an ISO 3166-1 numeric country code (3 digits)
 * - `country_alpha2`: an assigned ISO 3166-1 alpha-2 country code
 * - `currency`: an ISO 4217 numeric currency code (3 digits)
 * - `zero`: the digit 0 (the filler at the start of a GRAI)
 * - `piece_of_total`: NNTT, piece NN of TT pieces, 01 ≤ NN ≤ TT
 */
export type Gs1PartRule =
  | 'check_digit'
  | 'date'
  | 'hour'
  | 'minute'
  | 'second'
  | 'time'
  | 'country'
  | 'country_alpha2'
  | 'currency'
  | 'zero'
  | 'piece_of_total';

/** One component of an AI's data, e.g. the 13-digit GLN and then the serial of a GRAI. */
export interface Gs1AiPart {
  charset: Gs1Charset;
  min: number;
  max: number;
  /** The part may be left out entirely (it then ends the data). */
  optional: boolean;
  rule?: Gs1PartRule;
  /**
   * For a `date` part, what DD = 00 means: not allowed, the last day of the month (best before, sell
   * by, expiry), or a date known only to the month (production, due, packaging date: the ISO date is
   * then YYYY-MM).
   */
  dayZero?: 'not_allowed' | 'end_of_month' | 'month_only';
}

/** A GS1 Digital Link primary key and the key qualifiers that may follow it in the path, in order. */
export interface Gs1DigitalLinkKey {
  /** Each list is one allowed sequence of qualifiers (any of them may be left out, order kept). */
  qualifiers: readonly (readonly string[])[];
}

export interface Gs1AiDefinition {
  ai: string;
  /** GS1 data title, e.g. `GTIN`, `BATCH/LOT`. */
  title: string;
  parts: readonly Gs1AiPart[];
  minLength: number;
  maxLength: number;
  /** Same length every time (`minLength === maxLength`). */
  fixedLength: boolean;
  /**
   * Whether an FNC1 (group separator) must follow the data when another element comes after it:
   * false only for AIs in the GS1 predefined-length table (starting 00–04, 11–20, 31–36, 41).
   */
  needsSeparator: boolean;
  /** Digits after the implied decimal point (measures 310n–369n, amounts and prices 390n–395n). */
  decimals?: number;
  /** Present when the AI is a GS1 Digital Link primary key. */
  digitalLinkKey?: Gs1DigitalLinkKey;
}

/** Fixed-length numeric part. */
const n = (length: number, rule?: Gs1PartRule): Gs1AiPart => ({
  charset: 'numeric',
  min: length,
  max: length,
  optional: false,
  ...(rule ? { rule } : {}),
});
/** Variable-length numeric part (1 to `max` digits). */
const nv = (max: number): Gs1AiPart => ({ charset: 'numeric', min: 1, max, optional: false });
/** Fixed-length CSET 82 part. */
const x = (length: number, rule?: Gs1PartRule): Gs1AiPart => ({
  charset: 'cset82',
  min: length,
  max: length,
  optional: false,
  ...(rule ? { rule } : {}),
});
/** Variable-length CSET 82 part (1 to `max` characters). */
const xv = (max: number): Gs1AiPart => ({ charset: 'cset82', min: 1, max, optional: false });
const optional = (part: Gs1AiPart): Gs1AiPart => ({ ...part, optional: true });
const date = (dayZero: NonNullable<Gs1AiPart['dayZero']>): Gs1AiPart => ({ ...n(6, 'date'), dayZero });

type Row = {
  ai: string;
  title: string;
  parts: readonly Gs1AiPart[];
  decimals?: number;
  key?: Gs1DigitalLinkKey;
};

const PRIMARY: Gs1DigitalLinkKey = { qualifiers: [] };
const GLN = [n(13, 'check_digit')];
const GTIN = [n(14, 'check_digit')];

const ROWS: readonly Row[] = [
  { ai: '00', title: 'SSCC', parts: [n(18, 'check_digit')], key: PRIMARY },
  { ai: '01', title: 'GTIN', parts: GTIN, key: { qualifiers: [['22', '10', '21'], ['235']] } },
  { ai: '02', title: 'CONTENT', parts: GTIN },
  { ai: '03', title: 'MTO GTIN', parts: GTIN },
  { ai: '10', title: 'BATCH/LOT', parts: [xv(20)] },
  { ai: '11', title: 'PROD DATE', parts: [date('month_only')] },
  { ai: '12', title: 'DUE DATE', parts: [date('month_only')] },
  { ai: '13', title: 'PACK DATE', parts: [date('month_only')] },
  { ai: '15', title: 'BEST BEFORE or BEST BY', parts: [date('end_of_month')] },
  { ai: '16', title: 'SELL BY', parts: [date('end_of_month')] },
  { ai: '17', title: 'USE BY OR EXPIRY', parts: [date('end_of_month')] },
  { ai: '20', title: 'VARIANT', parts: [n(2)] },
  { ai: '21', title: 'SERIAL', parts: [xv(20)] },
  { ai: '22', title: 'CPV', parts: [xv(20)] },
  { ai: '235', title: 'TPX', parts: [xv(28)] },
  { ai: '240', title: 'ADDITIONAL ID', parts: [xv(30)] },
  { ai: '241', title: 'CUST. PART No.', parts: [xv(30)] },
  { ai: '242', title: 'MTO VARIANT', parts: [nv(6)] },
  { ai: '243', title: 'PCN', parts: [xv(20)] },
  { ai: '250', title: 'SECONDARY SERIAL', parts: [xv(30)] },
  { ai: '251', title: 'REF. TO SOURCE', parts: [xv(30)] },
  { ai: '253', title: 'GDTI', parts: [n(13, 'check_digit'), optional(xv(17))], key: PRIMARY },
  { ai: '254', title: 'GLN EXTENSION COMPONENT', parts: [xv(20)] },
  { ai: '255', title: 'GCN', parts: [n(13, 'check_digit'), optional(nv(12))], key: PRIMARY },
  { ai: '30', title: 'VAR. COUNT', parts: [nv(8)] },
  ...measures(),
  { ai: '37', title: 'COUNT', parts: [nv(8)] },
  ...amounts('390', 'AMOUNT', false),
  ...amounts('391', 'AMOUNT', true),
  ...amounts('392', 'PRICE', false),
  ...amounts('393', 'PRICE', true),
  ...[0, 1, 2, 3].map((decimals) => ({ ai: `394${decimals}`, title: 'PRCNT OFF', parts: [n(4)], decimals })),
  ...[0, 1, 2, 3, 4, 5].map((decimals) => ({
    ai: `395${decimals}`,
    title: 'PRICE/UoM',
    parts: [n(6)],
    decimals,
  })),
  { ai: '400', title: 'ORDER NUMBER', parts: [xv(30)] },
  { ai: '401', title: 'GINC', parts: [xv(30)], key: PRIMARY },
  { ai: '402', title: 'GSIN', parts: [n(17, 'check_digit')], key: PRIMARY },
  { ai: '403', title: 'ROUTE', parts: [xv(30)] },
  { ai: '410', title: 'SHIP TO LOC', parts: GLN },
  { ai: '411', title: 'BILL TO', parts: GLN },
  { ai: '412', title: 'PURCHASE FROM', parts: GLN },
  { ai: '413', title: 'SHIP FOR LOC', parts: GLN },
  { ai: '414', title: 'LOC No.', parts: GLN, key: { qualifiers: [['254']] } },
  { ai: '415', title: 'PAY TO', parts: GLN, key: { qualifiers: [['8020']] } },
  { ai: '416', title: 'PROD/SERV LOC', parts: GLN },
  { ai: '417', title: 'PARTY', parts: GLN, key: PRIMARY },
  { ai: '420', title: 'SHIP TO POST', parts: [xv(20)] },
  { ai: '421', title: 'SHIP TO POST', parts: [n(3, 'country'), xv(9)] },
  { ai: '422', title: 'ORIGIN', parts: [n(3, 'country')] },
  { ai: '423', title: 'COUNTRY - INITIAL PROCESS', parts: countryList() },
  { ai: '424', title: 'COUNTRY - PROCESS', parts: [n(3, 'country')] },
  { ai: '425', title: 'COUNTRY - DISASSEMBLY', parts: countryList() },
  { ai: '426', title: 'COUNTRY - FULL PROCESS', parts: [n(3, 'country')] },
  { ai: '427', title: 'ORIGIN SUBDIVISION', parts: [xv(3)] },
  { ai: '4300', title: 'SHIP TO COMP', parts: [xv(35)] },
  { ai: '4301', title: 'SHIP TO NAME', parts: [xv(35)] },
  { ai: '4302', title: 'SHIP TO ADD1', parts: [xv(70)] },
  { ai: '4303', title: 'SHIP TO ADD2', parts: [xv(70)] },
  { ai: '4304', title: 'SHIP TO SUB', parts: [xv(70)] },
  { ai: '4305', title: 'SHIP TO LOC', parts: [xv(70)] },
  { ai: '4306', title: 'SHIP TO REG', parts: [xv(70)] },
  { ai: '4307', title: 'SHIP TO COUNTRY', parts: [x(2, 'country_alpha2')] },
  { ai: '4308', title: 'SHIP TO PHONE', parts: [xv(30)] },
  { ai: '4310', title: 'RTN TO COMP', parts: [xv(35)] },
  { ai: '4311', title: 'RTN TO NAME', parts: [xv(35)] },
  { ai: '4312', title: 'RTN TO ADD1', parts: [xv(70)] },
  { ai: '4313', title: 'RTN TO ADD2', parts: [xv(70)] },
  { ai: '4314', title: 'RTN TO SUB', parts: [xv(70)] },
  { ai: '4315', title: 'RTN TO LOC', parts: [xv(70)] },
  { ai: '4316', title: 'RTN TO REG', parts: [xv(70)] },
  { ai: '4317', title: 'RTN TO COUNTRY', parts: [x(2, 'country_alpha2')] },
  { ai: '4318', title: 'RTN TO POST', parts: [xv(20)] },
  { ai: '4319', title: 'RTN TO PHONE', parts: [xv(30)] },
  { ai: '4320', title: 'SRV DESCRIPTION', parts: [xv(35)] },
  { ai: '4326', title: 'REL DATE', parts: [date('not_allowed')] },
  { ai: '7001', title: 'NSN', parts: [n(13)] },
  { ai: '7002', title: 'MEAT CUT', parts: [xv(30)] },
  { ai: '7003', title: 'EXPIRY TIME', parts: [date('not_allowed'), n(4, 'time')] },
  { ai: '7004', title: 'ACTIVE POTENCY', parts: [nv(4)] },
  { ai: '7005', title: 'CATCH AREA', parts: [xv(12)] },
  { ai: '7006', title: 'FIRST FREEZE DATE', parts: [date('not_allowed')] },
  { ai: '7007', title: 'HARVEST DATE', parts: [date('not_allowed'), optional(date('not_allowed'))] },
  { ai: '7008', title: 'AQUATIC SPECIES', parts: [xv(3)] },
  { ai: '7009', title: 'FISHING GEAR TYPE', parts: [xv(10)] },
  { ai: '7010', title: 'PROD METHOD', parts: [xv(2)] },
  { ai: '7011', title: 'TEST BY DATE', parts: [date('not_allowed'), optional(n(4, 'time'))] },
  { ai: '7020', title: 'REFURB LOT', parts: [xv(20)] },
  { ai: '7021', title: 'FUNC STAT', parts: [xv(20)] },
  { ai: '7022', title: 'REV STAT', parts: [xv(20)] },
  { ai: '7023', title: 'GIAI - ASSEMBLY', parts: [xv(30)] },
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((index) => ({
    ai: `703${index}`,
    title: `PROCESSOR # ${index}`,
    // A country code, or 999 when several countries took part.
    parts: [n(3, 'country'), xv(27)],
  })),
  { ai: '710', title: 'NHRN PZN', parts: [xv(20)] },
  { ai: '711', title: 'NHRN CIP', parts: [xv(20)] },
  { ai: '712', title: 'NHRN CN', parts: [xv(20)] },
  { ai: '713', title: 'NHRN DRN', parts: [xv(20)] },
  { ai: '714', title: 'NHRN AIM', parts: [xv(20)] },
  { ai: '715', title: 'NHRN NDC', parts: [xv(20)] },
  { ai: '716', title: 'NHRN AIC', parts: [xv(20)] },
  { ai: '717', title: 'NHRN SRN', parts: [xv(20)] },
  { ai: '7240', title: 'PROTOCOL', parts: [xv(20)] },
  { ai: '8002', title: 'CMT No.', parts: [xv(20)] },
  { ai: '8003', title: 'GRAI', parts: [n(1, 'zero'), n(13, 'check_digit'), optional(xv(16))], key: PRIMARY },
  { ai: '8004', title: 'GIAI', parts: [xv(30)], key: PRIMARY },
  { ai: '8005', title: 'PRICE PER UNIT', parts: [n(6)] },
  {
    ai: '8006',
    title: 'ITIP',
    parts: [n(14, 'check_digit'), n(4, 'piece_of_total')],
    key: { qualifiers: [['22', '10', '21']] },
  },
  {
    ai: '8008',
    title: 'PROD TIME',
    parts: [date('not_allowed'), n(2, 'hour'), optional(n(2, 'minute')), optional(n(2, 'second'))],
  },
  { ai: '8009', title: 'OPTSEN', parts: [xv(50)] },
  { ai: '8012', title: 'VERSION', parts: [xv(20)] },
  { ai: '8017', title: 'GSRN - PROVIDER', parts: [n(18, 'check_digit')], key: { qualifiers: [['8019']] } },
  { ai: '8018', title: 'GSRN - RECIPIENT', parts: [n(18, 'check_digit')], key: { qualifiers: [['8019']] } },
  { ai: '8019', title: 'SRIN', parts: [nv(10)] },
  { ai: '8020', title: 'REF No.', parts: [xv(25)] },
  { ai: '8026', title: 'ITIP CONTENT', parts: [n(14, 'check_digit'), n(4, 'piece_of_total')] },
  { ai: '8111', title: 'POINTS', parts: [n(4)] },
  { ai: '8200', title: 'PRODUCT URL', parts: [xv(70)] },
  { ai: '90', title: 'INTERNAL', parts: [xv(30)] },
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai) => ({
    ai,
    title: 'INTERNAL',
    parts: [xv(90)],
  })),
];

/** Trade and logistic measures 310n–369n: six digits, the last n of them decimals (n = 0–5). */
function measures(): Row[] {
  const families: [string, string][] = [
    ['310', 'NET WEIGHT (kg)'],
    ['311', 'LENGTH (m)'],
    ['312', 'WIDTH (m)'],
    ['313', 'HEIGHT (m)'],
    ['314', 'AREA (m²)'],
    ['315', 'NET VOLUME (l)'],
    ['316', 'NET VOLUME (m³)'],
    ['320', 'NET WEIGHT (lb)'],
    ['321', 'LENGTH (in)'],
    ['322', 'LENGTH (ft)'],
    ['323', 'LENGTH (yd)'],
    ['324', 'WIDTH (in)'],
    ['325', 'WIDTH (ft)'],
    ['326', 'WIDTH (yd)'],
    ['327', 'HEIGHT (in)'],
    ['328', 'HEIGHT (ft)'],
    ['329', 'HEIGHT (yd)'],
    ['330', 'GROSS WEIGHT (kg)'],
    ['331', 'LENGTH (m), log'],
    ['332', 'WIDTH (m), log'],
    ['333', 'HEIGHT (m), log'],
    ['334', 'AREA (m²), log'],
    ['335', 'VOLUME (l), log'],
    ['336', 'VOLUME (m³), log'],
    ['337', 'KG PER m²'],
    ['340', 'GROSS WEIGHT (lb)'],
    ['341', 'LENGTH (in), log'],
    ['342', 'LENGTH (ft), log'],
    ['343', 'LENGTH (yd), log'],
    ['344', 'WIDTH (in), log'],
    ['345', 'WIDTH (ft), log'],
    ['346', 'WIDTH (yd), log'],
    ['347', 'HEIGHT (in), log'],
    ['348', 'HEIGHT (ft), log'],
    ['349', 'HEIGHT (yd), log'],
    ['350', 'AREA (in²)'],
    ['351', 'AREA (ft²)'],
    ['352', 'AREA (yd²)'],
    ['353', 'AREA (in²), log'],
    ['354', 'AREA (ft²), log'],
    ['355', 'AREA (yd²), log'],
    ['356', 'NET WEIGHT (tr oz)'],
    ['357', 'NET VOLUME (oz)'],
    ['360', 'NET VOLUME (qt)'],
    ['361', 'NET VOLUME (gal.)'],
    ['362', 'VOLUME (qt), log'],
    ['363', 'VOLUME (gal.), log'],
    ['364', 'NET VOLUME (in³)'],
    ['365', 'NET VOLUME (ft³)'],
    ['366', 'NET VOLUME (yd³)'],
    ['367', 'VOLUME (in³), log'],
    ['368', 'VOLUME (ft³), log'],
    ['369', 'VOLUME (yd³), log'],
  ];
  return families.flatMap(([prefix, title]) =>
    [0, 1, 2, 3, 4, 5].map((decimals) => ({ ai: `${prefix}${decimals}`, title, parts: [n(6)], decimals })),
  );
}

/** Amounts 390n–393n: up to 15 digits, the last n of them decimals, some after an ISO 4217 currency. */
function amounts(prefix: string, title: string, withCurrency: boolean): Row[] {
  const amount = nv(15);
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((decimals) => ({
    ai: `${prefix}${decimals}`,
    title,
    parts: withCurrency ? [n(3, 'currency'), amount] : [amount],
    decimals,
  }));
}

/** One to five ISO 3166 country codes, one after another (AIs 423 and 425). */
function countryList(): Gs1AiPart[] {
  const country = n(3, 'country');
  return [country, optional(country), optional(country), optional(country), optional(country)];
}

/** First two digits of the AIs that never need an FNC1 after them (GS1 predefined-length table). */
const PREDEFINED_LENGTH_PREFIXES = new Set([
  ...['00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
  ...['31', '32', '33', '34', '35', '36', '41'],
]);

function define(row: Row): Gs1AiDefinition {
  const minLength = row.parts.reduce((sum, part) => sum + (part.optional ? 0 : part.min), 0);
  const maxLength = row.parts.reduce((sum, part) => sum + part.max, 0);
  return {
    ai: row.ai,
    title: row.title,
    parts: row.parts,
    minLength,
    maxLength,
    fixedLength: minLength === maxLength,
    needsSeparator: !PREDEFINED_LENGTH_PREFIXES.has(row.ai.slice(0, 2)),
    ...(row.decimals === undefined ? {} : { decimals: row.decimals }),
    ...(row.key ? { digitalLinkKey: row.key } : {}),
  };
}

/** Every AI Assay reads, in GS1 order. */
export const GS1_AIS: readonly Gs1AiDefinition[] = ROWS.map(define);

const byAi = new Map(GS1_AIS.map((definition) => [definition.ai, definition]));

/** The definition of an AI, or undefined when Assay does not know it. */
export function gs1Ai(ai: string): Gs1AiDefinition | undefined {
  return byAi.get(ai);
}

/**
 * How many digits an AI has, from its first two (GS1 General Specifications, AI prefix length
 * table) — to name an AI correctly even when Assay does not know it.
 */
export function gs1AiLength(firstTwoDigits: string): number | undefined {
  const prefix = Number(firstTwoDigits);
  if (!/^\d\d$/.test(firstTwoDigits)) return undefined;
  if (prefix <= 22 || prefix === 30 || prefix === 37 || prefix >= 90) return 2;
  if ((prefix >= 23 && prefix <= 25) || (prefix >= 40 && prefix <= 42) || prefix === 71) return 3;
  if ((prefix >= 31 && prefix <= 36) || prefix === 39 || prefix === 43 || prefix === 70) return 4;
  if (prefix === 72 || (prefix >= 80 && prefix <= 82)) return 4;
  return undefined;
}

/**
 * Pairs of AIs that must not appear together (GS1 `ex=` rules). `nnnn` patterns end in `n` for "any
 * digit": `310n` excludes another net weight with a different number of decimals.
 */
const EXCLUSIONS: readonly (readonly [string, readonly string[]])[] = [
  ['01', ['02', '03', '37', '255', '8006']],
  ['02', ['03', '8026']],
  ['03', ['37', '235', '8026']],
  ['21', ['235']],
  ['255', ['02', '415', '8006', '8020', '8026']],
  ['390n', ['390n', '391n', '394n', '8111']],
  ['391n', ['391n']],
  ['392n', ['392n', '393n']],
  ['393n', ['393n']],
  ['394n', ['394n', '8111']],
  ['395n', ['392n', '393n', '395n', '8005']],
  ['420', ['421']],
  ['421', ['4307']],
  ['426', ['422', '423', '424', '425']],
  ['37', ['8006']],
  ['8006', ['03', '8026']],
  ['8017', ['8018']],
  ...measureFamilies().map((family): [string, string[]] => [family, [family]]),
];

function measureFamilies(): string[] {
  const families = new Set<string>();
  for (const definition of GS1_AIS) {
    if (/^3[1-6]/.test(definition.ai)) families.add(`${definition.ai.slice(0, 3)}n`);
  }
  return [...families];
}

function matches(pattern: string, ai: string): boolean {
  return pattern.endsWith('n')
    ? ai.length === pattern.length && ai.startsWith(pattern.slice(0, -1))
    : ai === pattern;
}

/** For each AI, the AIs it excludes, expanded from the patterns once. */
const conflicts = new Map<string, Set<string>>();
for (const [left, rights] of EXCLUSIONS) {
  for (const a of GS1_AIS.filter(({ ai }) => matches(left, ai))) {
    for (const b of GS1_AIS.filter(({ ai }) => rights.some((right) => matches(right, ai)))) {
      if (a.ai === b.ai) continue;
      for (const [one, other] of [
        [a.ai, b.ai],
        [b.ai, a.ai],
      ] as const) {
        const set = conflicts.get(one) ?? new Set<string>();
        set.add(other);
        conflicts.set(one, set);
      }
    }
  }
}

/** Whether two different AIs must not appear in the same code (e.g. 01 with 02, 3102 with 3103). */
export function gs1AisConflict(a: string, b: string): boolean {
  return conflicts.get(a)?.has(b) ?? false;
}

/**
 * GS1 Digital Link convenience alphas (path and query) for the AIs Assay knows, read as their
 * numeric AI. Writing always uses the numeric form.
 */
export const GS1_DIGITAL_LINK_ALPHAS: Readonly<Record<string, string>> = {
  sscc: '00',
  gtin: '01',
  lot: '10',
  ser: '21',
  cpv: '22',
  gdti: '253',
  glnx: '254',
  gcn: '255',
  ginc: '401',
  gsin: '402',
  gln: '414',
  payTo: '415',
  party: '417',
  grai: '8003',
  giai: '8004',
  itip: '8006',
  gsrnp: '8017',
  gsrn: '8018',
  srin: '8019',
  refNo: '8020',
};

/** Precedence of the primary key when one code holds several (a GTIN before the SSCC of its pallet). */
export const GS1_DIGITAL_LINK_KEY_ORDER: readonly string[] = [
  '01',
  '8006',
  '00',
  '253',
  '255',
  '401',
  '402',
  '414',
  '415',
  '417',
  '8003',
  '8004',
  '8017',
  '8018',
];
