import { describe, expect, it } from 'vitest';
import { type QueryWord, readQuery, textQuery } from './query-words.js';

const word = (token: string, overrides: Partial<QueryWord> = {}): QueryWord => ({
  token,
  known: true,
  exact: true,
  stopword: false,
  stems: [],
  suggestion: null,
  joinedWithNext: null,
  ...overrides,
});

describe('reading a query', () => {
  it.each([
    ['4006381333931', '04006381333931'],
    ['04006381333931', '04006381333931'],
    [' 4006 3813 3393 1 ', '04006381333931'],
    ['96385074', '00000096385074'],
  ])('reads %s as the GTIN %s', (q, gtin) => {
    expect(readQuery(q).gtin).toBe(gtin);
  });

  it('reads no GTIN from a wrong check digit, letters or a short number', () => {
    expect(readQuery('4006381333932').gtin).toBeNull();
    expect(readQuery('nordic 4006381333931').gtin).toBeNull();
    expect(readQuery('6109').gtin).toBeNull();
  });

  it('joins an HS code written with dots', () => {
    expect(readQuery('6109.10').text).toBe('610910');
    expect(readQuery('v2.0 shirt').text).toBe('v20 shirt');
  });
});

describe('the full-text query', () => {
  it('asks for a whole word with its stems, and for the beginning of a word not typed in full', () => {
    const query = textQuery([word('chaussures', { stems: ['chaussur'] }), word('mont', { exact: false })]);
    expect(query.tsquery).toBe("('chaussures' | 'chaussur') & 'mont':*");
    expect(query.corrections).toEqual([]);
    expect(query.exactKey).toBe('chaussuresmont');
  });

  it('leaves out stop words and single letters beside other words, and reads numbers as prefixes', () => {
    const query = textQuery([
      word('sac'),
      word('a', { exact: false }),
      word('de', { stopword: true }),
      word('6109', { exact: false }),
    ]);
    expect(query.tsquery).toBe("'sac' & '6109':*");
    expect(textQuery([word('de', { stopword: true })]).tsquery).toBe("'de'");
  });

  it('replaces a word that matches nothing by its correction, and says so', () => {
    const query = textQuery([
      word('nordik', { known: false, exact: false, suggestion: 'nordic' }),
      word('shoe'),
    ]);
    expect(query.tsquery).toBe("'nordic' & 'shoe'");
    expect(query.corrections).toEqual([{ from: 'nordik', to: 'nordic' }]);
    expect(query.exactKey).toBe('nordicshoe');
  });

  it('reads two words as one when together they are an indexed word', () => {
    const split = textQuery([
      word('nor', { joinedWithNext: 'nordic' }),
      word('dic', { known: false, exact: false }),
    ]);
    expect(split.tsquery).toBe("'nordic'");
    expect(split.corrections).toEqual([{ from: 'nor dic', to: 'nordic' }]);
    const both = textQuery([word('sun', { joinedWithNext: 'sunglasses' }), word('glasses')]);
    expect(both.tsquery).toBe("(('sun' & 'glasses') | 'sunglasses')");
    expect(both.corrections).toEqual([]);
  });

  it('keeps digit-only words for telling HS codes from references', () => {
    expect(textQuery([word('nrd'), word('200')]).numbers).toEqual(['200']);
  });
});
