/**
 * Why a scanned or typed code could not be read as GS1 data. Every code comes with an English
 * message and the values in it (`params`), so the web app can translate it as `gs1.errors.<code>`.
 *
 * `position` is always the 1-based character number in the input as given (a symbology identifier
 * and leading spaces count). `unit` is `digits` for numeric AIs and `characters` otherwise.
 */
export const GS1_ERROR_CODES = [
  /** Nothing but spaces. No params. */
  'empty',
  /** Not a GTIN, bracketed GS1 data, a GS1 element string or a web address. No params. */
  'not_gs1',
  /** Digits only, but not a GTIN's length. `{ length }` */
  'bad_gtin_length',
  /** An element string where an AI should start holds something other than digits. `{ position, found }` */
  'expected_ai',
  /** An AI Assay does not know (or an unassigned one). `{ ai, position }` */
  'unknown_ai',
  /** Data shorter than the AI's format. `{ ai, title, length, min, unit, position }` (`length` 0: no data) */
  'too_short',
  /** Data longer than the AI's format. `{ ai, title, length, max, unit, position }` */
  'too_long',
  /**
   * A character the AI does not allow. `{ ai, title, character, position, allowed }`, `allowed` being
   * `digits` or `cset82` (letters, digits and !"%&'()*+,-./:;<=>?_)
   */
  'bad_characters',
  /** Wrong GS1 mod-10 check digit. `{ ai, title, expected, actual, position }` (position: the data's) */
  'bad_check_digit',
  /**
   * Not a date or time. `{ ai, title, value, position, part, partValue }`, `part` being `month`, `day`, `hour`,
   * `minute` or `second`; for a day also `daysInMonth` and `month` (YYYY-MM)
   */
  'bad_date',
  /** Not an assigned ISO 3166-1 alpha-2 country code (4307, 4317). `{ ai, title, code, position }` */
  'bad_country_code',
  /** The filler digit at the start of a GRAI (8003) is not 0. `{ ai, title, actual, position }` */
  'bad_filler',
  /** ITIP piece NN of TT pieces with NN = 0 or NN > TT. `{ ai, title, piece, total, position }` */
  'bad_piece_of_total',
  /**
   * A variable-length AI runs into the next element: its FNC1 / group separator is missing.
   * `{ ai, title, position, nextAi, nextTitle }` (`position`: where the next element starts)
   */
  'missing_separator',
  /** The same AI again with different data. `{ ai, title, position, first, second }` (position: the second) */
  'duplicate_ai',
  /**
   * Two AIs that must not appear together (e.g. 01 and 02). `{ ai, title, position, otherAi, otherTitle }`:
   * `ai` is the later one, at `position`
   */
  'conflicting_ai',
  /** Bracketed data not made of (AI)data groups. `{ position }` */
  'bad_brackets',
  /** A web address without a GS1 Digital Link key (such as /01/ and a GTIN) in its path. No params. */
  'bad_digital_link',
  /** A `%` not followed by two hexadecimal digits of UTF-8. `{ position, text }` */
  'bad_percent_encoding',
  /**
   * An AI in a Digital Link path that is not a key qualifier of its primary key.
   * `{ ai, title, keyAi, keyTitle, position }`
   */
  'bad_qualifier',
  /** Digital Link key qualifiers out of order. `{ ai, title, previousAi, previousTitle, position }` */
  'qualifier_order',
] as const;

export type Gs1ErrorCode = (typeof GS1_ERROR_CODES)[number];

export interface Gs1Error {
  code: Gs1ErrorCode;
  /** Precise English message naming the AI and, where useful, the position. */
  message: string;
  ai?: string;
  /** 1-based character number in the input as given. */
  position?: number;
  params: Record<string, string | number>;
}

type Unit = 'digits' | 'characters';
type AiParams = { ai: string; title: string };

/** The params of each code, as documented in {@link GS1_ERROR_CODES}. */
export interface Gs1ErrorParams {
  empty: Record<string, never>;
  not_gs1: Record<string, never>;
  bad_gtin_length: { length: number };
  expected_ai: { position: number; found: string };
  unknown_ai: { ai: string; position: number };
  too_short: AiParams & { length: number; min: number; unit: Unit; position: number };
  too_long: AiParams & { length: number; max: number; unit: Unit; position: number };
  bad_characters: AiParams & { character: string; position: number; allowed: 'digits' | 'cset82' };
  bad_check_digit: AiParams & { expected: number; actual: number; position: number };
  bad_date: AiParams & {
    value: string;
    position: number;
    part: 'month' | 'day' | 'hour' | 'minute' | 'second';
    partValue: string;
    daysInMonth?: number;
    month?: string;
  };
  bad_country_code: AiParams & { code: string; position: number };
  bad_filler: AiParams & { actual: string; position: number };
  bad_piece_of_total: AiParams & { piece: string; total: string; position: number };
  missing_separator: AiParams & { position: number; nextAi: string; nextTitle: string };
  duplicate_ai: AiParams & { position: number; first: string; second: string };
  conflicting_ai: AiParams & { position: number; otherAi: string; otherTitle: string };
  bad_brackets: { position: number };
  bad_digital_link: Record<string, never>;
  bad_percent_encoding: { position: number; text: string };
  bad_qualifier: AiParams & { keyAi: string; keyTitle: string; position: number };
  qualifier_order: AiParams & { previousAi: string; previousTitle: string; position: number };
}

