import { describe, expect, it } from 'vitest';
import { hsChapter, hsCodeSchema, hsHeading, isValidHsCode, parseHsCode } from './hs-code.js';

describe('parseHsCode', () => {
  it.each([
    ['6403.99', '640399'],
    ['6403 99 90', '64039990'],
    ['640399', '640399'],
    ['6403.99.90', '64039990'],
    ['  3004.90.00 ', '30049000'],
    ['8517.62.00.90', '8517620090'],
    ['0101.21', '010121'],
    ['9706.10', '970610'],
    ['0409.00', '040900'],
    ['4202 21 00 00', '4202210000'],
    ['420221000', '420221000'],
    ['6403\u00a099', '640399'],
  ])('reads %j as %s', (input, code) => {
    expect(parseHsCode(input)).toEqual({ ok: true, code });
  });

  it.each(['', '  ', '. .'])('asks for a code when given %j', (input) => {
    expect(parseHsCode(input)).toEqual({ ok: false, message: 'Enter an HS code' });
  });

  it.each(['6403-99', 'HS 640399', '6403,99', '64O399', '６４０３９９'])(
    'refuses %j as not digits',
    (input) => {
      expect(parseHsCode(input)).toEqual({
        ok: false,
        message: 'An HS code has digits only (dots or spaces between them are allowed)',
      });
    },
  );

  it.each([
    ['64', 2],
    ['6403', 4],
    ['6403.9', 5],
    ['6403.99.90.001', 11],
    ['640399900012', 12],
  ])('refuses %j: %i digits', (input, length) => {
    expect(parseHsCode(input)).toEqual({
      ok: false,
      message: `An HS code has 6 to 10 digits, not ${length}`,
    });
  });

  it.each(['000399', '9801.00', '9903.88.03'])('refuses %j: outside chapters 01 to 97', (input) => {
    const chapter = input.slice(0, 2);
    expect(parseHsCode(input)).toEqual({
      ok: false,
      message: `There is no HS chapter ${chapter}: chapters run from 01 to 97`,
    });
  });

  it('refuses the reserved chapter 77', () => {
    expect(parseHsCode('7701.10')).toEqual({
      ok: false,
      message: 'HS chapter 77 is reserved and holds no goods',
    });
  });

  it('accepts the chapters either side of 77 and the bounds 01 and 97', () => {
    expect(['7601.10', '7801.10', '0101.21', '9701.21'].map(isValidHsCode)).toEqual([true, true, true, true]);
  });

  it('refuses heading 00, which no chapter has', () => {
    expect(parseHsCode('6400.99')).toEqual({
      ok: false,
      message: 'There is no HS heading 6400: headings in a chapter start at 6401',
    });
  });
});

describe('hsCodeSchema', () => {
  it('gives the digits only', () => {
    expect(hsCodeSchema.parse('6403 99 90')).toBe('64039990');
  });

  it('refuses with the precise message', () => {
    const result = hsCodeSchema.safeParse('7701.10');
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: 'HS chapter 77 is reserved and holds no goods',
        path: [],
      }),
    ]);
  });

  it('points at the code inside an array', () => {
    const result = hsCodeSchema.array().safeParse(['640399', '64']);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([[1]]);
  });
});

describe('hsChapter and hsHeading', () => {
  it('give the first two and four digits', () => {
    expect(hsChapter('64039990')).toBe('64');
    expect(hsHeading('64039990')).toBe('6403');
  });

  it('keep the leading zero of chapters 01 to 09', () => {
    expect(hsChapter('010121')).toBe('01');
    expect(hsHeading('030211')).toBe('0302');
  });

  it('read a code still written with dots or spaces', () => {
    expect(hsChapter('6403.99')).toBe('64');
    expect(hsHeading('64 03 99')).toBe('6403');
  });
});
