import { describe, expect, it } from 'vitest';
import { GROUP_SEPARATOR, looksLikeCode, normaliseCode, showCode } from './normalise-code';

const GS = GROUP_SEPARATOR;

describe('normaliseCode', () => {
  it('turns the common group-separator stand-ins into the real character', () => {
    expect(normaliseCode('010703821000101410ABC<GS>21XYZ')).toBe(`010703821000101410ABC${GS}21XYZ`);
    expect(normaliseCode('10ABC<gs>21XYZ')).toBe(`10ABC${GS}21XYZ`);
    expect(normaliseCode('10ABC^]21XYZ')).toBe(`10ABC${GS}21XYZ`);
    expect(normaliseCode('10ABC{GS}21XYZ')).toBe(`10ABC${GS}21XYZ`);
    expect(normaliseCode('10ABC\u241d21XYZ')).toBe(`10ABC${GS}21XYZ`);
    expect(normaliseCode(`10ABC${GS}21XYZ`)).toBe(`10ABC${GS}21XYZ`);
  });

  it('honours the officer’s own stand-in, even one with regular-expression characters', () => {
    expect(normaliseCode('10ABC$|21XYZ', '$|')).toBe(`10ABC${GS}21XYZ`);
    expect(normaliseCode('10ABC$|21XYZ')).toBe('10ABC$|21XYZ');
  });

  it('drops a symbology identifier, the leading FNC1 and the line end a scanner sends', () => {
    expect(normaliseCode(`]d2${GS}0107038210001014\r\n`)).toBe('0107038210001014');
    expect(normaliseCode(']C10107038210001014')).toBe('0107038210001014');
  });

  it('removes the spaces, dots and dashes typed between the digits under a barcode', () => {
    expect(normaliseCode(' 7 038210 001014 ')).toBe('7038210001014');
    expect(normaliseCode('703-8210.001014')).toBe('7038210001014');
  });

  it('keeps spaces inside words and addresses', () => {
    expect(normaliseCode('  norvalin 500 ')).toBe('norvalin 500');
    expect(normaliseCode('https://id.example.org/01/07038210001014?10=AB C')).toBe(
      'https://id.example.org/01/07038210001014?10=AB C',
    );
  });
});

describe('looksLikeCode', () => {
  it('recognises GTINs, bracketed and raw element strings and Digital Links', () => {
    for (const code of [
      '70382100',
      '703821000101',
      '7038210001014',
      '07038210001014',
      '(01)07038210001014(10)ABC',
      `010703821000101410ABC${GS}21X`,
      '0107038210001014',
      'https://id.example.org/01/07038210001014/10/ABC',
      'https://brand.example/shop/01/07038210001014',
    ]) {
      expect(looksLikeCode(code), code).toBe(true);
    }
  });

  it('leaves words, HS codes and short numbers to the search', () => {
    for (const query of ['norvalin', '3004.90', '300490', 'run 7', '12345', 'https://example.org/page']) {
      expect(looksLikeCode(query), query).toBe(false);
    }
  });
});

describe('showCode', () => {
  it('shows invisible group separators', () => {
    expect(showCode(`10ABC${GS}21X`)).toBe('10ABC<GS>21X');
  });
});