/** A character as shown in a message: quoted, or its code point when it cannot be seen. */
function shown(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || codePoint === 0x7f || /\s/u.test(character)) {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${character}"`;
}

const ALLOWED = { digits: 'digits only', cset82: `letters, digits and !"%&'()*+,-./:;<=>?_ only` };

const MESSAGES: { [C in Gs1ErrorCode]: (p: Gs1ErrorParams[C]) => string } = {
  empty: () => 'Scan or type a code',
  not_gs1: () =>
    'This is not a GTIN, GS1 data such as (01)09506000134352(10)ABC123, nor a GS1 Digital Link web address',
  bad_gtin_length: (p) => `A GTIN has 8, 12, 13 or 14 digits, not ${p.length}`,
  expected_ai: (p) =>
    `Expected a GS1 application identifier (digits) at character ${p.position}, found ${shown(p.found)}`,
  unknown_ai: (p) => `Unknown GS1 application identifier (${p.ai}) at character ${p.position}`,
  too_short: (p) =>
    p.length === 0
      ? `AI (${p.ai}) ${p.title} has no data`
      : `AI (${p.ai}) ${p.title}: ${p.length} ${p.unit} where ${p.min} are needed`,
  too_long: (p) => `AI (${p.ai}) ${p.title}: ${p.length} ${p.unit}, more than the ${p.max} allowed`,
  bad_characters: (p) =>
    `AI (${p.ai}) ${p.title}: ${shown(p.character)} at character ${p.position} is not allowed (${ALLOWED[p.allowed]})`,
  bad_check_digit: (p) => `AI (${p.ai}) ${p.title}: check digit should be ${p.expected}, not ${p.actual}`,
  bad_date: (p) => {
    const detail =
      p.part === 'day' && p.daysInMonth !== undefined
        ? `day ${p.partValue}, but ${p.month} has ${p.daysInMonth} days`
        : `${p.part} ${p.partValue}`;
    return `AI (${p.ai}) ${p.title}: ${p.value} is not a date (${detail})`;
  },
  bad_country_code: (p) => `AI (${p.ai}) ${p.title}: ${p.code} is not an ISO 3166 country code`,
  bad_filler: (p) => `AI (${p.ai}) ${p.title}: the first digit must be 0, not ${p.actual}`,
  bad_piece_of_total: (p) => `AI (${p.ai}) ${p.title}: piece ${p.piece} of ${p.total} is not possible`,
  missing_separator: (p) =>
    `AI (${p.ai}) ${p.title}: a group separator (FNC1) is missing at character ${p.position}, before (${p.nextAi}) ${p.nextTitle}`,
  duplicate_ai: (p) =>
    `AI (${p.ai}) ${p.title} appears again at character ${p.position} with different data: ${p.first}, then ${p.second}`,
  conflicting_ai: (p) =>
    `AI (${p.ai}) ${p.title} at character ${p.position} cannot appear together with AI (${p.otherAi}) ${p.otherTitle}`,
  bad_brackets: (p) =>
    `Bracketed GS1 data: expected "(" and an application identifier at character ${p.position}`,
  bad_digital_link: () =>
    'This web address is not a GS1 Digital Link: its path holds no GS1 key such as /01/ and a GTIN',
  bad_percent_encoding: (p) =>
    `Web address: ${p.text} at character ${p.position} is not valid percent-encoding`,
  bad_qualifier: (p) =>
    `GS1 Digital Link: AI (${p.ai}) ${p.title} at character ${p.position} cannot follow AI (${p.keyAi}) ${p.keyTitle} in the path; it belongs in the query string`,
  qualifier_order: (p) =>
    `GS1 Digital Link: AI (${p.ai}) ${p.title} at character ${p.position} must come before AI (${p.previousAi}) ${p.previousTitle} in the path`,
};

/** Builds the error for a code from its params, with the English message. */
export function gs1Error<C extends Gs1ErrorCode>(code: C, params: Gs1ErrorParams[C]): Gs1Error {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) values[name] = value as string | number;
  }
  return {
    code,
    message: MESSAGES[code](params),
    ...('ai' in params && typeof params.ai === 'string' ? { ai: params.ai } : {}),
    ...('position' in params && typeof params.position === 'number' ? { position: params.position } : {}),
    params: values,
  };
}
