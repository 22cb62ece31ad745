import { z } from 'zod';

/** The lengths a GTIN may have: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14. */
export const GTIN_LENGTHS = [8, 12, 13, 14] as const;
export type GtinLength = (typeof GTIN_LENGTHS)[number];

/** Why a GTIN was refused. */
export type GtinProblem = 'empty' | 'not_digits' | 'bad_length' | 'bad_check_digit';

/**
 * The outcome of reading a GTIN: the 14-digit form and how many digits were typed or scanned, or
 * why it is not a GTIN with a message to show as is.
 */
export type GtinResult =
  | { ok: true; gtin14: string; length: GtinLength }
  | { ok: false; reason: GtinProblem; message: string; expectedCheckDigit?: number };

const DIGITS = /^\d+$/;
/** Digits, optionally grouped by spaces or hyphens as people copy them from packaging. */
const GROUPED_DIGITS = /^\d+(?:[\s-]+\d+)*$/;

/**
 * The GS1 mod-10 check digit of the digits before it: from the right, weights 3, 1, 3, 1…; the
 * check digit brings the weighted sum up to the next multiple of ten.
 *
 * @param bodyWithoutCheckDigit the GTIN (or SSCC, GLN…) without its last digit, digits only
 * @throws RangeError when the body is empty or holds anything other than ASCII digits
 */
export function gtinCheckDigit(bodyWithoutCheckDigit: string): number {
  if (!DIGITS.test(bodyWithoutCheckDigit)) {
    throw new RangeError(`A check digit is computed over digits only, not "${bodyWithoutCheckDigit}"`);
  }
  let sum = 0;
  for (let i = 0; i < bodyWithoutCheckDigit.length; i++) {
    const digit = bodyWithoutCheckDigit.charCodeAt(bodyWithoutCheckDigit.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Reads a GTIN as scanned or typed by hand: trims it, accepts spaces and hyphens between digits,
 * checks the length (8, 12, 13 or 14) and the check digit, and gives the 14-digit form with leading
 * zeros — the form stored and compared everywhere.
 *
 * @example parseGtin('4006381333931') // { ok: true, gtin14: '04006381333931', length: 13 }
 * @example parseGtin('4006381333934') // { ok: false, reason: 'bad_check_digit', expectedCheckDigit: 1,
 *   message: 'Check digit should be 1, not 4' }
 */
export function parseGtin(input: string): GtinResult {
  const trimmed = input.trim();
  if (trimmed === '') {
    return { ok: false, reason: 'empty', message: 'Enter a GTIN' };
  }
  if (!GROUPED_DIGITS.test(trimmed)) {
    return {
      ok: false,
      reason: 'not_digits',
      message: 'A GTIN has digits only (spaces or hyphens between them are allowed)',
    };
  }
  const digits = trimmed.replace(/[\s-]/g, '');
  const length = digits.length;
  if (!(GTIN_LENGTHS as readonly number[]).includes(length)) {
    return {
      ok: false,
      reason: 'bad_length',
      message: `A GTIN has 8, 12, 13 or 14 digits, not ${length}`,
    };
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  const actual = Number(digits.slice(-1));
  if (expected !== actual) {
    return {
      ok: false,
      reason: 'bad_check_digit',
      message: `Check digit should be ${expected}, not ${actual}`,
      expectedCheckDigit: expected,
    };
  }
  return { ok: true, gtin14: digits.padStart(14, '0'), length: length as GtinLength };
}

/** Whether the input reads as a GTIN with a correct check digit (same rules as {@link parseGtin}). */
export function isValidGtin(input: string): boolean {
  return parseGtin(input).ok;
}

/**
 * Whether a normalised GTIN-14 carries a GS1 company prefix, i.e. claims to be that company's product.
 *
 * The prefix (4 to 12 digits) is compared with the GTIN-13 part — the GTIN-14 without its first
 * (indicator) digit — so it applies alike to a GTIN-13 (`0` + GTIN-13) and to the cases of the same
 * product (indicator 1–8). A U.P.C. company prefix is therefore given in its GS1 form with a leading
 * zero: `036000` is written `0036000`.
 *
 * @returns false also when `gtin14` is not 14 digits or the prefix is not 4 to 12 digits
 */
export function gtinMatchesPrefix(gtin14: string, companyPrefix: string): boolean {
  if (gtin14.length !== 14 || !DIGITS.test(gtin14)) return false;
  if (companyPrefix.length < 4 || companyPrefix.length > 12 || !DIGITS.test(companyPrefix)) return false;
  return gtin14.startsWith(companyPrefix, 1);
}

/**
 * A GTIN in a request body: a string read with {@link parseGtin}, giving the 14-digit form. When it
 * is not a GTIN, the issue carries the precise message and `params.reason` (and
 * `params.expectedCheckDigit` for a wrong check digit).
 */
export const gtinSchema = z.string().transform((value, ctx) => {
  const result = parseGtin(value);
  if (result.ok) return result.gtin14;
  ctx.addIssue({
    code: 'custom',
    message: result.message,
    params: {
      reason: result.reason,
      ...(result.expectedCheckDigit === undefined ? {} : { expectedCheckDigit: result.expectedCheckDigit }),
    },
  });
  return z.NEVER;
});
