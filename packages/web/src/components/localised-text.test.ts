import { describe, expect, it } from 'vitest';
import { localisedForApi } from './localised-text';

describe('localisedForApi', () => {
  it('drops empty translations and trims the others', () => {
    expect(localisedForApi({ original: 'en', texts: { en: ' Seal ', fr: '', es: '  ' } }, true)).toEqual({
      original: 'en',
      texts: { en: 'Seal' },
    });
  });

  it('leaves out an optional text empty in every language', () => {
    expect(localisedForApi({ original: 'en', texts: { en: ' ', fr: '' } }, false)).toBeUndefined();
  });

  it('keeps an empty original of a required text, for the schema to refuse there', () => {
    expect(localisedForApi({ original: 'en', texts: { en: '', fr: 'Sceau' } }, true)).toEqual({
      original: 'en',
      texts: { en: '', fr: 'Sceau' },
    });
  });
});
