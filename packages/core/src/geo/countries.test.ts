import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './countries.js';

describe('country codes', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes, each once', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['FR', 'DE', 'US', 'GB', 'CN', 'ZW', 'AD'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each([
    ['XX', 'an unassigned code'],
    ['EU', 'a reserved, non-country code'],
    ['UK', 'an exceptionally reserved code (the UK is GB)'],
    ['fr', 'a lower-case code'],
    ['', 'an empty string'],
    ['FRA', 'an alpha-3 code'],
    [' FR', 'a code with spaces'],
  ])('refuses %j (%s)', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });

  it('has a name for every code in English and French', () => {
    for (const locale of ['en', 'fr']) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      const unnamed = COUNTRY_CODES.filter((code) => !names.of(code));
      expect(unnamed).toEqual([]);
    }
  });
});
