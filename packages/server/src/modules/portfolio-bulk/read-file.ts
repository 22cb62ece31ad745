import type { PortfolioImportIssue } from '@assay/core';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors.js';
import {
  CSV_GTINS_COLUMN,
  normaliseName,
  README_SHEET,
  restoreCell,
  SHEET_KEYS,
  SHEET_NAMES,
  SHEETS,
  type SheetKey,
  sheetKeyOf,
} from './layout.js';

/** One data row: its spreadsheet line and its non-empty cells by normalised header. */
export interface RawRow {
  line: number;
  cells: Map<string, string>;
}

export interface RawSheet {
  key: SheetKey;
  /** As spelled in the file (reported back in issues). */
  name: string;
  /** Normalised headers in column order (unknown ones included). */
  headers: string[];
  rows: RawRow[];
  /** False when a required column is missing: its rows are not read further. */
  usable: boolean;
}

export interface RawFile {
  format: 'xlsx' | 'csv';
  sheets: Partial<Record<SheetKey, RawSheet>>;
  issues: PortfolioImportIssue[];
}

/** Enough for a large portfolio; a bigger file is refused before it is read. */
export const MAX_ROWS_PER_SHEET = 50_000;
const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const unreadable = (message: string) => new AppError(400, 'validation_failed', message);

/** Reads an uploaded portfolio: XLSX when it is a zip archive (starts with `PK`), else CSV text. */
export async function readPortfolioFile(bytes: Buffer): Promise<RawFile> {
  if (bytes.length === 0) throw unreadable('The file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readWorkbook(bytes);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw unreadable('This is an old Excel (.xls) workbook: save it as .xlsx first');
  if (bytes.subarray(0, 8192).includes(0)) throw unreadable('Not an XLSX workbook or a CSV file');
  return readCsv(bytes);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

const clean = (text: string) => restoreCell(text.trim());

/**
 * The uncompressed size a zip archive declares, from its central directory: a workbook that would
 * unpack to hundreds of megabytes (a "zip bomb") is refused before it is unpacked.
 */
function declaredUncompressedSize(bytes: Buffer): number | null {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > bytes.length) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
  return total;
}

async function readWorkbook(bytes: Buffer): Promise<RawFile> {
  const size = declaredUncompressedSize(bytes);
  if (size === null) throw unreadable('The workbook cannot be read: not a valid XLSX file');
  if (size > MAX_UNCOMPRESSED_BYTES) throw unreadable('The workbook is too large once unpacked');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('The workbook cannot be read: not a valid XLSX file');
  }
  const file: RawFile = { format: 'xlsx', sheets: {}, issues: [] };
  for (const worksheet of workbook.worksheets) {
    const key = sheetKeyOf(worksheet.name);
    if (key === 'readme' || worksheet.actualRowCount === 0) continue;
    if (!key) {
      file.issues.push({
        sheet: worksheet.name,
        line: 1,
        field: worksheet.name,
        message: `Unknown sheet: the sheets are ${SHEET_KEYS.map((k) => SHEET_NAMES[k]).join(', ')} (and ${README_SHEET}, which is ignored)`,
      });
      continue;
    }
    if (file.sheets[key]) {
      file.issues.push({
        sheet: worksheet.name,
        line: 1,
        field: worksheet.name,
        message: `A second ${SHEET_NAMES[key]} sheet`,
      });
      continue;
    }
    if (worksheet.rowCount > MAX_ROWS_PER_SHEET + 1) {
      file.issues.push({
        sheet: worksheet.name,
        line: MAX_ROWS_PER_SHEET + 2,
        field: worksheet.name,
        message: `A sheet holds at most ${MAX_ROWS_PER_SHEET} rows`,
      });
      continue;
    }
    const headerCells: string[] = [];
    worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
      headerCells[column - 1] = clean(cellText(cell.value));
    });
    const sheet = startSheet(
      file,
      key,
      worksheet.name,
      Array.from(headerCells, (text) => text ?? ''),
    );
    const headerless = new Set<number>();
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
      if (line === 1) return;
      const cells = new Map<string, string>();
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const text = clean(cellText(cell.value));
        if (text === '') return;
        const header = sheet.headers[column - 1];
        if (header) cells.set(header, text);
        else headerless.add(column);
      });
      if (cells.size) sheet.rows.push({ line, cells });
    });
    for (const column of headerless) {
      file.issues.push({
        sheet: worksheet.name,
        line: 1,
        field: `column ${worksheet.getColumn(column).letter}`,
        message: 'This column has values but no header',
      });
    }
  }
  return file;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(bytes: Buffer): RawFile {
  const text = bytes.toString('utf8');
  if (text.includes('\ufffd')) throw unreadable('A CSV file must be encoded in UTF-8');
  const file: RawFile = { format: 'csv', sheets: {}, issues: [] };
  const sheetName = SHEET_NAMES.products;
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\ufeff/, '')),
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    file.issues.push({ sheet: sheetName, line, field: sheetName, message: (error as Error).message });
    return file;
  }
  if (records.length > MAX_ROWS_PER_SHEET + 1) {
    file.issues.push({
      sheet: sheetName,
      line: MAX_ROWS_PER_SHEET + 2,
      field: sheetName,
      message: `A file holds at most ${MAX_ROWS_PER_SHEET} rows`,
    });
    return file;
  }
  const [header, ...rows] = records;
  if (!header) throw unreadable('The file is empty');
  const sheet = startSheet(file, 'products', sheetName, header.record.map(clean));
  let headerless = false;
  for (const { record, info, raw } of rows) {
    const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const cells = new Map<string, string>();
    record.forEach((value, column) => {
      const text = clean(value);
      if (text === '') return;
      const name = sheet.headers[column];
      if (name) cells.set(name, text);
      else headerless = true;
    });
    if (cells.size) sheet.rows.push({ line, cells });
  }
  if (headerless)
    file.issues.push({
      sheet: sheetName,
      line: 1,
      field: sheetName,
      message: 'Some rows have more values than the header has columns',
    });
  return file;
}

