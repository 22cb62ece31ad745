import { GS1_ERROR_CODES, parseGs1 } from '@assay/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import { gs1Message } from './gs1-message';

const locales = { en, fr, es };

async function translator(language: keyof typeof locales) {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { [language]: { translation: locales[language] } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** Malformed codes as officers type or scanners send them, one or more per kind of mistake. */
const MALFORMED = [
  '',
  'hello',
  '12345',
  '7038210001016',
  '(01)07038210001015(17)271331',
  '(01)07038210001015(17)270230',
  '(01)07038210001015(10)',
  '(01)070382100010',
  '(01)07038210001015(10)AB\u00e9',
  '0107038210001015(10)AB',
  '(01)07038210001015(10)ABC(01)07038210001022',
  '(01)07038210001015(02)07038210001015',
  '01070382100010151012345678901234567890123',
  '(01)07038210001015(99',
  'https://id.example.org/product/1',
  'https://id.example.org/01/07038210001015/21/A%G1',
  'https://id.example.org/01/07038210001015/17/271231',
  'https://id.example.org/01/07038210001015/21/X/10/Y',
  '(8003)1703821000101ABC',
];

describe('GS1 messages', () => {
  it('exist in every language for every error the parser gives', () => {
    for (const [language, messages] of Object.entries(locales)) {
      for (const code of GS1_ERROR_CODES) {
        expect(messages.gs1.errors, `${language}: gs1.errors.${code}`).toHaveProperty(code);
      }
    }
  });

  it.each(Object.keys(locales) as (keyof typeof locales)[])(
    'say in %s what is wrong, with every value filled in',
    async (language) => {
      const t = await translator(language);
      const codes = new Set<string>();
      for (const input of MALFORMED) {
        const parsed = parseGs1(input);
        if (parsed.ok) throw new Error(`${input} should be malformed`);
        codes.add(parsed.error.code);
        const message = gs1Message(t, parsed.error);
        expect(message, input).not.toMatch(/\{\{|undefined|gs1\./);
        if (parsed.error.ai) expect(message, input).toContain(`(${parsed.error.ai})`);
        if (parsed.error.position !== undefined && /position/.test(parsed.error.message))
          expect(message, input).toContain(String(parsed.error.position));
      }
      // The sample covers most kinds of mistake.
      expect(codes.size).toBeGreaterThanOrEqual(12);
    },
  );

  it('names the check digit expected and found, and an invisible character by its code point', async () => {
    const t = await translator('en');
    const check = parseGs1('7038210001016');
    if (check.ok) throw new Error('malformed');
    expect(gs1Message(t, check.error)).toBe('AI (01) GTIN: the check digit should be 5, not 6.');
    const tab = parseGs1('(01)07038210001015(10)AB\tC');
    if (tab.ok) throw new Error('malformed');
    expect(gs1Message(t, tab.error)).toContain('U+0009');
  });

  it('words units and allowed characters in the reader’s language', async () => {
    const t = await translator('fr');
    const short = parseGs1('(01)070382100010');
    if (short.ok) throw new Error('malformed');
    expect(gs1Message(t, short.error)).toContain('chiffres');
    const accent = parseGs1('(01)07038210001015(10)AB\u00e9');
    if (accent.ok) throw new Error('malformed');
    expect(gs1Message(t, accent.error)).toContain('lettres, chiffres');
  });
});
