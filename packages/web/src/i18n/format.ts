import { COUNTRY_CODES, LOCALES, type Locale } from '@assay/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from './i18n';

export interface Formatters {
  locale: Locale;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** A calendar date `YYYY-MM-DD` (validity, expiry), the same day wherever the reader is. */
  day: (date: string) => string;
  number: (value: number) => string;
  /** "a, b and c" in the current language. */
  list: (items: string[]) => string;
  country: (code: string | null) => string;
  /** Countries sorted by their name in the current language. */
  countries: { code: string; name: string }[];
}

/** A language's own name ("Français"), so people find theirs whatever the page language. */
export function languageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export const LANGUAGE_OPTIONS = LOCALES.map((locale) => ({ value: locale, label: languageName(locale) }));

/** Dates, numbers and country names in the current UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return useMemo(() => {
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const numberFormat = new Intl.NumberFormat(locale);
    const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const country = (code: string | null) => (code ? (regions.of(code) ?? code) : '');
    const collator = new Intl.Collator(locale);
    return {
      locale,
      dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
      date: (iso) => dateFormat.format(new Date(iso)),
      day: (date) => dayFormat.format(new Date(`${date}T00:00:00Z`)),
      number: (value) => numberFormat.format(value),
      list: (items) => listFormat.format(items),
      country,
      countries: COUNTRY_CODES.map((code) => ({ code, name: country(code) })).sort((a, b) =>
        collator.compare(a.name, b.name),
      ),
    };
  }, [locale]);
}
