import { IDENTIFIER_LEVELS, INDICATOR_KINDS, LOCALES, PRODUCT_STATUSES } from '@assay/core';

/**
 * The portfolio workbook: one sheet per kind of row, a header row of stable snake_case column
 * names, texts in several languages as one column per language (`name_en`, `name_fr`…). The same
 * layout is written by the template and the export and read by the import.
 */

export const SHEET_KEYS = ['brands', 'products', 'identifiers', 'guidePoints', 'indicators'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const SHEET_NAMES: Record<SheetKey, string> = {
  brands: 'Brands',
  products: 'Products',
  identifiers: 'Identifiers',
  guidePoints: 'Guide points',
  indicators: 'Indicators',
};

/** A sheet of explanations the template and the export carry; the import ignores it. */
export const README_SHEET = 'Read me';

/** Separator of several values in one cell (aliases, HS codes, countries, GTINs in CSV). */
export const LIST_SEPARATOR = ';';

export interface ColumnSpec {
  header: string;
  help: string;
  required?: boolean;
  /** Kept as text by spreadsheet programs (GTINs and HS codes would otherwise lose leading zeros). */
  text?: boolean;
  /** Allowed values, offered as a drop-down list in the template. */
  values?: readonly string[];
  width?: number;
}

/** A family of columns, one per language: `<prefix>_<language>`. */
export interface LocalisedSpec {
  prefix: string;
  help: string;
}

export interface SheetSpec {
  key: SheetKey;
  columns: ColumnSpec[];
  localised: LocalisedSpec[];
}

const originalLanguage: ColumnSpec = {
  header: 'original_language',
  help: 'Language the texts of the row were written in (two letters: en, fr, es…); the others are translations. Empty: the first language given.',
  width: 12,
};
const productReference: ColumnSpec = {
  header: 'product_reference',
  help: 'Reference of a product of the Products sheet.',
  required: true,
  text: true,
  width: 18,
};

export const SHEETS: Record<SheetKey, SheetSpec> = {
  brands: {
    key: 'brands',
    columns: [
      {
        header: 'name',
        help: 'Brand name: the key of the brand (an existing brand is updated).',
        required: true,
        width: 24,
      },
      { header: 'aliases', help: 'Other names and abbreviations, separated by ";".', width: 30 },
      { header: 'categories', help: 'Product categories the brand covers, separated by ";".', width: 30 },
    ],
    localised: [],
  },
  products: {
    key: 'products',
    columns: [
      {
        header: 'reference',
        help: 'Your own product reference: the key of the product (an existing product is replaced).',
        required: true,
        text: true,
        width: 18,
      },
      {
        header: 'brand',
        help: 'Name of a brand of the Brands sheet or of your portfolio.',
        required: true,
        width: 20,
      },
      { header: 'category', help: 'Product category, e.g. "footwear".', required: true, width: 16 },
      {
        header: 'status',
        help: 'active (default), discontinued or recalled.',
        values: PRODUCT_STATUSES,
        width: 12,
      },
      {
        header: 'hs_codes',
        help: 'HS codes of 6 to 10 digits (dots and spaces allowed), separated by ";".',
        text: true,
        width: 16,
      },
      {
        header: 'countries_of_manufacture',
        help: 'ISO country codes (two letters), separated by ";".',
        width: 14,
      },
      { header: 'price_min', help: 'Lowest usual retail price.', width: 10 },
      { header: 'price_max', help: 'Highest usual retail price.', width: 10 },
      { header: 'currency', help: 'ISO 4217 currency code of the prices, e.g. EUR.', width: 9 },
      { header: 'length_mm', help: 'Length in millimetres (whole number).', width: 10 },
      { header: 'width_mm', help: 'Width in millimetres (whole number).', width: 10 },
      { header: 'height_mm', help: 'Height in millimetres (whole number).', width: 10 },
      { header: 'weight_g', help: 'Weight in grams (whole number).', width: 10 },
      originalLanguage,
    ],
    localised: [
      { prefix: 'name', help: 'Product name in this language.' },
      { prefix: 'description', help: 'Description in this language.' },
      { prefix: 'packaging', help: 'Packaging in this language.' },
    ],
  },
  identifiers: {
    key: 'identifiers',
    columns: [
      productReference,
      {
        header: 'gtin',
        help: 'GTIN-8, -12, -13 or -14 with its check digit.',
        required: true,
        text: true,
        width: 18,
      },
      {
        header: 'level',
        help: 'item (default), inner_pack or case.',
        values: IDENTIFIER_LEVELS,
        width: 12,
      },
    ],
    localised: [],
  },
  guidePoints: {
    key: 'guidePoints',
    columns: [
      productReference,
      { header: 'position', help: 'Order of the point in the guide (1, 2, 3…).', width: 9 },
      {
        header: 'visibility',
        help: 'overt: every organisation the product is shared with; covert: only organisations named for it.',
        required: true,
        values: ['overt', 'covert'],
        width: 11,
      },
      originalLanguage,
    ],
    localised: [
      { prefix: 'title', help: 'Title of the point in this language.' },
      { prefix: 'body', help: 'What to look at, in this language.' },
    ],
  },
  indicators: {
    key: 'indicators',
    columns: [
      productReference,
      {
        header: 'kind',
        help: INDICATOR_KINDS.join(', '),
        required: true,
        values: INDICATOR_KINDS,
        width: 10,
      },
      originalLanguage,
    ],
    localised: [{ prefix: 'text', help: 'The indicator in this language.' }],
  },
};

/** The CSV file is the Products sheet with the product's GTINs in one more column. */
export const CSV_GTINS_COLUMN: ColumnSpec = {
  header: 'gtins',
  help: 'GTINs with their level, e.g. "4006381333931:item;14006381333938:case" (level item when left out).',
  text: true,
  width: 30,
};

/** Languages the template offers columns for; an import accepts a column for any language. */
export const TEMPLATE_LANGUAGES: readonly string[] = LOCALES;

/** Interface languages first, then the others alphabetically. */
export function orderLanguages(languages: Iterable<string>): string[] {
  const rank = (language: string) => {
    const index = TEMPLATE_LANGUAGES.indexOf(language);
    return index < 0 ? TEMPLATE_LANGUAGES.length : index;
  };
  return [...new Set(languages)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The headers of a sheet, in order, with a column per language for each localised family. */
export function sheetHeaders(spec: SheetSpec, languages: readonly string[], csv = false): ColumnSpec[] {
  const localised = spec.localised.flatMap((family) =>
    languages.map(
      (language): ColumnSpec => ({
        header: `${family.prefix}_${language}`,
        help: family.help.replace(/\.$/, ` (${language}).`),
        width: family.prefix === 'name' || family.prefix === 'title' ? 28 : 40,
      }),
    ),
  );
  return [...spec.columns, ...(csv ? [CSV_GTINS_COLUMN] : []), ...localised];
}

/** How a header or sheet name is compared: case, surrounding spaces and space/hyphen vs underscore ignored. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function sheetKeyOf(name: string): SheetKey | 'readme' | undefined {
  const wanted = normaliseName(name);
  if (wanted === normaliseName(README_SHEET)) return 'readme';
  return SHEET_KEYS.find((key) => normaliseName(SHEET_NAMES[key]) === wanted);
}

/**
 * Spreadsheet programs run a cell starting with one of these as a formula (formula injection,
 * OWASP "CSV injection"): exported text starting with one is prefixed with an apostrophe.
 */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Text as written to an exported cell: a leading `'` when it would start a formula. Reversible —
 * text already starting with apostrophes then a trigger gets one more — so a round trip through
 * {@link restoreCell} gives the text back.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** The inverse of {@link neutraliseCell}, applied to every imported cell. */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
