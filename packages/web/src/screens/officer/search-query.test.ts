import { describe, expect, it } from 'vitest';
import { correctedQuery, filtersOf, guidePath, lookupPath } from './search-query';

describe('search query', () => {
  it('reads only the filters that are set from the address', () => {
    expect(filtersOf(new URLSearchParams('q=norvalin&category=analgesics&country=&brandId=b1'))).toEqual({
      category: 'analgesics',
      brandId: 'b1',
    });
  });

  it('replaces corrected words whatever their case and keeps the rest as typed', () => {
    expect(
      correctedQuery('Norvaline  tablets 500', [
        { from: 'norvaline', to: 'norvalin' },
        { from: 'x', to: 'y' },
      ]),
    ).toBe('norvalin  tablets 500');
  });

  it('carries a scanned code with its group separators to the lookup and the guide', () => {
    const code = '010703821000101410ABC\x1d21XYZ';
    const lookup = new URL(lookupPath(code), 'http://localhost');
    expect(lookup.pathname).toBe('/scan/result');
    expect(lookup.searchParams.get('code')).toBe(code);
    expect(new URL(guidePath('p1', '(01)07038210001014'), 'http://localhost').searchParams.get('code')).toBe(
      '(01)07038210001014',
    );
    expect(guidePath('p1')).toBe('/guides/p1');
  });
});
