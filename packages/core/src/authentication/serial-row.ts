import { isCountryCode } from '../geo/countries.js';
import { parseGtin } from '../portfolio/gtin.js';
import { PACK_STATES, type PackState } from './verdicts.js';

/** GS1 AI 21 and AI 10: up to 20 characters of GS1 character set 82. */
export const GS1_CSET82_PATTERN = /^[!"%-?A-Z_a-z]{1,20}$/;
/** `YYYY-MM-DD`, or `YYYY-MM` when only the month is printed. */
export const EXPIRY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

export const SERIAL_MESSAGES = {
  serial: 'Not a GS1 serial number (up to 20 characters of GS1 character set 82)',
  batch: 'Not a GS1 batch number (up to 20 characters of GS1 character set 82)',
  expiry: 'Give the expiry as YYYY-MM-DD or YYYY-MM',
  state: `Give one of ${PACK_STATES.join(', ')}`,
  market: 'Not an ISO 3166-1 alpha-2 country code',
} as const;

export interface SerialRow {
  gtin: string;
  serial: string;
  batch: string;
  expiry: string;
  intendedMarkets: string[];
  state: PackState;
}

const states = new Set<string>(PACK_STATES);

/**
 * One row of a serials file, checked as the JSON schema checks it but without building a schema
 * result per row: uploads run to tens of millions of rows. Cells are trimmed; markets are separated
 * by spaces, commas or semicolons; an empty state means active. One issue per faulty field.
 */
export function readSerialRow(cells: {
  gtin: string;
  serial: string;
  batch: string;
  expiry: string;
  markets: string;
  state: string;
}): { ok: true; row: SerialRow } | { ok: false; issues: { field: string; message: string }[] } {
  const issues: { field: string; message: string }[] = [];
  const gtin = parseGtin(cells.gtin.trim());
  if (!gtin.ok) issues.push({ field: 'gtin', message: gtin.message });
  const serial = cells.serial.trim();
  if (!GS1_CSET82_PATTERN.test(serial)) issues.push({ field: 'serial', message: SERIAL_MESSAGES.serial });
  const batch = cells.batch.trim();
  if (!GS1_CSET82_PATTERN.test(batch)) issues.push({ field: 'batch', message: SERIAL_MESSAGES.batch });
  const expiry = cells.expiry.trim();
  if (!EXPIRY_PATTERN.test(expiry)) issues.push({ field: 'expiry', message: SERIAL_MESSAGES.expiry });
  const markets =
    cells.markets.trim() === ''
      ? []
      : cells.markets
          .toUpperCase()
          .split(/[\s,;]+/)
          .filter(Boolean);
  if (!markets.every(isCountryCode))
    issues.push({ field: 'intended_markets', message: SERIAL_MESSAGES.market });
  const state = cells.state.trim().toLowerCase() || 'active';
  if (!states.has(state)) issues.push({ field: 'state', message: SERIAL_MESSAGES.state });
  if (issues.length > 0 || !gtin.ok) return { ok: false, issues };
  return {
    ok: true,
    row: {
      gtin: gtin.gtin14,
      serial,
      batch,
      expiry,
      intendedMarkets: [...new Set(markets)],
      state: state as PackState,
    },
  };
}
