import { describe, expect, it } from 'vitest';
import { GS1_AIS, gs1Ai, gs1AiLength, gs1AisConflict } from './ai-table.js';

describe('GS1 AI table', () => {
  it.each([
    '00',
    '01',
    '02',
    '03',
    '10',
    '11',
    '12',
    '13',
    '15',
    '16',
    '17',
    '20',
    '21',
    '22',
    '235',
    '240',
    '241',
    '242',
    '243',
    '250',
    '251',
    '253',
    '254',
    '255',
    '30',
    '3100',
    '3105',
    '3375',
    '3695',
    '37',
    '3900',
    '3919',
    '3929',
    '3939',
    '3943',
    '3955',
    '400',
    '401',
    '402',
    '403',
    '410',
    '417',
    '420',
    '421',
    '422',
    '423',
    '424',
    '425',
    '426',
    '427',
    '4300',
    '4307',
    '4326',
    '7001',
    '7003',
    '7007',
    '7011',
    '7030',
    '7039',
    '710',
    '717',
    '7240',
    '8003',
    '8004',
    '8006',
    '8008',
    '8012',
    '8017',
    '8018',
    '8019',
    '8020',
    '8026',
    '8200',
    '90',
    '99',
  ])('knows AI (%s)', (ai) => {
    expect(gs1Ai(ai)?.ai).toBe(ai);
  });

  it('gives the GS1 data titles', () => {
    expect(gs1Ai('01')?.title).toBe('GTIN');
    expect(gs1Ai('10')?.title).toBe('BATCH/LOT');
    expect(gs1Ai('17')?.title).toBe('USE BY OR EXPIRY');
    expect(gs1Ai('21')?.title).toBe('SERIAL');
    expect(gs1Ai('3103')?.title).toBe('NET WEIGHT (kg)');
    expect(gs1Ai('714')?.title).toBe('NHRN AIM');
  });

  it('describes formats: fixed or variable length, numeric or CSET 82, check digit and date rules', () => {
    expect(gs1Ai('00')).toMatchObject({ minLength: 18, maxLength: 18, fixedLength: true });
    expect(gs1Ai('00')?.parts).toEqual([
      { charset: 'numeric', min: 18, max: 18, optional: false, rule: 'check_digit' },
    ]);
    expect(gs1Ai('10')).toMatchObject({ minLength: 1, maxLength: 20, fixedLength: false });
    expect(gs1Ai('10')?.parts[0]?.charset).toBe('cset82');
    expect(gs1Ai('17')?.parts[0]).toMatchObject({ rule: 'date', dayZero: 'end_of_month' });
    expect(gs1Ai('11')?.parts[0]).toMatchObject({ rule: 'date', dayZero: 'month_only' });
    expect(gs1Ai('8003')).toMatchObject({ minLength: 14, maxLength: 30 });
    expect(gs1Ai('3102')?.decimals).toBe(2);
    expect(gs1Ai('3913')).toMatchObject({ decimals: 3, minLength: 4, maxLength: 18 });
    expect(gs1Ai('423')).toMatchObject({ minLength: 3, maxLength: 15 });
  });

  it('asks for a separator only after AIs outside the predefined-length table', () => {
    const predefined = GS1_AIS.filter((definition) => !definition.needsSeparator).map(({ ai }) => ai);
    expect(predefined).toEqual(
      expect.arrayContaining(['00', '01', '02', '11', '17', '20', '3102', '410', '417']),
    );
    for (const ai of [
      '10',
      '21',
      '22',
      '235',
      '240',
      '30',
      '37',
      '3922',
      '400',
      '421',
      '422',
      '7003',
      '8006',
      '90',
    ]) {
      expect(gs1Ai(ai)?.needsSeparator, ai).toBe(true);
    }
    // Every predefined-length AI has a fixed length, so no separator is ever needed to find its end.
    for (const definition of GS1_AIS.filter(({ needsSeparator }) => !needsSeparator)) {
      expect(definition.fixedLength, definition.ai).toBe(true);
    }
  });

  it('is prefix-free and each AI has the length its first two digits give', () => {
    const wrongLength = GS1_AIS.filter(({ ai }) => gs1AiLength(ai.slice(0, 2)) !== ai.length).map(
      ({ ai }) => ai,
    );
    expect(wrongLength).toEqual([]);
    const prefixes = GS1_AIS.flatMap(({ ai }) =>
      GS1_AIS.filter((other) => other.ai !== ai && other.ai.startsWith(ai)).map(
        (other) => `${ai} < ${other.ai}`,
      ),
    );
    expect(prefixes).toEqual([]);
  });

  it('marks the Digital Link primary keys and their qualifiers', () => {
    expect(gs1Ai('01')?.digitalLinkKey?.qualifiers).toEqual([['22', '10', '21'], ['235']]);
    expect(gs1Ai('00')?.digitalLinkKey).toBeDefined();
    expect(gs1Ai('8004')?.digitalLinkKey).toBeDefined();
    expect(gs1Ai('10')?.digitalLinkKey).toBeUndefined();
  });

  it.each([
    ['01', '02'],
    ['02', '01'],
    ['01', '37'],
    ['21', '235'],
    ['3102', '3103'],
    ['3300', '3305'],
    ['3902', '3913'],
    ['420', '421'],
    ['422', '426'],
    ['8006', '01'],
  ])('knows that (%s) and (%s) must not appear together', (a, b) => {
    expect(gs1AisConflict(a, b)).toBe(true);
  });

  it.each([
    ['01', '10'],
    ['3102', '3202'],
    ['3102', '3102'],
    ['02', '37'],
    ['422', '424'],
    ['00', '01'],
  ])('lets (%s) and (%s) appear together', (a, b) => {
    expect(gs1AisConflict(a, b)).toBe(false);
  });
});