/** Checks a header row against the layout and registers the sheet. */
function startSheet(file: RawFile, key: SheetKey, name: string, headerTexts: string[]): RawSheet {
  const spec = SHEETS[key];
  const csv = file.format === 'csv';
  const fixed = new Set([...spec.columns, ...(csv ? [CSV_GTINS_COLUMN] : [])].map((column) => column.header));
  const families = spec.localised.map((family) => family.prefix);
  const localisedHeader = new RegExp(`^(${families.join('|') || '(?!)'})_([a-z]{2})$`);
  const sheet: RawSheet = { key, name, headers: [], rows: [], usable: true };
  const seen = new Set<string>();
  headerTexts.forEach((text) => {
    const header = normaliseName(text);
    sheet.headers.push(header);
    if (header === '') return;
    if (seen.has(header)) {
      file.issues.push({ sheet: name, line: 1, field: text, message: 'This column appears twice' });
      sheet.usable = false;
    }
    seen.add(header);
    if (!fixed.has(header) && !localisedHeader.test(header)) {
      const expected = [...fixed, ...families.map((prefix) => `${prefix}_<language>`)].join(', ');
      file.issues.push({
        sheet: name,
        line: 1,
        field: text,
        message: `Unknown column: the columns are ${expected}`,
      });
    }
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.header)) {
      file.issues.push({ sheet: name, line: 1, field: column.header, message: 'Missing column' });
      sheet.usable = false;
    }
  }
  const requiredFamilies = key === 'products' ? ['name'] : families;
  for (const prefix of requiredFamilies) {
    if (![...seen].some((header) => header.startsWith(`${prefix}_`) && localisedHeader.test(header))) {
      file.issues.push({
        sheet: name,
        line: 1,
        field: `${prefix}_en`,
        message: `Missing column: give ${prefix} in at least one language (${prefix}_en, ${prefix}_fr…)`,
      });
      sheet.usable = false;
    }
  }
  file.sheets[key] = sheet;
  return sheet;
}
