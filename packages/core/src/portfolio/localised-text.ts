import { z } from 'zod';

/**
 * A language content is written in: any ISO 639-1 two-letter code in lower case (`en`, `de`, `zh`),
 * wider than the interface locales — a rights holder may describe a product in a language the
 * interface is not translated into.
 */
export type ContentLanguage = string;

/** The shape of a {@link ContentLanguage}. */
export const CONTENT_LANGUAGE_PATTERN = /^[a-z]{2}$/;

/** Whether the value is a two-letter lower-case language code. */
export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === 'string' && CONTENT_LANGUAGE_PATTERN.test(value);
}

/**
 * A text entered in one or more languages: `texts` maps each language to its text, and `original`
 * names the language it was written in (always a key of `texts`); the others are translations.
 */
export type LocalisedText = { original: ContentLanguage; texts: Record<ContentLanguage, string> };

/** What to show a reader, and how it relates to the reader's language and to the original. */
export interface PickedText {
  text: string;
  language: ContentLanguage;
  /** The text shown is the one the author wrote, not a translation. */
  isOriginal: boolean;
  /** The text shown is in the reader's language; when false the interface marks the language shown. */
  isReaderLanguage: boolean;
}

const contentLanguage = z
  .string()
  .regex(CONTENT_LANGUAGE_PATTERN, { message: 'A language is a two-letter ISO 639-1 code in lower case' });

/**
 * A {@link LocalisedText} in a request body: every text trimmed, non-empty and at most `maxLength`
 * characters; at least one text; the original language among them.
 */
export function localisedTextSchema(maxLength: number) {
  return z
    .object({
      original: contentLanguage,
      texts: z.record(
        contentLanguage,
        z
          .string()
          .trim()
          .min(1, { message: 'Leave out a language rather than give it an empty text' })
          .max(maxLength, { message: `A text has at most ${maxLength} characters` }),
      ),
    })
    .superRefine((value, ctx) => {
      if (Object.keys(value.texts).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['texts'], message: 'Give the text in at least one language' });
      } else if (!Object.hasOwn(value.texts, value.original)) {
        ctx.addIssue({
          code: 'custom',
          path: ['original'],
          message: `The original language (${value.original}) has no text`,
        });
      }
    });
}

/** The primary language of a locale or Accept-Language tag: `fr-CA` → `fr`, `PT_br` → `pt`. */
function primaryLanguage(reader: string): string {
  return reader.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Chooses the text to show a reader: the one in the reader's language when there is one, otherwise
 * the original. `reader` may be a full locale (`fr-CA`): only its language counts. Should stored
 * data lack the original, the first non-empty text is shown (or an empty text in the original
 * language when there is none) rather than failing the whole page.
 */
export function pickText(text: LocalisedText, reader: string): PickedText {
  const wanted = primaryLanguage(reader);
  const has = (language: string) => Object.hasOwn(text.texts, language) && text.texts[language] !== '';
  const language = has(wanted)
    ? wanted
    : has(text.original)
      ? text.original
      : (Object.keys(text.texts).find(has) ?? text.original);
  return {
    text: text.texts[language] ?? '',
    language,
    isOriginal: language === text.original,
    isReaderLanguage: language === wanted,
  };
}
