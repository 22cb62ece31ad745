import {
  brandBody,
  CONTENT_LANGUAGE_PATTERN,
  type LocalisedText,
  type PortfolioImportIssue,
  type ProductBody,
  parseGtin,
  productBody,
} from '@assay/core';
import type { z } from 'zod';
import {
  CSV_GTINS_COLUMN,
  LIST_SEPARATOR,
  SHEET_KEYS,
  SHEET_NAMES,
  type SheetKey,
  sheetKeyOf,
} from './layout.js';
import type { RawFile, RawRow, RawSheet } from './read-file.js';

/**
 * From the rows of a portfolio file to the brands and products to write, and every problem found
 * on the way, each located by sheet, line and column. Pure: what needs the database (unknown
 * brands, GTINs of products not in the file) is checked by the service.
 */

export interface PlannedBrand {
  line: number;
  name: string;
  aliases: string[];
  categories: string[];
}

/** Where a value came from in the file. */
export interface CellRef {
  sheet: SheetKey;
  line: number;
  field: string;
}

export interface PlannedProduct {
  line: number;
  brandName: string;
  /** `brandId` is a placeholder until the brand is resolved. */
  body: ProductBody;
  /** Parts the file carries; the others are kept from the product already in the portfolio. */
  gives: { identifiers: boolean; guidePoints: boolean; indicators: boolean };
  identifierRefs: CellRef[];
}

export interface ImportPlan {
  format: RawFile['format'];
  /** Null when the file has no Brands sheet. */
  brands: PlannedBrand[] | null;
  products: PlannedProduct[];
  issues: IssueList;
}

export const PLACEHOLDER_BRAND_ID = '00000000-0000-4000-8000-000000000000';

/** Issues in the order a person fixes them: sheet by sheet, line by line, column by column. */
export class IssueList {
  private readonly items: { issue: PortfolioImportIssue; rank: [number, number, number] }[] = [];

  constructor(private readonly file: RawFile) {
    for (const issue of file.issues) this.push(issue);
  }

  get size(): number {
    return this.items.length;
  }

  at(ref: CellRef, message: string): void {
    this.push({ ...ref, sheet: this.file.sheets[ref.sheet]?.name ?? SHEET_NAMES[ref.sheet], message });
  }

  private push(issue: PortfolioImportIssue): void {
    const key = sheetKeyOf(issue.sheet);
    const sheetRank = key && key !== 'readme' ? SHEET_KEYS.indexOf(key) : -1;
    const headers = key && key !== 'readme' ? (this.file.sheets[key]?.headers ?? []) : [];
    const column = headers.indexOf(issue.field);
    this.items.push({ issue, rank: [sheetRank, issue.line, column < 0 ? headers.length : column] });
  }

