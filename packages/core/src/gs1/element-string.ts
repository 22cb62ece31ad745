import { type Gs1AiDefinition, gs1Ai, gs1AiLength } from './ai-table.js';
import { type Gs1Error, gs1Error } from './errors.js';
import type { Gs1Element } from './types.js';
import { readValue } from './values.js';

/** FNC1 as scanners transmit it (ASCII 29, group separator), and the visible ␝ some tools print for it. */
export const GROUP_SEPARATOR = '\x1d';
const SEPARATORS = new Set([GROUP_SEPARATOR, '\u241d']);

/** Elements read, each with the 1-based position where its AI starts in the input. */
export type ElementsResult =
  | { ok: true; elements: Gs1Element[]; positions: number[] }
  | { ok: false; error: Gs1Error };

/** The AI starting at `index` when Assay knows it (GS1 AIs are prefix-free: at most one matches). */
export function aiAt(text: string, index: number): Gs1AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const definition = gs1Ai(text.slice(index, index + length));
    if (definition) return definition;
  }
  return undefined;
}

/** Why no known AI starts at `index`: not digits at all, or an AI Assay does not know. */
export function noAiError(text: string, index: number, position: number): Gs1Error {
  const first = text[index] ?? '';
  if (!/\d/.test(first)) return gs1Error('expected_ai', { position, found: [...text.slice(index)][0] ?? '' });
  const length = gs1AiLength(text.slice(index, index + 2)) ?? 2;
  const ai = /^\d+/.exec(text.slice(index, index + length))?.[0] ?? first;
  return gs1Error('unknown_ai', { ai, position });
}

/**
 * Reads a GS1 element string — AIs and data one after another, FNC1 (group separator) after
 * variable-length data. A missing separator is tolerated after a fixed-length AI, whose data ends
 * where its length says. After a variable-length AI it cannot be seen unless the data then breaks
 * the AI's format, which gives `missing_separator` when the rest reads as GS1 data.
 *
 * @param offset index in the original input of `text`'s first character
 * @param lookForMissingSeparator false when already trying out where a separator was missing
 */
export function parseElementString(
  text: string,
  offset: number,
  referenceYear: number,
  lookForMissingSeparator = true,
): ElementsResult {
  const elements: Gs1Element[] = [];
  const positions: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (SEPARATORS.has(text[index]!)) {
      index++;
      continue;
    }
    const definition = aiAt(text, index);
    if (!definition) return { ok: false, error: noAiError(text, index, offset + index + 1) };
    const start = index + definition.ai.length;
    let end = start;
    const limit = definition.fixedLength ? start + definition.maxLength : text.length;
    while (end < limit && end < text.length && !SEPARATORS.has(text[end]!)) end++;
    const value = text.slice(start, end);
    const result = readValue(definition, value, (i) => offset + start + i + 1, referenceYear);
    if (!result.ok) {
      const overrun = result.error.code === 'too_long' || result.error.code === 'bad_characters';
      if (overrun && !definition.fixedLength && lookForMissingSeparator) {
        const missing = missingSeparator(definition, text, start, end, offset, referenceYear);
        if (missing) return { ok: false, error: missing };
      }
      return result;
    }
    elements.push(result.element);
    positions.push(offset + index + 1);
    index = end;
  }
  return { ok: true, elements, positions };
}

/**
 * When variable-length data overruns its format, finds the shortest valid data after which the rest
 * reads as GS1 data: there the scanner dropped the group separator.
 */
function missingSeparator(
  definition: Gs1AiDefinition,
  text: string,
  start: number,
  end: number,
  offset: number,
  referenceYear: number,
): Gs1Error | undefined {
  const longest = Math.min(definition.maxLength, end - start - 1);
  for (let length = definition.minLength; length <= longest; length++) {
    const head = readValue(definition, text.slice(start, start + length), () => 0, referenceYear);
    if (!head.ok) continue;
    const rest = parseElementString(
      text.slice(start + length),
      offset + start + length,
      referenceYear,
      false,
    );
    const next = rest.ok ? rest.elements[0] : undefined;
    if (next) {
      return gs1Error('missing_separator', {
        ai: definition.ai,
        title: definition.title,
        position: offset + start + length + 1,
        nextAi: next.ai,
        nextTitle: next.title,
      });
    }
  }
  return undefined;
}

/**
 * The element string as a GS1-128 or DataMatrix carries it: AI and data one after another, a group
 * separator (FNC1) after data whose length is not predefined, none after the last element.
 */
export function formatElementString(elements: readonly Pick<Gs1Element, 'ai' | 'value'>[]): string {
  return elements
    .map(({ ai, value }, index) => {
      const last = index === elements.length - 1;
      return last || gs1Ai(ai)?.needsSeparator === false
        ? `${ai}${value}`
        : `${ai}${value}${GROUP_SEPARATOR}`;
    })
    .join('');
}
