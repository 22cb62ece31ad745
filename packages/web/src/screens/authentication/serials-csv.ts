import { SERIAL_CSV_COLUMNS } from '@assay/core';

/** A downloadable example: the header the registry expects and two packs. */
export function serialCsvTemplate(): string {
  return `${[
    SERIAL_CSV_COLUMNS.join(','),
    '09506000134352,7K2P9QX4,B2311A,2028-06-30,FR BE LU,active',
    '09506000134352,7K2P9QX5,B2311A,2028-06,,recalled',
  ].join('\r\n')}\r\n`;
}

export interface ListedSerial {
  gtin: string;
  serial: string;
}

/**
 * Packs typed or pasted one per line as "GTIN serial", "GTIN,serial" or "GTIN;serial" (a column pair
 * copied from a spreadsheet arrives tab-separated). Blank lines are skipped; the schema checks the rest.
 */
export function parseListedSerials(text: string): ListedSerial[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [gtin = '', ...rest] = line.split(/[\s,;]+/);
      return { gtin, serial: rest.join(' ') };
    });
}
