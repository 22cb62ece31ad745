import { gtinCheckDigit } from '../portfolio/gtin.js';
import { gs1Ai, gs1AisConflict } from './ai-table.js';
import { parseBracketed } from './bracketed.js';
import { parseDigitalLink, webAddress } from './digital-link.js';
import { type ElementsResult, GROUP_SEPARATOR, parseElementString } from './element-string.js';
import { type Gs1Error, gs1Error } from './errors.js';
import type { Gs1Element, Gs1Form, Gs1ParseOptions, Gs1Result } from './types.js';

/** `]` + symbology letter + modifier, as scanners may prefix the data. */
const SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;
/** Symbology identifiers that announce GS1 element strings: GS1-128, DataBar, DataMatrix, QR, DotCode. */
const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);
/** Digits as printed under an EAN/UPC barcode or typed by hand, possibly grouped. */
const GROUPED_DIGITS = /^\d+(?:[ -]+\d+)*$/;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
/** ]E3 sends EAN-13 or EAN-8 and its 2- or 5-digit add-on (e.g. a price on a book): digits of the GTIN. */
const WITHOUT_ADD_ON: Readonly<Record<number, number>> = { 15: 13, 18: 13, 10: 8, 13: 8 };
/**
 * What the digit keys 1…9, 0 type on a French AZERTY keyboard, as a scanner set up for a US
 * keyboard sends them there. None of é, è, ç, à may appear in GS1 data, so the swap is safe.
 */
const AZERTY_DIGITS: Readonly<Record<string, string>> = {
  '&': '1',
  é: '2',
  '"': '3',
  "'": '4',
  '(': '5',
  '-': '6',
  è: '7',
  _: '8',
  ç: '9',
  à: '0',
};
const AZERTY_NUMBER = /^(?=.*[éèçà])[&é"'(\-è_çà]+$/;

/**
 * Reads what an officer scanned or typed: a plain GTIN (EAN/UPC), GS1 element strings as scanned
 * from GS1-128, DataBar or DataMatrix (group separators as ASCII 29, optionally after a symbology
 * identifier such as `]d2`), the bracketed human-readable form, or a GS1 Digital Link URI.
 * Never throws: anything else gives an error with a precise message.
 *
 * Digits alone, fewer than 16 of them, are read as a GTIN; a longer run of digits, or any digits
 * after a GS1 symbology identifier (`]C1`, `]e0`, `]d2`, `]Q3`, `]J1`), as an element string.
 * Tolerated on the way: spaces and line ends around the code, a leading FNC1, the add-on of an
 * EAN (`]E3`), digits typed by a US-layout scanner on a French AZERTY keyboard, and a link typed
 * without `https://`.
 *
 * @example parseGs1('(01)09506000134352(17)261231(10)ABC123').gtin // '09506000134352'
 */
export function parseGs1(input: string, options: Gs1ParseOptions = {}): Gs1Result {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  try {
    return readGs1(input, referenceYear);
  } catch {
    // readGs1 returns an error for any bad input (fuzzed in properties.test.ts); a scan must never
    // break the page even so.
    return { ok: false, error: gs1Error('not_gs1', {}) };
  }
}

/** {@link parseGs1} without its safety net, so that tests see any exception. */
export function readGs1(input: string, referenceYear: number): Gs1Result {
  let start = input.length - input.trimStart().length;
  let text = input.trim();
  if (text === '') return failure(gs1Error('empty', {}));

  const identifier = SYMBOLOGY_IDENTIFIER.exec(text)?.[0];
  if (identifier) {
    start += identifier.length;
    text = text.slice(identifier.length);
  }
  // An FNC1 in first position, as some scanners transmit it.
  while (text.startsWith(GROUP_SEPARATOR)) {
    start += 1;
    text = text.slice(1);
  }
  if (text === '') return failure(gs1Error('empty', {}));
  const gtinDigits = WITHOUT_ADD_ON[text.length];
  if (identifier === ']E3' && /^\d+$/.test(text) && gtinDigits) text = text.slice(0, gtinDigits);
  if (AZERTY_NUMBER.test(text.replaceAll(GROUP_SEPARATOR, ''))) {
    text = [...text].map((character) => AZERTY_DIGITS[character] ?? character).join('');
  }

  const web = webAddress(text);
  if (web) return finish('digital_link', parseDigitalLink(web.uri, start - web.added, referenceYear));
  if (text.startsWith('(')) return finish('bracketed', parseBracketed(text, start, referenceYear));
  const gs1Symbology = identifier !== undefined && GS1_SYMBOLOGIES.has(identifier);
  if (!gs1Symbology && GROUPED_DIGITS.test(text)) {
    const digits = text.replace(/[ -]/g, '');
    if (GTIN_LENGTHS.has(digits.length)) return plainGtin(digits, start + 1);
    // Fewer than 16 digits cannot be a GTIN with other data: an AI and a GTIN alone take 16.
    if (digits.length < 16 || digits !== text) {
      return failure(gs1Error('bad_gtin_length', { length: digits.length }));
    }
  }
  if (/^\d/.test(text)) return finish('element_string', parseElementString(text, start, referenceYear));
  return failure(gs1Error('not_gs1', {}));
}

function plainGtin(digits: string, position: number): Gs1Result {
  const definition = gs1Ai('01')!;
  const expected = gtinCheckDigit(digits.slice(0, -1));
  const actual = Number(digits.slice(-1));
  if (expected !== actual) {
    return failure(
      gs1Error('bad_check_digit', { ai: '01', title: definition.title, expected, actual, position }),
    );
  }
  return finish('gtin', {
    ok: true,
    elements: [{ ai: '01', title: definition.title, value: digits.padStart(14, '0') }],
    positions: [position],
  });
}

function failure(error: Gs1Error): Gs1Result {
  return { ok: false, error };
}

/**
 * Checks the elements together — an AI twice only with the same data (kept once), no mutually
 * exclusive AIs — and picks out the fields Assay uses.
 */
function finish(form: Gs1Form, result: ElementsResult): Gs1Result {
  if (!result.ok) return result;
  const elements: Gs1Element[] = [];
  for (const [index, element] of result.elements.entries()) {
    const { ai, title } = element;
    const position = result.positions[index]!;
    const same = elements.find((earlier) => earlier.ai === ai);
    if (same) {
      if (same.value === element.value) continue;
      return failure(
        gs1Error('duplicate_ai', { ai, title, position, first: same.value, second: element.value }),
      );
    }
    const other = elements.find((earlier) => gs1AisConflict(earlier.ai, ai));
    if (other) {
      const params = { ai, title, position, otherAi: other.ai, otherTitle: other.title };
      return failure(gs1Error('conflicting_ai', params));
    }
    elements.push(element);
  }
  const find = (ai: string) => elements.find((element) => element.ai === ai);
  return {
    ok: true,
    form,
    elements,
    gtin: (find('01') ?? find('02'))?.value ?? null,
    serial: find('21')?.value ?? null,
    batch: find('10')?.value ?? null,
    expiry: find('17')?.date ?? null,
  };
}
