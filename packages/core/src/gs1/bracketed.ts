import { gs1Ai } from './ai-table.js';
import type { ElementsResult } from './element-string.js';
import { gs1Error } from './errors.js';
import type { Gs1Element } from './types.js';
import { readValue } from './values.js';

/** An AI in brackets, where data ends and the next element starts. */
const AI_IN_BRACKETS = /\(\s*\d{2,4}\s*\)/y;
const GROUP = /\(\s*(\d+)\s*\)/y;

function startsAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/**
 * Reads the human-readable form `(01)09506000134352(17)261231(10)ABC123`. Spaces between groups
 * are ignored. A `(` inside data is written `\(` when digits and `)` follow it, as it would otherwise
 * start the next element.
 *
 * @param offset index in the original input of `text`'s first character
 */
export function parseBracketed(text: string, offset: number, referenceYear: number): ElementsResult {
  const elements: Gs1Element[] = [];
  const starts: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (/\s/.test(text[index]!)) {
      index++;
      continue;
    }
    const group = startsAt(GROUP, text, index);
    if (!group) return { ok: false, error: gs1Error('bad_brackets', { position: offset + index + 1 }) };
    const ai = group[1]!;
    const groupStart = offset + index + 1;
    const definition = gs1Ai(ai);
    if (!definition)
      return { ok: false, error: gs1Error('unknown_ai', { ai, position: offset + index + 2 }) };
    index += group[0].length;

    // The data up to the next "(AI)", with "\(" read as "(" and spaces around it dropped.
    let value = '';
    const positions: number[] = [];
    while (index < text.length && !startsAt(AI_IN_BRACKETS, text, index)) {
      const escaped = text[index] === '\\' && text[index + 1] === '(';
      if (escaped) index++;
      value += text[index];
      positions.push(offset + index + 1);
      index++;
    }
    const leading = value.length - value.trimStart().length;
    const trimmed = value.trim();
    const start = positions[leading] ?? offset + index + 1;
    const result = readValue(definition, trimmed, (i) => positions[leading + i] ?? start + i, referenceYear);
    if (!result.ok) return result;
    elements.push(result.element);
    starts.push(groupStart);
  }
  return { ok: true, elements, positions: starts };
}

/** `(` in data that would read as the start of an element. */
const AMBIGUOUS_BRACKET = /\((?=\d{2,4}\))/g;

/** The human-readable form, e.g. `(01)09506000134352(17)261231(10)ABC123`. */
export function formatBracketed(elements: readonly Pick<Gs1Element, 'ai' | 'value'>[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value.replace(AMBIGUOUS_BRACKET, '\\(')}`).join('');
}
