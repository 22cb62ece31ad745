import { parseGtin } from '@assay/core';

/** Most query words looked at: the rest of a pasted paragraph is ignored. */
export const MAX_QUERY_WORDS = 8;

/**
 * What a typed query asks for: a GTIN when it reads as one (8–14 digits, spaces or hyphens
 * allowed, right check digit), and the text to search for words. Dots between digits are dropped,
 * so `6109.10` is the HS code 610910.
 */
export function readQuery(q: string): { gtin: string | null; text: string } {
  const trimmed = q.trim();
  const gtin = /^[\d\s-]+$/.test(trimmed) ? parseGtin(trimmed) : null;
  return {
    gtin: gtin?.ok ? gtin.gtin14 : null,
    text: trimmed.replace(/(\d)\.(?=\d)/g, '$1'),
  };
}

/** One folded query word as the vocabulary knows it (see queries.ts `queryWords`). */
export interface QueryWord {
  token: string;
  /** Some indexed word starts with it (or it holds digits, or is too short to correct). */
  known: boolean;
  /** It is an indexed word itself. */
  exact: boolean;
  /** A stop word in one of the stemmed languages ("de", "the", "y"). */
  stopword: boolean;
  /** Its stems in the languages indexed with stemming. */
  stems: string[];
  /** The nearest indexed word when it is not known. */
  suggestion: string | null;
  /** This word and the next one written together form an indexed word ("nor dic" → "nordic"). */
  joinedWithNext: string | null;
}

export interface TextQuery {
  /** A `to_tsquery('simple', …)` expression; empty when there is nothing to look for. */
  tsquery: string;
  corrections: { from: string; to: string }[];
  /** The words as searched, run together: compared with brand names and aliases for an exact match. */
  exactKey: string;
  /** The words as searched (corrections applied). */
  searched: string[];
  /** Digit-only words, for telling an HS code match from a reference match. */
  numbers: string[];
}

// Lexemes hold letters and digits only (the query was folded), so quoting is all they need.
const lexeme = (word: string) => `'${word}'`;
const prefix = (word: string) => `${lexeme(word)}:*`;
const isNumber = (word: string) => /^\d+$/.test(word);

/**
 * One word: itself when it is an indexed word (with its stems, so a plural finds the singular),
 * else as the beginning of a word (still being typed, or an HS code prefix), or the correction
 * that replaces it. Whole words are much cheaper for the index than prefixes of common words.
 */
function term(word: QueryWord): string {
  if (!word.known && word.suggestion) return lexeme(word.suggestion);
  const first = word.exact && !isNumber(word.token) ? lexeme(word.token) : prefix(word.token);
  const options = [...new Set([first, ...word.stems.filter((stem) => stem !== word.token).map(lexeme)])];
  return options.length > 1 ? `(${options.join(' | ')})` : options[0]!;
}

/** Stop words and single letters say nothing but match nearly everything: left out beside other words. */
const isNoise = (word: QueryWord) => word.stopword || (word.token.length === 1 && !isNumber(word.token));

/**
 * The full-text query for folded words: every word must match (as a word, through a stem, as a
 * prefix while being typed, or its correction when it matches nothing); two words that form one
 * indexed word together may match as that word instead.
 */
export function textQuery(words: QueryWord[]): TextQuery {
  type Unit = { word: QueryWord; next?: QueryWord };
  const units: Unit[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = words[index + 1];
    if (word.joinedWithNext && next) {
      units.push({ word, next });
      index++;
    } else units.push({ word });
  }
  const meaningful = units.filter((unit) => unit.next || !isNoise(unit.word));
  const corrections: { from: string; to: string }[] = [];
  const parts: string[] = [];
  const searched: string[] = [];
  for (const { word, next } of meaningful.length ? meaningful : units) {
    if (next && word.joinedWithNext) {
      if (!word.known || !next.known || isNoise(word) || isNoise(next)) {
        corrections.push({ from: `${word.token} ${next.token}`, to: word.joinedWithNext });
        parts.push(lexeme(word.joinedWithNext));
      } else {
        parts.push(`((${term(word)} & ${term(next)}) | ${lexeme(word.joinedWithNext)})`);
      }
      searched.push(word.joinedWithNext);
      continue;
    }
    if (!word.known && word.suggestion) corrections.push({ from: word.token, to: word.suggestion });
    parts.push(term(word));
    searched.push(!word.known && word.suggestion ? word.suggestion : word.token);
  }
  return {
    tsquery: parts.join(' & '),
    corrections,
    exactKey: searched.join(''),
    searched,
    numbers: searched.filter(isNumber),
  };
}
