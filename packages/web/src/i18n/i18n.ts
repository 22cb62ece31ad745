import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@assay/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import es from '../locales/es.json';
import fr from '../locales/fr.json';

const STORAGE_KEY = 'assay.locale';

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLocale(): Locale | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.split('-')[0]?.toLowerCase();
    if (isLocale(base)) return base;
  }
  return null;
}

/** Whether this browser holds a language someone picked (rather than one guessed from the browser). */
export function hasChosenLocale(): boolean {
  return storedLocale() !== null;
}

/** Switches the UI language and keeps it for the next visit. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the language then lasts for this page only.
  }
  await i18next.changeLanguage(locale);
}

/** Starts i18next before the first render; the signed-in user's locale replaces this once known. */
export function initI18n(): void {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
    lng: storedLocale() ?? browserLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    // One namespace; keys such as `scopes.organisation:read` contain colons.
    nsSeparator: false,
    initAsync: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
}

/** The current UI language as one of the shipped locales. */
export function currentLocale(language: string): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
