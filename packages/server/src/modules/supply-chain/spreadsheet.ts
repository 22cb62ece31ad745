import {
  SUPPLY_CHAIN_ROLES,
  type SupplyChainEntryBody,
  type SupplyChainImportIssue,
  type SupplyRouteBody,
  supplyChainEntryBody,
  supplyRouteBody,
  TRANSPORT_MODES,
} from '@assay/core';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError, invalid } from '../../http/errors.js';

/*
 * Supply-chain spreadsheets: the downloadable template, and reading an uploaded CSV or XLSX file
 * into checked rows. A workbook holds a sheet of entries and a sheet of routes; a CSV file holds
 * one of them, told apart by its header. Products are named by the rights holder's own reference.
 */

export type SheetKind = 'entries' | 'routes';

export const SHEET_NAMES: Record<SheetKind, string> = { entries: 'Entries', routes: 'Routes' };

const COLUMNS = {
  entries: ['product_reference', 'role', 'name', 'country', 'eori', 'tax_number', 'address'],
  routes: [
    'product_reference',
    'origin_country',
    'transit_countries',
    'destination_country',
    'ports',
    'carriers',
    'transport_mode',
  ],
} as const satisfies Record<SheetKind, readonly string[]>;

const REQUIRED: Record<SheetKind, readonly string[]> = {
  entries: ['role', 'name', 'country'],
  routes: ['origin_country', 'destination_country'],
};

/** Other headers people write for the same column. */
const HEADER_ALIASES: Record<string, string> = {
  product: 'product_reference',
  reference: 'product_reference',
  country_code: 'country',
  tax: 'tax_number',
  vat_number: 'tax_number',
  origin: 'origin_country',
  transit: 'transit_countries',
  destination: 'destination_country',
  mode: 'transport_mode',
};

const COLUMN_HELP: Record<string, string> = {
  product_reference: 'Your product reference; leave empty for every product of the portfolio',
  role: SUPPLY_CHAIN_ROLES.join(', '),
  name: 'Company name',
  country: 'ISO 3166-1 alpha-2 code, e.g. DE',
  eori: 'EORI number, e.g. DE123456789012345 (optional)',
  tax_number: 'Tax or VAT number (optional)',
  address: 'Postal address (optional)',
  origin_country: 'ISO country code the goods leave from',
  transit_countries: 'ISO country codes, separated by ";" (optional)',
  destination_country: 'ISO country code the goods go to',
  ports: 'UN/LOCODEs of ports, airports or border crossings, separated by ";", e.g. CNSHA;NLRTM (optional)',
  carriers: 'Carrier names, separated by ";" (optional)',
  transport_mode: `${TRANSPORT_MODES.join(', ')} (optional)`,
};

