import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../geo/countries.js';
import { gtinCheckDigit } from '../portfolio/gtin.js';
import { GS1_AIS, type Gs1AiDefinition, type Gs1AiPart, gs1AisConflict } from './ai-table.js';
import { formatBracketed } from './bracketed.js';
import { toDigitalLink } from './digital-link.js';
import { formatElementString } from './element-string.js';
import { GS1_ERROR_CODES } from './errors.js';
import { parseGs1, readGs1 } from './parse.js';
import type { Gs1Element, Gs1Result } from './types.js';
import { fullYear } from './values.js';

const REFERENCE_YEAR = 2026;
const parse = (input: string) => parseGs1(input, { referenceYear: REFERENCE_YEAR });
const DIGITS = '0123456789';
const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

const twoDigits = (min: number, max: number) =>
  fc.integer({ min, max }).map((value) => String(value).padStart(2, '0'));

const text = (characters: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...characters), minLength, maxLength });

/** Valid data for one part of an AI's format. */
function partValue(part: Gs1AiPart): fc.Arbitrary<string> {
  switch (part.rule) {
    case 'check_digit':
      return text(DIGITS, part.min - 1, part.min - 1).map((body) => `${body}${gtinCheckDigit(body)}`);
    case 'date':
      return fc
        .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }))
        .chain(([yy, month]) => {
          const days = new Date(Date.UTC(fullYear(yy, REFERENCE_YEAR), month, 0)).getUTCDate();
          const prefix = `${String(yy).padStart(2, '0')}${String(month).padStart(2, '0')}`;
          return twoDigits(part.dayZero === 'not_allowed' ? 1 : 0, days).map((day) => `${prefix}${day}`);
        });
    case 'hour':
      return twoDigits(0, 23);
    case 'minute':
    case 'second':
      return twoDigits(0, 59);
    case 'time':
      return fc.tuple(twoDigits(0, 23), twoDigits(0, 59)).map(([hour, minute]) => `${hour}${minute}`);
    case 'country_alpha2':
      return fc.constantFrom(...COUNTRY_CODES);
    case 'zero':
      return fc.constant('0');
    case 'piece_of_total':
      return fc
        .integer({ min: 1, max: 99 })
        .chain((total) => twoDigits(1, total).map((piece) => `${piece}${String(total).padStart(2, '0')}`));
    default:
      return text(part.charset === 'numeric' ? DIGITS : CSET82, part.min, part.max);
  }
}

/** Valid data for an AI: its mandatory parts, then some of its optional parts in order. */
function valueFor(definition: Gs1AiDefinition): fc.Arbitrary<string> {
  const optionalCount = definition.parts.filter((part) => part.optional).length;
  return fc.integer({ min: 0, max: optionalCount }).chain((included) => {
    const parts = definition.parts.slice(0, definition.parts.length - optionalCount + included);
    return fc.tuple(...parts.map(partValue)).map((values) => values.join(''));
  });
}

const element = fc
  .constantFrom(...GS1_AIS)
  .chain((definition) => valueFor(definition).map((value) => ({ ai: definition.ai, value })));

const compatible = (elements: { ai: string }[]) =>
  elements.every((a, i) => elements.every((b, j) => i === j || !gs1AisConflict(a.ai, b.ai)));

/** Distinct, compatible AIs with valid data, in any order. */
const elementList = fc
  .uniqueArray(element, { selector: ({ ai }) => ai, minLength: 1, maxLength: 8 })
  .filter(compatible);

const keys = GS1_AIS.filter((definition) => definition.digitalLinkKey);
/** A list holding a Digital Link primary key. */
const linkableList = fc
  .tuple(
    fc
      .constantFrom(...keys)
      .chain((definition) => valueFor(definition).map((value) => ({ ai: definition.ai, value }))),
    fc.uniqueArray(element, { selector: ({ ai }) => ai, maxLength: 6 }),
  )
  .map(([key, others]) => [key, ...others.filter(({ ai }) => ai !== key.ai)])
  .filter(compatible);

function elementsOf(result: Gs1Result): Gs1Element[] {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.elements;
}

const byAi = (elements: Gs1Element[]) => [...elements].sort((a, b) => a.ai.localeCompare(b.ai));

// Hundreds of runs each: allow for a busy machine.
const slow = { timeout: 60_000 };

