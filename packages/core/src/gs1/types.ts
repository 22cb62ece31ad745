import type { Gs1Error } from './errors.js';

/** One GS1 element: an Application Identifier and its data. */
export interface Gs1Element {
  ai: string;
  /** GS1 data title, e.g. `GTIN`, `BATCH/LOT`, `USE BY OR EXPIRY`. */
  title: string;
  /** The data as encoded (a GTIN always has 14 digits). */
  value: string;
  /**
   * ISO 8601 form of a date AI: YYYY-MM-DD (DD 00 of a best-before, sell-by or expiry date gives the
   * last day of the month), YYYY-MM (DD 00 of a production, due or packaging date), or
   * YYYY-MM-DDTHH:MM[:SS] when a time follows the date (7003, 8008).
   */
  date?: string;
  /** Decimal value of a measure or amount with its implied decimal point, e.g. `12.50`. */
  decimal?: string;
}

/** How the code was written. */
export type Gs1Form = 'gtin' | 'bracketed' | 'element_string' | 'digital_link';

export type Gs1Result =
  | {
      ok: true;
      form: Gs1Form;
      elements: Gs1Element[];
      /** 14-digit form of AI 01, or of AI 02 when there is no 01. */
      gtin: string | null;
      /** AI 21. */
      serial: string | null;
      /** AI 10. */
      batch: string | null;
      /** ISO date of AI 17 (DD 00 read as the last day of the month). */
      expiry: string | null;
    }
  | { ok: false; error: Gs1Error };

export interface Gs1ParseOptions {
  /**
   * The year two-digit years are read against (GS1 century rule: within 49 years before to 50 years
   * after it). Defaults to the current year.
   */
  referenceYear?: number;
}