/** At most this many data rows in one file, and this many issues reported. */
export const IMPORT_ROWS_MAX = 10_000;
export const IMPORT_ISSUES_MAX = 1000;

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The empty template: a workbook with both sheets and an instructions sheet, or one CSV header. */
export async function supplyChainTemplate(
  format: 'csv' | 'xlsx',
  sheet: SheetKind,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  if (format === 'csv') {
    return {
      body: Buffer.from(`\uFEFF${COLUMNS[sheet].join(',')}\r\n`, 'utf8'),
      contentType: MIME.csv,
      filename: `supply-chain-${sheet}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Assay';
  for (const kind of ['entries', 'routes'] as const) {
    const worksheet = workbook.addWorksheet(SHEET_NAMES[kind]);
    worksheet.columns = COLUMNS[kind].map((column) => ({ header: column, key: column, width: 24 }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
    const listColumn = kind === 'entries' ? 'role' : 'transport_mode';
    const values = kind === 'entries' ? SUPPLY_CHAIN_ROLES : TRANSPORT_MODES;
    const letter = String.fromCharCode(65 + COLUMNS[kind].indexOf(listColumn as never));
    (
      worksheet as unknown as {
        dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void };
      }
    ).dataValidations.add(`${letter}2:${letter}${IMPORT_ROWS_MAX + 1}`, {
      type: 'list',
      allowBlank: kind === 'routes',
      formulae: [`"${values.join(',')}"`],
    });
  }
  const help = workbook.addWorksheet('Instructions');
  help.columns = [
    { header: 'sheet', width: 12 },
    { header: 'column', width: 22 },
    { header: 'what to write', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const kind of ['entries', 'routes'] as const) {
    for (const column of COLUMNS[kind]) {
      help.addRow([
        SHEET_NAMES[kind],
        column,
        `${REQUIRED[kind].includes(column) ? 'Required. ' : ''}${COLUMN_HELP[column]}`,
      ]);
    }
  }
  help.addRow([]);
  help.addRow([
    '',
    '',
    'A file is imported whole or not at all: any bad row is reported and nothing is written.',
  ]);
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: MIME.xlsx,
    filename: 'supply-chain.xlsx',
  };
}

interface RawRow {
  line: number;
  cells: string[];
}
interface RawSheet {
  /** The worksheet's name; absent for a CSV file. */
  name?: string;
  header: RawRow;
  rows: RawRow[];
}

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
const isOle = (buffer: Buffer) => buffer.length > 8 && buffer.readUInt32BE(0) === 0xd0cf11e0;

/** Read an uploaded file, told apart by its content: a workbook (XLSX) or UTF-8 text (CSV). */
export async function readSpreadsheet(
  buffer: Buffer,
): Promise<{ format: 'csv' | 'xlsx'; sheets: RawSheet[] }> {
  if (buffer.length === 0) throw invalid('file', 'The file is empty');
  if (isOle(buffer)) throw invalid('file', 'An old Excel (.xls) workbook: save it as .xlsx or CSV');
  if (isZip(buffer)) return { format: 'xlsx', sheets: await readWorkbook(buffer) };
  if (buffer.includes(0)) throw invalid('file', 'Neither a CSV file nor an XLSX workbook');
  return { format: 'csv', sheets: readCsv(buffer.toString('utf8')) };
}

async function readWorkbook(buffer: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('file', 'The workbook cannot be read: save it again as .xlsx');
  }
  const sheets: RawSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column)));
      if (cells.some((cell) => cell !== '')) rows.push({ line, cells });
    });
    const [header, ...data] = rows;
    if (header) sheets.push({ name: worksheet.name, header, rows: data });
  }
  return sheets;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A formula error such as #N/A holds no value: the cell reads as empty.
  if (typeof value === 'object' && 'error' in value) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

function readCsv(text: string): RawSheet[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets set to a comma decimal separator write `;` between fields.
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new AppError(400, 'validation_failed', 'The CSV file cannot be read', [
        { line, field: 'file', message: error.message.replace(/^[A-Za-z_]+:\s*/, '') },
      ]);
    }
    throw error;
  }
  // A quoted cell may span lines: report the line a record starts on.
  const rows = records
    .map(({ record, info }) => ({
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = rows;
  return header ? [{ header, rows: data }] : [];
}

const normaliseHeader = (cell: string) => {
  const key = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[key] ?? key;
};

/** Which kind of sheet this is: by the worksheet's name, else by its header. */
function kindOf(sheet: RawSheet): SheetKind | null {
  const name = sheet.name?.trim().toLowerCase();
  if (name === 'entries' || name === 'supply chain') return 'entries';
  if (name === 'routes') return 'routes';
  const header = sheet.header.cells.map(normaliseHeader);
  if (header.includes('role')) return 'entries';
  if (header.includes('origin_country')) return 'routes';
  return null;
}

/** Field of a body → column of the sheet, for reporting. */
const FIELD_COLUMNS: Record<string, string> = {
  productId: 'product_reference',
  countryCode: 'country',
  taxNumber: 'tax_number',
  originCountry: 'origin_country',
  transitCountries: 'transit_countries',
  destinationCountry: 'destination_country',
  transportMode: 'transport_mode',
};

const splitList = (value: string | undefined, separator: RegExp) =>
  value
    ? value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean)
    : [];

export interface CheckedUpload {
  format: 'csv' | 'xlsx';
  /** Sheet kinds the file holds (a replacing import clears only these). */
  kinds: SheetKind[];
  entries: SupplyChainEntryBody[];
  routes: SupplyRouteBody[];
  issues: SupplyChainImportIssue[];
}

/**
 * Check every row of every sheet against the same rules as the API, naming products by reference;
 * collect every issue rather than stopping at the first.
 */
export function checkSpreadsheet(
  upload: { format: 'csv' | 'xlsx'; sheets: RawSheet[] },
  productIds: ReadonlyMap<string, string>,
): CheckedUpload {
  const result: CheckedUpload = { format: upload.format, kinds: [], entries: [], routes: [], issues: [] };
  const report = (sheet: RawSheet, issue: Omit<SupplyChainImportIssue, 'sheet'>) => {
    if (result.issues.length < IMPORT_ISSUES_MAX)
      result.issues.push(sheet.name === undefined ? issue : { sheet: sheet.name, ...issue });
  };
  let total = 0;
  for (const sheet of upload.sheets) {
    const kind = kindOf(sheet);
    if (!kind) {
      if (upload.format === 'csv')
        report(sheet, {
          line: sheet.header.line,
          field: 'header',
          message: `Not a supply-chain sheet: entries need the columns ${REQUIRED.entries.join(', ')}; routes ${REQUIRED.routes.join(', ')}`,
        });
      continue;
    }
    if (result.kinds.includes(kind)) {
      report(sheet, { line: sheet.header.line, field: 'header', message: `A second sheet of ${kind}` });
      continue;
    }
    result.kinds.push(kind);
    const header = sheet.header.cells.map(normaliseHeader);
    const missing = REQUIRED[kind].filter((column) => !header.includes(column));
    for (const column of missing)
      report(sheet, { line: sheet.header.line, field: column, message: 'This column is missing' });
    const repeated = header.filter((column, index) => column !== '' && header.indexOf(column) !== index);
    for (const column of new Set(repeated))
      report(sheet, { line: sheet.header.line, field: column, message: 'This column appears twice' });
    if (missing.length || repeated.length) continue;

    total += sheet.rows.length;
    if (total > IMPORT_ROWS_MAX) {
      report(sheet, {
        line: sheet.rows[0]?.line ?? sheet.header.line,
        field: 'file',
        message: `At most ${IMPORT_ROWS_MAX} rows in one file`,
      });
      break;
    }
    for (const row of sheet.rows) {
      const cell = (column: string) => {
        const index = header.indexOf(column);
        const value = index >= 0 ? row.cells[index]?.trim() : undefined;
        return value ? value : undefined;
      };
      const reference = cell('product_reference');
      const productId = reference ? productIds.get(reference) : undefined;
      if (reference && !productId)
        report(sheet, {
          line: row.line,
          field: 'product_reference',
          message: `No product with the reference ${reference} in this portfolio`,
        });
      const input =
        kind === 'entries'
          ? {
              role: cell('role')?.toLowerCase(),
              name: cell('name'),
              countryCode: cell('country'),
              eori: cell('eori'),
              taxNumber: cell('tax_number'),
              address: cell('address'),
              productId: productId ?? null,
            }
          : {
              originCountry: cell('origin_country'),
              transitCountries: splitList(cell('transit_countries'), /[;,\s]+/),
              destinationCountry: cell('destination_country'),
              ports: splitList(cell('ports'), /[;,]+/),
              carriers: splitList(cell('carriers'), /;+/),
              transportMode: cell('transport_mode'),
              productId: productId ?? null,
            };
      const parsed = (kind === 'entries' ? supplyChainEntryBody : supplyRouteBody).safeParse(input);
      if (parsed.success) {
        if (kind === 'entries') result.entries.push(parsed.data as SupplyChainEntryBody);
        else result.routes.push(parsed.data as SupplyRouteBody);
        continue;
      }
      for (const issue of parsed.error.issues) report(sheet, rowIssue(row.line, input, issue));
    }
  }
  if (!result.issues.length && result.entries.length + result.routes.length === 0)
    result.issues.push({ line: 1, field: 'file', message: 'The file holds no supply-chain rows' });
  return result;
}

function rowIssue(line: number, input: Record<string, unknown>, issue: z.core.$ZodIssue) {
  const [field, index] = issue.path as [string | undefined, number | undefined];
  const column = field ? (FIELD_COLUMNS[field] ?? field) : 'row';
  const value = input[field ?? ''];
  const message = issue.code === 'invalid_type' && value === undefined ? 'Required' : issue.message;
  return {
    line,
    field: column,
    message: typeof index === 'number' && Array.isArray(value) ? `${message}: ${value[index]}` : message,
  };
}
