/** Languages whose translations are complete for every shipped string. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type Tree = { [key: string]: string | Tree };

/** Flattened keys of a nested translation resource: `{a:{b:'x'}}` → `['a.b']`. */
export function translationKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : translationKeys(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

/** Keys present in `reference` but missing (or empty) in `candidate`. */
export function missingTranslations(reference: Tree, candidate: Tree): string[] {
  const present = new Set(translationKeys(candidate).filter((key) => valueAt(candidate, key) !== ''));
  return translationKeys(reference).filter((key) => !present.has(key));
}
