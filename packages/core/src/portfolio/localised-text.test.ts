import { describe, expect, it } from 'vitest';
import { isContentLanguage, type LocalisedText, localisedTextSchema, pickText } from './localised-text.js';

const title: LocalisedText = {
  original: 'fr',
  texts: { fr: 'Hologramme sur la languette', en: 'Hologram on the tongue', de: 'Hologramm an der Zunge' },
};

function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('isContentLanguage', () => {
  it.each(['en', 'fr', 'de', 'zh', 'ar', 'sw'])('accepts %s, interface locale or not', (code) => {
    expect(isContentLanguage(code)).toBe(true);
  });

  it.each(['EN', 'eng', 'e', '', 'fr-CA', 'f1', 42, null])('refuses %j', (code) => {
    expect(isContentLanguage(code)).toBe(false);
  });
});

describe('localisedTextSchema', () => {
  const schema = localisedTextSchema(20);

  it('accepts texts in several languages, including ones the interface is not translated into', () => {
    expect(
      schema.parse({ original: 'de', texts: { de: 'Naht doppelt', en: 'Double seam', ja: '二重縫い' } }),
    ).toEqual({
      original: 'de',
      texts: { de: 'Naht doppelt', en: 'Double seam', ja: '二重縫い' },
    });
  });

  it('trims every text', () => {
    expect(schema.parse({ original: 'en', texts: { en: '  Double seam \n' } }).texts.en).toBe('Double seam');
  });

  it('accepts a text of exactly the maximum length after trimming, and refuses one character more', () => {
    expect(schema.safeParse({ original: 'en', texts: { en: ` ${'a'.repeat(20)} ` } }).success).toBe(true);
    expect(issues(schema.safeParse({ original: 'en', texts: { en: 'a'.repeat(21) } }))).toEqual([
      { path: 'texts.en', message: 'A text has at most 20 characters' },
    ]);
  });

  it('refuses an empty or blank text, at its language', () => {
    expect(issues(schema.safeParse({ original: 'en', texts: { en: 'Seam', fr: '   ' } }))).toEqual([
      { path: 'texts.fr', message: 'Leave out a language rather than give it an empty text' },
    ]);
  });

  it('refuses a text without its original language', () => {
    expect(issues(schema.safeParse({ original: 'fr', texts: { en: 'Seam' } }))).toEqual([
      { path: 'original', message: 'The original language (fr) has no text' },
    ]);
  });

  it('refuses no text at all', () => {
    expect(issues(schema.safeParse({ original: 'en', texts: {} }))).toEqual([
      { path: 'texts', message: 'Give the text in at least one language' },
    ]);
  });

  it.each(['EN', 'eng', 'fr-CA', ''])('refuses the original language %j', (original) => {
    const result = schema.safeParse({ original, texts: { en: 'Seam' } });
    expect(issues(result).map((issue) => issue.path)).toContain('original');
  });

  it.each(['EN', 'eng', 'fr-CA'])('refuses a text in language %j', (language) => {
    const result = schema.safeParse({ original: 'en', texts: { en: 'Seam', [language]: 'x' } });
    expect(issues(result).map((issue) => issue.path)).toContain(`texts.${language}`);
  });

  it('refuses a text that is not a string', () => {
    expect(
      issues(schema.safeParse({ original: 'en', texts: { en: 42 } })).map((issue) => issue.path),
    ).toEqual(['texts.en']);
  });

  it('does not take an inherited property for the original text', () => {
    expect(schema.safeParse({ original: 'en', texts: Object.create({ en: 'Seam' }) }).success).toBe(false);
  });

  it('uses the limit it was built with', () => {
    expect(
      localisedTextSchema(2000).safeParse({ original: 'en', texts: { en: 'a'.repeat(2000) } }).success,
    ).toBe(true);
  });
});

describe('pickText', () => {
  it('shows the reader’s language when there is a text in it, marked as a translation', () => {
    expect(pickText(title, 'en')).toEqual({
      text: 'Hologram on the tongue',
      language: 'en',
      isOriginal: false,
      isReaderLanguage: true,
    });
  });

  it('shows the original to a reader of the original language', () => {
    expect(pickText(title, 'fr')).toEqual({
      text: 'Hologramme sur la languette',
      language: 'fr',
      isOriginal: true,
      isReaderLanguage: true,
    });
  });

  it('falls back to the original, marked as not the reader’s language', () => {
    expect(pickText(title, 'es')).toEqual({
      text: 'Hologramme sur la languette',
      language: 'fr',
      isOriginal: true,
      isReaderLanguage: false,
    });
  });

  it('falls back to the original even when another translation exists', () => {
    expect(pickText({ original: 'de', texts: { de: 'Naht', en: 'Seam' } }, 'it').language).toBe('de');
  });

  it.each(['en-GB', 'EN', 'en_US', ' en '])('reads the language of the reader locale %j', (reader) => {
    expect(pickText(title, reader)).toMatchObject({ language: 'en', isReaderLanguage: true });
  });

  it('shows the original to a reader without a language', () => {
    expect(pickText(title, '')).toMatchObject({ language: 'fr', isReaderLanguage: false });
  });

  it('skips an empty translation', () => {
    expect(pickText({ original: 'fr', texts: { fr: 'Couture', en: '' } }, 'en')).toMatchObject({
      text: 'Couture',
      language: 'fr',
    });
  });

  it('does not take an inherited property for a text', () => {
    expect(pickText({ original: 'fr', texts: { fr: 'Couture' } }, 'constructor')).toMatchObject({
      language: 'fr',
    });
    expect(pickText({ original: 'fr', texts: { fr: 'Couture' } }, 'toString').language).toBe('fr');
  });

  it('survives stored data without the original text', () => {
    expect(pickText({ original: 'fr', texts: { en: 'Seam' } }, 'es')).toEqual({
      text: 'Seam',
      language: 'en',
      isOriginal: false,
      isReaderLanguage: false,
    });
    expect(pickText({ original: 'fr', texts: {} }, 'es')).toEqual({
      text: '',
      language: 'fr',
      isOriginal: true,
      isReaderLanguage: false,
    });
  });
});
