import type { LocalisedText } from '@assay/core';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  type ColumnSpec,
  CSV_GTINS_COLUMN,
  LIST_SEPARATOR,
  neutraliseCell,
  orderLanguages,
  README_SHEET,
  SHEET_KEYS,
  SHEET_NAMES,
  SHEETS,
  type SheetKey,
  sheetHeaders,
  TEMPLATE_LANGUAGES,
} from './layout.js';
import type { Portfolio, PortfolioProduct } from './queries.js';

/** Writes a portfolio (or, empty, the template) in the layout the import reads. */

type Cell = string | number | undefined;
type Row = Record<string, Cell>;

function languagesOf(portfolio: Portfolio): string[] {
  const languages = new Set<string>(TEMPLATE_LANGUAGES);
  const add = (text: LocalisedText | undefined) => {
    if (text) for (const language of Object.keys(text.texts)) languages.add(language);
  };
  for (const { body } of portfolio.products) {
    add(body.name);
    add(body.description);
    add(body.packaging);
    for (const point of body.guidePoints) {
      add(point.title);
      add(point.body);
    }
    for (const indicator of body.indicators) add(indicator.text);
  }
  return orderLanguages(languages);
}

function textCells(prefix: string, text: LocalisedText | undefined): Row {
  return Object.fromEntries(
    Object.entries(text?.texts ?? {}).map(([language, value]) => [`${prefix}_${language}`, value]),
  );
}

const joined = (values: readonly string[]) => (values.length ? values.join(LIST_SEPARATOR) : undefined);

function productRow({ body, brandName }: PortfolioProduct, csv: boolean): Row {
  return {
    reference: body.reference,
    brand: brandName,
    category: body.category,
    status: body.status,
    hs_codes: joined(body.hsCodes),
    countries_of_manufacture: joined(body.countriesOfManufacture),
    price_min: body.price?.min,
    price_max: body.price?.max,
    currency: body.price?.currency,
    length_mm: body.dimensionsMm?.length,
    width_mm: body.dimensionsMm?.width,
    height_mm: body.dimensionsMm?.height,
    weight_g: body.weightG,
    original_language: body.name.original,
    ...(csv ? { gtins: joined(body.identifiers.map((i) => `${i.gtin}:${i.level}`)) } : {}),
    ...textCells('name', body.name),
    ...textCells('description', body.description),
    ...textCells('packaging', body.packaging),
  };
}

function rowsOf(portfolio: Portfolio, key: SheetKey): Row[] {
  switch (key) {
    case 'brands':
      return portfolio.brands.map((brand) => ({
        name: brand.name,
        aliases: joined(brand.aliases),
        categories: joined(brand.categories),
      }));
    case 'products':
      return portfolio.products.map((product) => productRow(product, false));
    case 'identifiers':
      return portfolio.products.flatMap(({ body }) =>
        body.identifiers.map((identifier) => ({
          product_reference: body.reference,
          gtin: identifier.gtin,
          level: identifier.level,
        })),
      );
    case 'guidePoints':
      return portfolio.products.flatMap(({ body }) =>
        body.guidePoints.map((point, index) => ({
          product_reference: body.reference,
          position: index + 1,
          visibility: point.visibility,
          original_language: point.title.original,
          ...textCells('title', point.title),
          ...textCells('body', point.body),
        })),
      );
    case 'indicators':
      return portfolio.products.flatMap(({ body }) =>
        body.indicators.map((indicator) => ({
          product_reference: body.reference,
          kind: indicator.kind,
          original_language: indicator.text.original,
          ...textCells('text', indicator.text),
        })),
      );
  }
}

const exported = (value: Cell) => (typeof value === 'string' ? neutraliseCell(value) : value);

/** Excel's drop-down lists hold at most 255 characters: fine for the short value lists here. */
function addValueList(worksheet: ExcelJS.Worksheet, column: ExcelJS.Column, values: readonly string[]): void {
  const validations = (
    worksheet as unknown as { dataValidations: { add(range: string, rule: unknown): void } }
  ).dataValidations;
  validations.add(`${column.letter}2:${column.letter}${Math.max(worksheet.rowCount, 1) + 5000}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    error: `Expected one of ${values.join(', ')}`,
  });
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: ColumnSpec[], rows: Row[]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: column.width ?? 14,
    ...(column.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    header.getCell(index + 1).note = column.required ? `Required. ${column.help}` : column.help;
  });
  for (const row of rows) {
    worksheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, exported(value)])));
  }
  columns.forEach((column, index) => {
    if (column.values) addValueList(worksheet, worksheet.getColumn(index + 1), column.values);
  });
}

function addReadme(workbook: ExcelJS.Workbook): void {
  const worksheet = workbook.addWorksheet(README_SHEET);
  worksheet.columns = [
    { header: 'Sheet', key: 'sheet', width: 16 },
    { header: 'Column', key: 'column', width: 26 },
    { header: 'Required', key: 'required', width: 10 },
    { header: 'Meaning', key: 'help', width: 100 },
  ];
  worksheet.getRow(1).font = { bold: true };
  worksheet.addRow({
    help: 'One row per brand, product, GTIN, guide point or indicator. A file is imported whole or not at all: every problem is reported with its sheet, line and column. Brands are matched by name and products by reference: importing the same file again changes nothing. Products not in the file are left as they are, and so are the GTINs, guide points or indicators of a sheet left empty. Images are not in the file: products keep theirs.',
  });
  const add = (sheet: string, column: ColumnSpec) =>
    worksheet.addRow({
      sheet,
      column: column.header,
      required: column.required ? 'yes' : '',
      help: column.help,
    });
  for (const key of SHEET_KEYS) {
    const spec = SHEETS[key];
    for (const column of spec.columns) add(SHEET_NAMES[key], column);
    for (const family of spec.localised) {
      add(SHEET_NAMES[key], {
        header: `${family.prefix}_<language>`,
        help: `${family.help.replace(/,? in this language\.$/, '')}, one column per language (${family.prefix}_en, ${family.prefix}_fr…).`,
      });
    }
  }
  add('CSV file', {
    ...CSV_GTINS_COLUMN,
    help: `The CSV file is the Products sheet alone, with one more column: ${CSV_GTINS_COLUMN.help}`,
  });
}

/** The XLSX workbook of a portfolio; of an empty one for the template. */
export async function portfolioWorkbook(portfolio: Portfolio): Promise<Buffer> {
  const languages = languagesOf(portfolio);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Assay';
  for (const key of SHEET_KEYS)
    addSheet(workbook, SHEET_NAMES[key], sheetHeaders(SHEETS[key], languages), rowsOf(portfolio, key));
  addReadme(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The CSV file of a portfolio: the Products sheet with GTINs in a `gtins` column. Guide points and
 * indicators are in the XLSX workbook only. UTF-8 with a byte-order mark, which spreadsheet
 * programs need to read accents right.
 */
export function portfolioCsv(portfolio: Portfolio): Buffer {
  const columns = sheetHeaders(SHEETS.products, languagesOf(portfolio), true).map((column) => column.header);
  const rows = portfolio.products.map((product) => {
    const row = productRow(product, true);
    return columns.map((column) => exported(row[column]) ?? '');
  });
  return Buffer.from(`\ufeff${stringify([columns, ...rows], { record_delimiter: '\r\n' })}`, 'utf8');
}
