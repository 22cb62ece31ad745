import { isCountryCode } from '../geo/countries.js';
import { gtinCheckDigit } from '../portfolio/gtin.js';
import type { Gs1AiDefinition, Gs1AiPart } from './ai-table.js';
import { type Gs1Error, gs1Error } from './errors.js';
import type { Gs1Element } from './types.js';

/** GS1 AI encodable character set 82. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/;
const DIGIT = /^[0-9]$/;

/** Where a character of the data stands in the input (1-based), from its index in the data. */
export type PositionOf = (index: number) => number;

export type ValueResult = { ok: true; element: Gs1Element } | { ok: false; error: Gs1Error };

/**
 * The year of a two-digit year by the GS1 century rule (General Specifications 7.12): the year
 * closest to the reference year, at most 49 years before it and 50 years after it.
 */
export function fullYear(yy: number, referenceYear: number): number {
  const century = referenceYear - (referenceYear % 100);
  const difference = yy - (referenceYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `000125` with 2 decimals is `1.25`: leading zeros dropped, trailing ones kept. */
function decimalValue(digits: string, decimals: number): string {
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, '');
  return decimals === 0 ? whole : `${whole}.${padded.slice(padded.length - decimals)}`;
}

/** Splits the data into its parts; the last part takes what is left (also beyond its maximum). */
function split(
  definition: Gs1AiDefinition,
  value: string,
): { part: Gs1AiPart; text: string; start: number }[] {
  const pieces: { part: Gs1AiPart; text: string; start: number }[] = [];
  let offset = 0;
  definition.parts.forEach((part, index) => {
    if (offset >= value.length && (part.optional || pieces.length > 0)) return;
    const last = index === definition.parts.length - 1;
    const text = last ? value.slice(offset) : value.slice(offset, offset + part.max);
    pieces.push({ part, text, start: offset });
    offset += text.length;
  });
  return pieces;
}

/**
 * Checks an AI's data against its definition — characters, length, check digit, date, filler,
 * piece of total — and gives the element with its ISO date or decimal value.
 */
export function readValue(
  definition: Gs1AiDefinition,
  value: string,
  positionOf: PositionOf,
  referenceYear: number,
): ValueResult {
  const { ai, title } = definition;
  const numeric = definition.parts.every((part) => part.charset === 'numeric');
  const unit = numeric ? 'digits' : 'characters';
  const pieces = split(definition, value);

  // Characters up to the longest the AI allows: beyond that, the data is too long whatever it holds.
  for (const { part, text, start } of pieces) {
    const allowed = part.charset === 'numeric' ? DIGIT : CSET82;
    const characters = [...text.slice(0, Math.max(0, definition.maxLength + 1 - start))];
    let index = start;
    for (const character of characters) {
      if (!allowed.test(character)) {
        const params = {
          ai,
          title,
          character,
          position: positionOf(index),
          allowed: part.charset === 'numeric' ? ('digits' as const) : ('cset82' as const),
        };
        return { ok: false, error: gs1Error('bad_characters', params) };
      }
      index += character.length;
    }
  }

  if (value.length > definition.maxLength) {
    const params = {
      ai,
      title,
      length: value.length,
      max: definition.maxLength,
      unit,
      position: positionOf(0),
    } as const;
    return { ok: false, error: gs1Error('too_long', params) };
  }
  // The first part too short, or a mandatory one missing, or an optional one cut short.
  let needed = 0;
  for (const [index, part] of definition.parts.entries()) {
    const piece = pieces[index];
    if (!piece && part.optional) break;
    needed += part.min;
    if (!piece || piece.text.length < part.min) {
      const rest = definition.parts.slice(index + 1).reduce((sum, p) => sum + (p.optional ? 0 : p.min), 0);
      const params = {
        ai,
        title,
        length: value.length,
        min: needed + rest,
        unit,
        position: positionOf(0),
      } as const;
      return { ok: false, error: gs1Error('too_short', params) };
    }
  }

  const element: Gs1Element = { ai, title, value };
  for (const { part, text, start } of pieces) {
    const problem = checkRule(
      definition,
      part,
      text,
      { value, position: positionOf(start) },
      element,
      referenceYear,
    );
    if (problem) return { ok: false, error: problem };
  }
  // A time given to the hour only (8008) reads as HH:00.
  if (element.date && /T\d\d$/.test(element.date)) element.date += ':00';
  if (definition.decimals !== undefined) {
    const amount = pieces[pieces.length - 1]!.text;
    element.decimal = decimalValue(amount, definition.decimals);
  }
  return { ok: true, element };
}

/** Applies a part's rule; date and time parts build `element.date` as they go. */
function checkRule(
  definition: Gs1AiDefinition,
  part: Gs1AiPart,
  text: string,
  /** The whole data, and where this part of it starts in the input. */
  { value, position }: { value: string; position: number },
  element: Gs1Element,
  referenceYear: number,
): Gs1Error | undefined {
  const ai = definition.ai;
  const title = definition.title;
  switch (part.rule) {
    case 'check_digit': {
      const expected = gtinCheckDigit(text.slice(0, -1));
      const actual = Number(text.slice(-1));
      return expected === actual
        ? undefined
        : gs1Error('bad_check_digit', { ai, title, position, expected, actual });
    }
    case 'date': {
      // A second date (harvest from … to …) makes an ISO interval.
      const from = element.date === undefined ? '' : `${element.date}/`;
      const year = fullYear(Number(text.slice(0, 2)), referenceYear);
      const month = Number(text.slice(2, 4));
      const day = Number(text.slice(4, 6));
      if (month < 1 || month > 12) {
        return gs1Error('bad_date', {
          ai,
          title,
          position,
          value,
          part: 'month',
          partValue: text.slice(2, 4),
        });
      }
      const yearMonth = `${year}-${text.slice(2, 4)}`;
      const days = daysInMonth(year, month);
      if (day === 0) {
        if (part.dayZero === 'end_of_month') element.date = `${from}${yearMonth}-${days}`;
        else if (part.dayZero === 'month_only') element.date = `${from}${yearMonth}`;
        else return gs1Error('bad_date', { ai, title, position, value, part: 'day', partValue: '00' });
        return undefined;
      }
      if (day > days) {
        const partValue = text.slice(4, 6);
        return gs1Error('bad_date', {
          ai,
          title,
          position,
          value,
          part: 'day',
          partValue,
          daysInMonth: days,
          month: yearMonth,
        });
      }
      element.date = `${from}${yearMonth}-${text.slice(4, 6)}`;
      return undefined;
    }
    case 'hour':
    case 'minute':
    case 'second': {
      const limit = part.rule === 'hour' ? 23 : 59;
      if (Number(text) > limit) {
        return gs1Error('bad_date', { ai, title, position, value, part: part.rule, partValue: text });
      }
      element.date = `${element.date}${part.rule === 'hour' ? 'T' : ':'}${text}`;
      return undefined;
    }
    case 'time': {
      const [hour, minute] = [text.slice(0, 2), text.slice(2, 4)];
      if (Number(hour) > 23) {
        return gs1Error('bad_date', { ai, title, position, value, part: 'hour', partValue: hour });
      }
      if (Number(minute) > 59) {
        return gs1Error('bad_date', { ai, title, position, value, part: 'minute', partValue: minute });
      }
      element.date = `${element.date}T${hour}:${minute}`;
      return undefined;
    }
    case 'country_alpha2':
      return isCountryCode(text)
        ? undefined
        : gs1Error('bad_country_code', { ai, title, position, code: text });
    case 'zero':
      return text === '0' ? undefined : gs1Error('bad_filler', { ai, title, position, actual: text });
    case 'piece_of_total': {
      const piece = text.slice(0, 2);
      const total = text.slice(2, 4);
      const valid = Number(piece) >= 1 && Number(piece) <= Number(total);
      return valid ? undefined : gs1Error('bad_piece_of_total', { ai, title, position, piece, total });
    }
    default:
      // Country and currency codes: three digits, already checked.
      return undefined;
  }
}
