import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@assay/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Each language is its own chunk: a reader downloads theirs only (about 20 kB gzipped each). */
const TRANSLATIONS: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../locales/en.json'),
  fr: () => import('../locales/fr.json'),
  es: () => import('../locales/es.json'),
};

async function loadTranslations(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { default: translation } = await TRANSLATIONS[locale]();
  i18next.addResourceBundle(locale, 'translation', translation);
}

/** Shows the UI in `locale` once its translations are loaded, without keeping it as the reader's choice. */
export async function switchLanguage(locale: Locale): Promise<void> {
  await loadTranslations(locale);
  await i18next.changeLanguage(locale);
}

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
  await switchLanguage(locale);
}

/**
 * Starts i18next with the reader's language loaded; render after it resolves. The signed-in user's
 * locale replaces this once known. Every key exists in every language (a test checks), so there is
 * no fallback language to download as well.
 */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const locale = storedLocale() ?? browserLocale() ?? DEFAULT_LOCALE;
  await i18next.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    // One namespace; keys such as `scopes.organisation:read` contain colons.
    nsSeparator: false,
    initAsync: false,
    showSupportNotice: false,
  });
  await switchLanguage(locale);
  document.documentElement.lang = i18next.language;
}

/** The current UI language as one of the shipped locales. */
export function currentLocale(language: string): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
