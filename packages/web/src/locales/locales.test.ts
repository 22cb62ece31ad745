import { missingTranslations, type translationKeys } from '@assay/core';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Tree = Parameters<typeof translationKeys>[0];

function emptyValues(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? value.trim() === ''
        ? [prefix + key]
        : []
      : emptyValues(value, `${prefix}${key}.`),
  );
}

describe.each([
  ['fr', fr],
  ['es', es],
] as const)('%s translations', (_locale, resource) => {
  it('has every key of English', () => {
    expect(missingTranslations(en, resource)).toEqual([]);
  });

  it('has no key English lacks', () => {
    expect(missingTranslations(resource, en)).toEqual([]);
  });

  it('has no empty value', () => {
    expect(emptyValues(resource)).toEqual([]);
  });
});

it('English has no empty value', () => {
  expect(emptyValues(en)).toEqual([]);
});
