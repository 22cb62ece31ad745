import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from './i18n';

/**
 * Languages offered for product texts: wider than the interface's, since a rights holder may describe
 * a product in the language of the markets where it sells. Any two-letter ISO 639-1 code is accepted
 * by the API; these are the ones offered in the pickers.
 */
export const CONTENT_LANGUAGES = [
  'ar',
  'bg',
  'bn',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fa',
  'fi',
  'fr',
  'ga',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr',
  'sv',
  'sw',
  'th',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
] as const;

export interface ContentLanguages {
  /** The reader's interface language, the one texts are preferably shown in. */
  reader: string;
  /** A language's name in the interface language, capitalised as a label: "English", "Anglais". */
  name: (code: string) => string;
  /** A language's name as it reads inside a sentence: "anglais" in French, "English" in English. */
  inSentence: (code: string) => string;
  /** The offered languages, interface languages first, then by name. */
  options: { code: string; name: string }[];
}

/** Names of content languages in the interface language. */
export function useContentLanguages(): ContentLanguages {
  const { i18n } = useTranslation();
  const reader = currentLocale(i18n.language);
  return useMemo(() => {
    const names = new Intl.DisplayNames([reader], { type: 'language' });
    const inSentence = (code: string) => names.of(code) ?? code.toUpperCase();
    const name = (code: string) => {
      const text = inSentence(code);
      return text.charAt(0).toLocaleUpperCase(reader) + text.slice(1);
    };
    const collator = new Intl.Collator(reader);
    const first = ['en', 'fr', 'es'];
    const options = [...CONTENT_LANGUAGES]
      .map((code) => ({ code, name: name(code) }))
      .sort((a, b) => {
        const rank = (code: string) => (first.includes(code) ? first.indexOf(code) : first.length);
        return rank(a.code) - rank(b.code) || collator.compare(a.name, b.name);
      });
    return { reader, name, inSentence, options };
  }, [reader]);
}