  sorted(): PortfolioImportIssue[] {
    const seen = new Set<string>();
    return this.items
      .map((item, index) => ({ ...item, index }))
      .sort(
        (a, b) =>
          a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2] || a.index - b.index,
      )
      .map((item) => item.issue)
      .filter((issue) => {
        const key = JSON.stringify(issue);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}

const splitList = (text: string | undefined, separator: RegExp | string = LIST_SEPARATOR) =>
  text === undefined
    ? []
    : text
        .split(separator)
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Codes (HS codes, countries, GTINs) hold no commas, so either separator is accepted for them. */
const CODE_SEPARATOR = /[;,]/;

/** A number as typed, with a decimal comma accepted; the text itself when it is not one (zod reports it). */
function numberCell(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const normalised = text.includes('.') ? text : text.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : text;
}

const lower = (text: string | undefined) => text?.toLowerCase();

/** Languages of a family of localised columns, in column order. */
function languagesOf(sheet: RawSheet, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix}_([a-z]{2})$`);
  return sheet.headers.flatMap((header) => pattern.exec(header)?.[1] ?? []);
}

interface RowLanguages {
  /** The row's original_language when valid, else the first language of the sheet. */
  preferred: string;
}

/**
 * A text in several languages from `<prefix>_<language>` cells: the row's original language when
 * it has a text in it, else the first language given. Undefined when no language has a text.
 */
function localised(
  row: RawRow,
  prefix: string,
  languages: string[],
  original: string | undefined,
): LocalisedText | undefined {
  const texts: Record<string, string> = {};
  for (const language of languages) {
    const text = row.cells.get(`${prefix}_${language}`);
    if (text !== undefined) texts[language] = text;
  }
  const given = Object.keys(texts);
  if (given.length === 0) return undefined;
  return { original: original && given.includes(original) ? original : given[0]!, texts };
}

function readOriginalLanguage(
  row: RawRow,
  sheet: SheetKey,
  fallback: string,
  issues: IssueList,
): RowLanguages & { original: string | undefined } {
  const cell = lower(row.cells.get('original_language'));
  if (cell !== undefined && !CONTENT_LANGUAGE_PATTERN.test(cell)) {
    issues.at(
      { sheet, line: row.line, field: 'original_language' },
      `A language is a two-letter ISO 639-1 code (en, fr, es…), not "${row.cells.get('original_language')}"`,
    );
    return { original: undefined, preferred: fallback };
  }
  return { original: cell, preferred: cell ?? fallback };
}

/** A zod issue in words for a spreadsheet user. */
function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type') {
    if (input === undefined) return 'Required';
    if (issue.expected === 'number') return `Not a number: "${String(input)}"`;
    if (issue.expected === 'int') return `A whole number is expected, not ${String(input)}`;
  }
  if (issue.code === 'invalid_value' && typeof input === 'string')
    return `Expected one of ${issue.values.map(String).join(', ')}, not "${input}"`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return issue.inclusive ? `At least ${issue.minimum}` : `More than ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${issue.maximum}`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `At most ${issue.maximum} values`;
  return issue.message;
}

interface ChildRow {
  line: number;
  position: number;
  value: unknown;
  preferred: string;
}

/** Builds the plan: every row is validated, all issues collected (none stops the reading). */
export function planImport(file: RawFile): ImportPlan {
  const issues = new IssueList(file);
  const usable = (key: SheetKey) => {
    const sheet = file.sheets[key];
    return sheet?.usable ? sheet : undefined;
  };
  const plan: ImportPlan = { format: file.format, brands: null, products: [], issues };
  if (!file.sheets.brands && !file.sheets.products && file.issues.length === 0) {
    issues.at(
      { sheet: 'products', line: 1, field: SHEET_NAMES.products },
      'No Brands or Products sheet in the workbook',
    );
  }

  const brandsSheet = usable('brands');
  if (brandsSheet) plan.brands = planBrands(brandsSheet, issues);

  const productsSheet = usable('products');
  if (!productsSheet) {
    for (const key of ['identifiers', 'guidePoints', 'indicators'] as const) {
      const sheet = usable(key);
      if (sheet?.rows.length && !file.sheets.products)
        issues.at(
          { sheet: key, line: 1, field: SHEET_NAMES[key] },
          'These rows belong to products of a Products sheet, and there is none',
        );
    }
    return plan;
  }

  // Products by reference: the first row with a reference wins, later ones are duplicates — and
  // rows of other sheets naming a duplicated reference belong to no product in particular.
  const byReference = new Map<string, RawRow>();
  const duplicated = new Set<string>();
  const productRows: RawRow[] = [];
  for (const row of productsSheet.rows) {
    const reference = row.cells.get('reference');
    if (reference !== undefined) {
      const first = byReference.get(reference);
      if (first) {
        issues.at(
          { sheet: 'products', line: row.line, field: 'reference' },
          `Reference "${reference}" is already used on line ${first.line}`,
        );
        duplicated.add(reference);
        continue;
      }
      byReference.set(reference, row);
    }
    productRows.push(row);
  }

  const firstLanguage = (sheet: RawSheet, prefix: string) => languagesOf(sheet, prefix)[0] ?? 'en';
  const productLanguages = (prefix: string) => languagesOf(productsSheet, prefix);

  /** Rows of a child sheet grouped by the product they belong to. */
  const children = (
    key: 'identifiers' | 'guidePoints' | 'indicators',
    read: (row: RawRow, sheet: RawSheet) => Omit<ChildRow, 'line'> | null,
  ): Map<string, ChildRow[]> | null => {
    const sheet = usable(key);
    // An empty sheet (as in the template) carries nothing: the products keep what they have.
    if (!sheet?.rows.length) return null;
    const grouped = new Map<string, ChildRow[]>();
    for (const row of sheet.rows) {
      const reference = row.cells.get('product_reference');
      const child = read(row, sheet);
      if (reference === undefined) {
        issues.at({ sheet: key, line: row.line, field: 'product_reference' }, 'Required');
        continue;
      }
      if (!byReference.has(reference)) {
        issues.at(
          { sheet: key, line: row.line, field: 'product_reference' },
          `No product "${reference}" in the Products sheet`,
        );
        continue;
      }
      if (!child || duplicated.has(reference)) continue;
      const list = grouped.get(reference) ?? [];
      list.push({ line: row.line, ...child });
      grouped.set(reference, list);
    }
    return grouped;
  };

  // A GTIN appears once in the whole file.
  const gtinSeen = new Map<string, number>();
  const gtinOnce = (ref: CellRef, gtin: string): boolean => {
    const parsed = parseGtin(gtin);
    if (!parsed.ok) return true;
    const first = gtinSeen.get(parsed.gtin14);
    if (first !== undefined) {
      issues.at(ref, `GTIN ${gtin} is already listed on line ${first}`);
      return false;
    }
    gtinSeen.set(parsed.gtin14, ref.line);
    return true;
  };

  const identifiers = children('identifiers', (row) => {
    const gtin = row.cells.get('gtin');
    const value = { gtin, level: lower(row.cells.get('level')) ?? 'item' };
    if (gtin !== undefined && !gtinOnce({ sheet: 'identifiers', line: row.line, field: 'gtin' }, gtin))
      return null;
    return { position: 0, value, preferred: 'en' };
  });

  const positionOf = (row: RawRow, key: SheetKey): number => {
    const text = row.cells.get('position');
    if (text === undefined) return Number.POSITIVE_INFINITY;
    const position = numberCell(text);
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 1) {
      issues.at(
        { sheet: key, line: row.line, field: 'position' },
        `A whole number from 1 is expected, not "${text}"`,
      );
      return Number.POSITIVE_INFINITY;
    }
    return position;
  };

  const guidePoints = children('guidePoints', (row, sheet) => {
    const languages = readOriginalLanguage(row, 'guidePoints', firstLanguage(sheet, 'title'), issues);
    return {
      position: positionOf(row, 'guidePoints'),
      preferred: languages.preferred,
      value: {
        title: localised(row, 'title', languagesOf(sheet, 'title'), languages.original),
        body: localised(row, 'body', languagesOf(sheet, 'body'), languages.original),
        visibility: lower(row.cells.get('visibility')),
      },
    };
  });

  const indicators = children('indicators', (row, sheet) => {
    const languages = readOriginalLanguage(row, 'indicators', firstLanguage(sheet, 'text'), issues);
    return {
      position: 0,
      preferred: languages.preferred,
      value: {
        kind: lower(row.cells.get('kind')),
        text: localised(row, 'text', languagesOf(sheet, 'text'), languages.original),
      },
    };
  });

  for (const list of guidePoints?.values() ?? []) {
    list.sort((a, b) => a.position - b.position || a.line - b.line);
    list.forEach((point, index) => {
      const previous = list[index - 1];
      if (previous && Number.isFinite(point.position) && previous.position === point.position)
        issues.at(
          { sheet: 'guidePoints', line: point.line, field: 'position' },
          `Position ${point.position} is already used on line ${previous.line}`,
        );
    });
  }

  // Likewise a `gtins` column without a single value leaves the products' GTINs as they are.
  const csvGtinsGiven =
    file.format === 'csv' && productsSheet.rows.some((row) => row.cells.has(CSV_GTINS_COLUMN.header));
  for (const row of productRows) {
    const reference = row.cells.get('reference');
    const languages = readOriginalLanguage(row, 'products', firstLanguage(productsSheet, 'name'), issues);
    const text = (prefix: string) => localised(row, prefix, productLanguages(prefix), languages.original);

    const hsCodes = splitList(row.cells.get('hs_codes'), CODE_SEPARATOR);
    const countries = splitList(row.cells.get('countries_of_manufacture'), CODE_SEPARATOR);

    // Identifiers: from the Identifiers sheet, or from the `gtins` column of a CSV file.
    const identifierRefs: CellRef[] = [];
    let identifierValues: unknown[] | undefined;
    const csvGtins: string[] = [];
    if (csvGtinsGiven) {
      identifierValues = [];
      for (const item of splitList(row.cells.get(CSV_GTINS_COLUMN.header), CODE_SEPARATOR)) {
        const [gtin = '', level] = item.split(':').map((part) => part.trim());
        const ref: CellRef = { sheet: 'products', line: row.line, field: CSV_GTINS_COLUMN.header };
        if (!gtinOnce(ref, gtin)) continue;
        identifierValues.push({ gtin, level: lower(level) || 'item' });
        identifierRefs.push(ref);
        csvGtins.push(gtin);
      }
    } else if (identifiers) {
      const rows = reference === undefined ? [] : (identifiers.get(reference) ?? []);
      identifierValues = rows.map((child) => child.value);
      identifierRefs.push(
        ...rows.map((child) => ({ sheet: 'identifiers' as const, line: child.line, field: 'gtin' })),
      );
    }
    const pointRows = reference === undefined ? [] : (guidePoints?.get(reference) ?? []);
    const indicatorRows = reference === undefined ? [] : (indicators?.get(reference) ?? []);

    const price = ['price_min', 'price_max', 'currency'].some((column) => row.cells.has(column))
      ? {
          min: numberCell(row.cells.get('price_min')),
          max: numberCell(row.cells.get('price_max')),
          currency: row.cells.get('currency')?.toUpperCase(),
        }
      : undefined;
    const dimensions = ['length_mm', 'width_mm', 'height_mm'].some((column) => row.cells.has(column))
      ? {
          length: numberCell(row.cells.get('length_mm')),
          width: numberCell(row.cells.get('width_mm')),
          height: numberCell(row.cells.get('height_mm')),
        }
      : undefined;

    const input = {
      brandId: PLACEHOLDER_BRAND_ID,
      reference,
      name: text('name'),
      description: text('description'),
      packaging: text('packaging'),
      category: row.cells.get('category'),
      hsCodes,
      identifiers: identifierValues ?? [],
      countriesOfManufacture: countries,
      dimensionsMm: dimensions,
      weightG: numberCell(row.cells.get('weight_g')),
      price,
      status: lower(row.cells.get('status')),
      guidePoints: pointRows.map((child) => child.value),
      indicators: indicatorRows.map((child) => child.value),
    };
    const brandName = row.cells.get('brand');
    if (brandName === undefined) issues.at({ sheet: 'products', line: row.line, field: 'brand' }, 'Required');

    const parsed = productBody.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const located = locate(issue.path, {
          line: row.line,
          preferred: languages.preferred,
          csvGtins,
          identifierRefs,
          hsCodes,
          countries,
          pointRows,
          indicatorRows,
        });
        issues.at(
          located.ref,
          located.value === undefined ? messageOf(issue) : `${located.value}: ${messageOf(issue)}`,
        );
      }
      continue;
    }
    if (brandName === undefined) continue;
    plan.products.push({
      line: row.line,
      brandName,
      body: parsed.data,
      gives: {
        identifiers: identifierValues !== undefined,
        guidePoints: guidePoints !== null,
        indicators: indicators !== null,
      },
      identifierRefs,
    });
  }
  return plan;
}

function planBrands(sheet: RawSheet, issues: IssueList): PlannedBrand[] {
  const brands: PlannedBrand[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const input = {
      name: row.cells.get('name'),
      aliases: splitList(row.cells.get('aliases')),
      categories: splitList(row.cells.get('categories')),
    };
    const parsed = brandBody.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field = 'name', index] = issue.path as [string?, number?];
        const value = typeof index === 'number' ? input[field as 'aliases' | 'categories'][index] : undefined;
        issues.at(
          { sheet: 'brands', line: row.line, field },
          value === undefined ? messageOf(issue) : `${value}: ${messageOf(issue)}`,
        );
      }
      continue;
    }
    const first = seen.get(parsed.data.name);
    if (first !== undefined) {
      issues.at(
        { sheet: 'brands', line: row.line, field: 'name' },
        `Brand "${parsed.data.name}" is already on line ${first}`,
      );
      continue;
    }
    seen.set(parsed.data.name, row.line);
    brands.push({ line: row.line, ...parsed.data });
  }
  return brands;
}

interface LocateContext {
  line: number;
  preferred: string;
  csvGtins: string[];
  identifierRefs: CellRef[];
  hsCodes: string[];
  countries: string[];
  pointRows: ChildRow[];
  indicatorRows: ChildRow[];
}

const LOCALISED_FIELDS = new Set(['name', 'description', 'packaging', 'title', 'body', 'text']);

/** The column of a localised text an issue is about: `name_fr` for `name.texts.fr`, else the original's. */
function localisedColumn(prefix: string, rest: PropertyKey[], preferred: string): string {
  if (rest[0] === 'texts' && typeof rest[1] === 'string') return `${prefix}_${rest[1]}`;
  return `${prefix}_${preferred}`;
}

/** Maps a zod issue path of the product body to the sheet, line and column it came from. */
function locate(path: PropertyKey[], context: LocateContext): { ref: CellRef; value?: string } {
  const [head, index, ...rest] = path;
  const onRow = (field: string, value?: string) => ({
    ref: { sheet: 'products' as const, line: context.line, field },
    ...(value === undefined ? {} : { value }),
  });
  switch (head) {
    case 'brandId':
      return onRow('brand');
    case 'hsCodes':
      return onRow('hs_codes', typeof index === 'number' ? context.hsCodes[index] : undefined);
    case 'countriesOfManufacture':
      return onRow(
        'countries_of_manufacture',
        typeof index === 'number' ? context.countries[index] : undefined,
      );
    case 'weightG':
      return onRow('weight_g');
    case 'dimensionsMm':
      return onRow(typeof index === 'string' ? `${index}_mm` : 'length_mm');
    case 'price':
      return onRow(index === 'currency' ? 'currency' : index === 'max' ? 'price_max' : 'price_min');
    case 'identifiers': {
      if (typeof index !== 'number') return { ref: context.identifierRefs[0] ?? onRow('reference').ref };
      const ref = context.identifierRefs[index] ?? onRow('reference').ref;
      if (ref.sheet === 'products') return { ref, value: context.csvGtins[index] };
      return { ref: { ...ref, field: typeof rest[0] === 'string' ? rest[0] : 'gtin' } };
    }
    case 'guidePoints':
    case 'indicators': {
      const rows = head === 'guidePoints' ? context.pointRows : context.indicatorRows;
      const sheet = head === 'guidePoints' ? ('guidePoints' as const) : ('indicators' as const);
      const child = typeof index === 'number' ? rows[index] : undefined;
      if (!child) return onRow('reference');
      const [field, ...inner] = rest;
      const column =
        typeof field === 'string' && LOCALISED_FIELDS.has(field)
          ? localisedColumn(field, inner, child.preferred)
          : typeof field === 'string'
            ? field
            : 'product_reference';
      return { ref: { sheet, line: child.line, field: column } };
    }
    default:
      if (typeof head === 'string' && LOCALISED_FIELDS.has(head))
        return onRow(
          localisedColumn(
            head,
            [index, ...rest].filter((part) => part !== undefined),
            context.preferred,
          ),
        );
      return onRow(typeof head === 'string' ? head : 'reference');
  }
}
