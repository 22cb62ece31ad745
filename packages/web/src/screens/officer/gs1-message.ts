import type { Gs1Error } from '@assay/core';
import type { TFunction } from 'i18next';

/** A character named in a message: quoted, or its code point when it cannot be seen. */
function shownCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || codePoint === 0x7f || /\s/u.test(character)) {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${character}"`;
}

/** The parser's precise reason in the reader's language, with its values (AI, position, digits…). */
export function gs1Message(t: TFunction, error: Gs1Error): string {
  const params = error.params;
  const values: Record<string, string | number> = { ...params };
  if (typeof params.unit === 'string') values.unit = t(`gs1.units.${params.unit}`);
  if (typeof params.allowed === 'string') values.allowed = t(`gs1.allowed.${params.allowed}`);
  if (typeof params.part === 'string') values.part = t(`gs1.parts.${params.part}`);
  for (const name of ['found', 'character']) {
    const value = params[name];
    if (typeof value === 'string') values[name] = shownCharacter(value);
  }
  let key: string = error.code;
  if (error.code === 'too_short' && params.length === 0) key = 'too_short_empty';
  if (error.code === 'bad_date' && params.part === 'day' && params.daysInMonth !== undefined)
    key = 'bad_date_day';
  return t(`gs1.errors.${key}`, values);
}