describe('round trips of generated valid element lists', slow, () => {
  it('formatBracketed → parseGs1 gives the same elements', () => {
    fc.assert(
      fc.property(elementList, (list) => {
        const elements = elementsOf(parse(formatBracketed(list)));
        expect(elements.map(({ ai, value }) => ({ ai, value }))).toEqual(list);
      }),
      { numRuns: 500 },
    );
  });

  it('formatElementString → parseGs1 gives the same elements, also behind a symbology identifier', () => {
    fc.assert(
      fc.property(elementList, fc.constantFrom('', ']d2', ']C1', ']Q3'), (list, identifier) => {
        const expected = elementsOf(parse(formatBracketed(list)));
        const raw = formatElementString(expected);
        // Up to 15 digits alone read as a GTIN typed or scanned from EAN/UPC unless a GS1 symbology says otherwise.
        const prefix = identifier === '' && /^\d{1,15}$/.test(raw) ? ']C1' : identifier;
        expect(elementsOf(parse(`${prefix}${raw}`))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('toDigitalLink → parseGs1 gives the same elements, key and qualifiers first', () => {
    fc.assert(
      fc.property(
        linkableList,
        fc.constantFrom('https://id.gs1.org', 'https://brand.example/dl/'),
        (list, base) => {
          const expected = elementsOf(parse(formatBracketed(list)));
          const link = toDigitalLink(expected, base);
          expect(link).not.toBeNull();
          expect(byAi(elementsOf(parse(link!)))).toEqual(byAi(expected));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads any valid GTIN-8, -12, -13 or -14 as its 14-digit form', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), (bodyLength, seed) => {
        const body = String(seed).padStart(bodyLength, '7').slice(0, bodyLength);
        const gtin = `${body}${gtinCheckDigit(body)}`;
        expect(parse(gtin)).toMatchObject({ ok: true, form: 'gtin', gtin: gtin.padStart(14, '0') });
      }),
    );
  });
});

/** A result that is either a reading or one of the documented errors with a message and plain params. */
function expectWellFormed(result: Gs1Result) {
  if (result.ok) {
    expect(result.elements.length).toBeGreaterThan(0);
    return;
  }
  expect(GS1_ERROR_CODES).toContain(result.error.code);
  expect(result.error.message.length).toBeGreaterThan(0);
  for (const value of Object.values(result.error.params))
    expect(['string', 'number']).toContain(typeof value);
}

/** Edits that scanners and people make: drop, double, swap or replace a character, cut the end. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    character: fc.oneof(
      fc.constantFrom('\x1d', '(', ')', '\\', '%', '/', '?', '=', '&', ' ', '0', '9', ']', 'é', '\u{1F600}'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Edit = { kind: 'delete' | 'duplicate' | 'insert' | 'truncate'; at: number; character?: string };

function mutate(code: string, edits: Edit[]): string {
  let result = code;
  for (const edit of edits) {
    const at = result.length === 0 ? 0 : edit.at % (result.length + 1);
    if (edit.kind === 'delete') result = result.slice(0, at) + result.slice(at + 1);
    else if (edit.kind === 'duplicate')
      result = result.slice(0, at) + result.slice(at, at + 1) + result.slice(at);
    else if (edit.kind === 'insert') result = result.slice(0, at) + edit.character + result.slice(at);
    else result = result.slice(0, at);
  }
  return result;
}

/** Strings over the characters that steer the parser, to reach deep into each form. */
const gs1ishString = fc.string({
  unit: fc.constantFrom(...'0123456789()\\\x1d%/?=&:.#ABCdhtps] é'),
  maxLength: 60,
});

describe('any input', slow, () => {
  it('never throws on arbitrary strings and gives a reading or a documented error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), gs1ishString), (input) => {
        expectWellFormed(readGs1(input, REFERENCE_YEAR));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated valid codes in every form', () => {
    const formatted = fc
      .tuple(linkableList, fc.constantFrom('bracketed', 'element', 'link', 'identifier'))
      .map(([list, form]) => {
        if (form === 'bracketed') return formatBracketed(list);
        if (form === 'element') return formatElementString(list);
        if (form === 'identifier') return `]d2${formatElementString(list)}`;
        return toDigitalLink(list) ?? '';
      });
    fc.assert(
      fc.property(formatted, fc.array(mutation, { minLength: 1, maxLength: 4 }), (code, edits) => {
        expectWellFormed(readGs1(mutate(code, edits), REFERENCE_YEAR));
      }),
      { numRuns: 1000 },
    );
  });
});
