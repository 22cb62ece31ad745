import { z } from 'zod';

/** The outcome of reading an HS code: its digits, or a message to show as is. */
export type HsCodeResult = { ok: true; code: string } | { ok: false; message: string };

/** Shortest (the international HS subheading) and longest (e.g. EU TARIC, US HTS) code accepted. */
export const HS_CODE_MIN_DIGITS = 6;
export const HS_CODE_MAX_DIGITS = 10;

/**
 * Reads a Harmonized System code as written on declarations and in tariffs — `6403.99`,
 * `6403 99 90`, `640399` — and gives its digits only. It must have 6 to 10 digits (the 6-digit HS
 * subheading, possibly extended by a national tariff); the chapter (first two digits) must be 01 to
 * 97 and not 77, which the HS keeps in reserve; the heading (next two digits) is never 00.
 */
export function parseHsCode(input: string): HsCodeResult {
  const code = input.trim().replace(/[.\s]/g, '');
  if (code === '') return { ok: false, message: 'Enter an HS code' };
  if (!/^\d+$/.test(code)) {
    return { ok: false, message: 'An HS code has digits only (dots or spaces between them are allowed)' };
  }
  if (code.length < HS_CODE_MIN_DIGITS || code.length > HS_CODE_MAX_DIGITS) {
    return {
      ok: false,
      message: `An HS code has ${HS_CODE_MIN_DIGITS} to ${HS_CODE_MAX_DIGITS} digits, not ${code.length}`,
    };
  }
  const chapter = Number(code.slice(0, 2));
  if (chapter < 1 || chapter > 97) {
    return { ok: false, message: `There is no HS chapter ${code.slice(0, 2)}: chapters run from 01 to 97` };
  }
  if (chapter === 77) {
    return { ok: false, message: 'HS chapter 77 is reserved and holds no goods' };
  }
  if (code.slice(2, 4) === '00') {
    return {
      ok: false,
      message: `There is no HS heading ${code.slice(0, 4)}: headings in a chapter start at ${code.slice(0, 2)}01`,
    };
  }
  return { ok: true, code };
}

/** Whether the input reads as an HS code (same rules as {@link parseHsCode}). */
export function isValidHsCode(input: string): boolean {
  return parseHsCode(input).ok;
}

/** An HS code in a request body: read with {@link parseHsCode}, giving its digits only. */
export const hsCodeSchema = z.string().transform((value, ctx) => {
  const result = parseHsCode(value);
  if (result.ok) return result.code;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

const digitsOf = (code: string) => code.replace(/[.\s]/g, '');

/** The HS chapter (first two digits) of a code, e.g. `64` (footwear) for `6403.99`. */
export function hsChapter(code: string): string {
  return digitsOf(code).slice(0, 2);
}

/** The HS heading (first four digits) of a code, e.g. `6403` for `6403 99 90`. */
export function hsHeading(code: string): string {
  return digitsOf(code).slice(0, 4);
}
