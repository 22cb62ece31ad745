import { describe, expect, it } from 'vitest';
import { GS1_ERROR_CODES, type Gs1ErrorCode } from './errors.js';
import { parseGs1 } from './parse.js';
import type { Gs1Result } from './types.js';
import { fullYear } from './values.js';

const GS = '\x1d';
const at2026 = { referenceYear: 2026 };
const parse = (input: string) => parseGs1(input, at2026);

function elementsOf(result: Gs1Result) {
  if (!result.ok) throw new Error(`Expected a reading, got ${result.error.code}: ${result.error.message}`);
  return result.elements;
}

function errorOf(result: Gs1Result) {
  if (result.ok) throw new Error(`Expected an error, got ${JSON.stringify(result.elements)}`);
  return result.error;
}

describe('parseGs1: plain GTINs from EAN/UPC barcodes', () => {
  it('reads a GTIN-13 as scanned from an EAN-13 and gives its 14-digit form', () => {
    expect(parse('9506000134352')).toEqual({
      ok: true,
      form: 'gtin',
      elements: [{ ai: '01', title: 'GTIN', value: '09506000134352' }],
      gtin: '09506000134352',
      serial: null,
      batch: null,
      expiry: null,
    });
  });

  it.each([
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['19506000134359', '19506000134359'],
    ['4006 3813 3393 1', '04006381333931'],
    [' 9506000134352\r\n', '09506000134352'],
    [']E09506000134352', '09506000134352'],
    [']E496385074', '00000096385074'],
    [']E3978030640615751299', '09780306406157'],
    [']E39638507412', '00000096385074'],
  ])('reads %j as GTIN %s', (input, gtin) => {
    expect(parse(input)).toMatchObject({ ok: true, form: 'gtin', gtin });
  });

  it('reads digits scanned onto a French AZERTY keyboard by a scanner set up for a US one', () => {
    const azerty = (digits: string) =>
      [...digits].map((digit) => '&é"\'(-è_çà'['1234567890'.indexOf(digit)] ?? digit).join('');
    expect(parse(azerty('9506000134352'))).toMatchObject({ ok: true, form: 'gtin', gtin: '09506000134352' });
    expect(parse(azerty(`010950600013435217261231${GS}1012345`))).toMatchObject({
      ok: true,
      form: 'element_string',
      gtin: '09506000134352',
      batch: '12345',
    });
  });

  it('refuses a wrong check digit, naming the digit expected', () => {
    expect(errorOf(parse('4006381333934'))).toEqual({
      code: 'bad_check_digit',
      message: 'AI (01) GTIN: check digit should be 1, not 4',
      ai: '01',
      position: 1,
      params: { ai: '01', title: 'GTIN', expected: 1, actual: 4, position: 1 },
    });
  });

  it.each([
    ['95060001343', 11],
    ['9506-0001-343', 11],
    ['950600013435', 12],
  ])('says how many digits %j has when that is not a GTIN length', (input, length) => {
    const error = errorOf(parse(input));
    if (length === 12) {
      expect(error.code).toBe('bad_check_digit');
      return;
    }
    expect(error).toMatchObject({ code: 'bad_gtin_length', params: { length } });
    expect(error.message).toBe(`A GTIN has 8, 12, 13 or 14 digits, not ${length}`);
  });
});

describe('parseGs1: bracketed human-readable form', () => {
  it('reads a medicine pack: product code, expiry, batch, serial and a national reimbursement number', () => {
    const result = parse('(01)09506000134352(17)261231(10)ABC123(21)XYZ(714)1234567');
    expect(result).toEqual({
      ok: true,
      form: 'bracketed',
      elements: [
        { ai: '01', title: 'GTIN', value: '09506000134352' },
        { ai: '17', title: 'USE BY OR EXPIRY', value: '261231', date: '2026-12-31' },
        { ai: '10', title: 'BATCH/LOT', value: 'ABC123' },
        { ai: '21', title: 'SERIAL', value: 'XYZ' },
        { ai: '714', title: 'NHRN AIM', value: '1234567' },
      ],
      gtin: '09506000134352',
      serial: 'XYZ',
      batch: 'ABC123',
      expiry: '2026-12-31',
    });
  });

  it('ignores spaces between groups, as people type them', () => {
    const result = parse(' (01) 09506000134352 ( 10 ) ABC123 ');
    expect(elementsOf(result).map(({ ai, value }) => [ai, value])).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
    ]);
  });

  it('reads "\\(" as a bracket inside data, and a bracket not followed by an AI as itself', () => {
    expect(parse('(01)09506000134352(10)AB\\(12)C')).toMatchObject({ ok: true, batch: 'AB(12)C' });
    expect(parse('(01)09506000134352(10)A(B)')).toMatchObject({ ok: true, batch: 'A(B)' });
  });

  it('reads a variable-measure consumer product: weight with its decimals and price with its currency', () => {
    const result = parse('(01)99506000134355(3103)001250(3922)1999(15)270100');
    expect(elementsOf(result)).toEqual([
      { ai: '01', title: 'GTIN', value: '99506000134355' },
      { ai: '3103', title: 'NET WEIGHT (kg)', value: '001250', decimal: '1.250' },
      { ai: '3922', title: 'PRICE', value: '1999', decimal: '19.99' },
      { ai: '15', title: 'BEST BEFORE or BEST BY', value: '270100', date: '2027-01-31' },
    ]);
  });

  it('reads a logistics label: SSCC, content, count, ship-to GLN, origin', () => {
    const result = parse('(00)106141412345678908(02)09506000134352(37)24(410)9506000000008(422)250');
    expect(elementsOf(result).map(({ ai }) => ai)).toEqual(['00', '02', '37', '410', '422']);
    expect(result).toMatchObject({ gtin: '09506000134352' });
  });
});

describe('parseGs1: element strings from GS1-128, DataBar and DataMatrix', () => {
  const pack = `01095060001343521726123110ABC123${GS}21XYZ`;

  it.each([
    ['no symbology identifier', pack],
    ['GS1 DataMatrix ]d2', `]d2${pack}`],
    ['GS1-128 ]C1', `]C1${pack}`],
    ['GS1 QR ]Q3', `]Q3${pack}`],
    ['a leading FNC1 as group separator', `${GS}${pack}`],
    ['a trailing group separator and line feed', `${pack}${GS}\n`],
    ['the visible ␝ some tools print for the separator', pack.replace(GS, '\u241d')],
  ])('reads a medicine pack with %s', (_, input) => {
    expect(parse(input)).toMatchObject({
      ok: true,
      form: 'element_string',
      gtin: '09506000134352',
      expiry: '2026-12-31',
      batch: 'ABC123',
      serial: 'XYZ',
    });
  });

  it('reads a GTIN alone after a GS1 symbology identifier as an element string', () => {
    expect(parse(']e00109506000134352')).toMatchObject({
      ok: true,
      form: 'element_string',
      gtin: '09506000134352',
    });
  });

  it('tolerates a missing separator after a fixed-length AI, whose data ends where its length says', () => {
    // 422 (origin) has three digits but is not in the predefined-length table.
    const result = parse('010950600013435242225010ABC123');
    expect(elementsOf(result).map(({ ai, value }) => [ai, value])).toEqual([
      ['01', '09506000134352'],
      ['422', '250'],
      ['10', 'ABC123'],
    ]);
    expect(parse(`0109506000134352${GS}17261231`)).toMatchObject({ ok: true, expiry: '2026-12-31' });
  });

  it('reads GRAI, GIAI, ITIP, GDTI and GSIN keys', () => {
    const grai = parse('800309506000999999ABC1');
    expect(elementsOf(grai)).toEqual([{ ai: '8003', title: 'GRAI', value: '09506000999999ABC1' }]);
    expect(elementsOf(parse('8004950600012345'))[0]?.value).toBe('950600012345');
    expect(elementsOf(parse('8006095060001343520102'))[0]?.value).toBe('095060001343520102');
    expect(elementsOf(parse('2539506000000008INV-42'))[0]?.value).toBe('9506000000008INV-42');
    expect(elementsOf(parse('40209506000123456786'))[0]?.value).toBe('09506000123456786');
  });
});

describe('parseGs1: dates', () => {
  it.each([
    ['17', '261231', '2026-12-31'],
    ['17', '260200', '2026-02-28'],
    ['17', '280200', '2028-02-29'],
    ['17', '280229', '2028-02-29'],
    ['17', '000229', '2000-02-29'],
    ['15', '261100', '2026-11-30'],
    ['16', '270415', '2027-04-15'],
    ['11', '250600', '2025-06'],
    ['13', '250612', '2025-06-12'],
    ['17', '760101', '2076-01-01'],
    ['11', '770101', '1977-01-01'],
  ])('reads (%s)%s as %s', (ai, value, date) => {
    expect(elementsOf(parse(`(01)09506000134352(${ai})${value}`))[1]?.date).toBe(date);
  });

  it('reads date and time AIs as ISO date-times, and a harvest period as an ISO interval', () => {
    expect(elementsOf(parse('(7003)2612311430'))[0]?.date).toBe('2026-12-31T14:30');
    expect(elementsOf(parse('(7011)261231'))[0]?.date).toBe('2026-12-31');
    expect(elementsOf(parse('(7011)2612310800'))[0]?.date).toBe('2026-12-31T08:00');
    expect(elementsOf(parse('(7007)260901260915'))[0]?.date).toBe('2026-09-01/2026-09-15');
    expect(elementsOf(parse('(7007)260901'))[0]?.date).toBe('2026-09-01');
    expect(elementsOf(parse('(8008)26123114'))[0]?.date).toBe('2026-12-31T14:00');
    expect(elementsOf(parse('(8008)261231143005'))[0]?.date).toBe('2026-12-31T14:30:05');
  });

  it('reads two-digit years by the GS1 century rule: at most 49 years back and 50 ahead', () => {
    expect(fullYear(26, 2026)).toBe(2026);
    expect(fullYear(76, 2026)).toBe(2076);
    expect(fullYear(77, 2026)).toBe(1977);
    expect(fullYear(99, 2000)).toBe(1999);
    expect(fullYear(30, 2080)).toBe(2130);
    expect(fullYear(31, 2080)).toBe(2031);
  });

  it('reads the year against the current year by default', () => {
    const year = new Date().getUTCFullYear();
    const yy = String(year % 100).padStart(2, '0');
    expect(parseGs1(`(01)09506000134352(17)${yy}0615`)).toMatchObject({ ok: true, expiry: `${year}-06-15` });
  });
});

describe('parseGs1: every error code', () => {
  const cases: [Gs1ErrorCode, string, Record<string, string | number>, string?][] = [
    ['empty', '', {}, 'Scan or type a code'],
    ['empty', ' \t\n', {}],
    ['empty', ']d2', {}],
    ['not_gs1', 'ABC-123', {}],
    ['not_gs1', 'ftp://id.gs1.org/01/09506000134352', {}],
    ['bad_gtin_length', '95060001343', { length: 11 }, 'A GTIN has 8, 12, 13 or 14 digits, not 11'],
    [
      'expected_ai',
      `0109506000134352${GS}ABC`,
      { position: 18, found: 'A' },
      'Expected a GS1 application identifier (digits) at character 18, found "A"',
    ],
    [
      'unknown_ai',
      '(01)09506000134352(7230)EMA12345',
      { ai: '7230', position: 20 },
      'Unknown GS1 application identifier (7230) at character 20',
    ],
    ['unknown_ai', '01095060001343527230EMA12345', { ai: '7230', position: 17 }],
    ['unknown_ai', ']C1230123', { ai: '230', position: 4 }],
    [
      'too_short',
      '(01)0950600013435',
      { ai: '01', title: 'GTIN', length: 13, min: 14, unit: 'digits', position: 5 },
      'AI (01) GTIN: 13 digits where 14 are needed',
    ],
    [
      'too_short',
      '(01)09506000134352(10)(21)XYZ',
      { ai: '10', title: 'BATCH/LOT', length: 0, min: 1, unit: 'characters', position: 23 },
      'AI (10) BATCH/LOT has no data',
    ],
    ['too_short', `010950600013435${GS}10ABC`, { ai: '01', length: 13 }],
    ['too_short', '(8008)261231140', { ai: '8008', length: 9, min: 10 }],
    ['too_short', '(421)25', { ai: '421', length: 2, min: 4 }],
    [
      'too_long',
      '(01)09506000134352(21)SERIAL-NUMBER-1234567',
      { ai: '21', title: 'SERIAL', length: 21, max: 20, unit: 'characters', position: 23 },
      'AI (21) SERIAL: 21 characters, more than the 20 allowed',
    ],
    [
      'bad_characters',
      '(01)09506000134352(10)ABC 123',
      { ai: '10', title: 'BATCH/LOT', character: ' ', position: 26, allowed: 'cset82' },
      `AI (10) BATCH/LOT: U+0020 at character 26 is not allowed (letters, digits and !"%&'()*+,-./:;<=>?_ only)`,
    ],
    [
      'bad_characters',
      '(01)0950600013435O',
      { ai: '01', character: 'O', position: 18, allowed: 'digits' },
      'AI (01) GTIN: "O" at character 18 is not allowed (digits only)',
    ],
    ['bad_characters', '(21)Müller', { character: 'ü', position: 6 }],
    [
      'bad_check_digit',
      '(01)09506000134355(17)261231',
      { ai: '01', title: 'GTIN', expected: 2, actual: 5, position: 5 },
      'AI (01) GTIN: check digit should be 2, not 5',
    ],
    ['bad_check_digit', '00106141412345678901', { ai: '00', expected: 8, actual: 1 }],
    ['bad_check_digit', '(414)9506000000009', { ai: '414', expected: 8, actual: 9 }],
    [
      'bad_date',
      '(01)09506000134352(17)261332',
      { ai: '17', title: 'USE BY OR EXPIRY', value: '261332', position: 23, part: 'month', partValue: '13' },
      'AI (17) USE BY OR EXPIRY: 261332 is not a date (month 13)',
    ],
    [
      'bad_date',
      '(01)09506000134352(17)270229',
      { part: 'day', partValue: '29', daysInMonth: 28, month: '2027-02' },
      'AI (17) USE BY OR EXPIRY: 270229 is not a date (day 29, but 2027-02 has 28 days)',
    ],
    ['bad_date', '(01)09506000134352(11)260431', { ai: '11', part: 'day', daysInMonth: 30 }],
    ['bad_date', '(7003)2612002359', { ai: '7003', part: 'day', partValue: '00' }],
    [
      'bad_date',
      '(7003)2612312400',
      { ai: '7003', part: 'hour', partValue: '24' },
      'AI (7003) EXPIRY TIME: 2612312400 is not a date (hour 24)',
    ],
    ['bad_date', '(8008)2612311460', { ai: '8008', part: 'minute', partValue: '60' }],
    ['bad_date', '(7011)2612312361', { ai: '7011', part: 'minute', partValue: '61' }],
    ['bad_date', '(7007)260901261315', { ai: '7007', part: 'month', partValue: '13', position: 13 }],
    [
      'bad_country_code',
      '(00)106141412345678908(4307)XK',
      { ai: '4307', title: 'SHIP TO COUNTRY', code: 'XK', position: 29 },
      'AI (4307) SHIP TO COUNTRY: XK is not an ISO 3166 country code',
    ],
    [
      'bad_filler',
      '(8003)19506000999999ABC1',
      { ai: '8003', title: 'GRAI', actual: '1', position: 7 },
      'AI (8003) GRAI: the first digit must be 0, not 1',
    ],
    [
      'bad_piece_of_total',
      '(8006)095060001343520302',
      { ai: '8006', title: 'ITIP', piece: '03', total: '02', position: 21 },
      'AI (8006) ITIP: piece 03 of 02 is not possible',
    ],
    ['bad_piece_of_total', '(8006)095060001343520002', { piece: '00' }],
    [
      'missing_separator',
      '01095060001343521726123110ABC12321SERIAL-NUMBER-0001',
      { ai: '10', title: 'BATCH/LOT', position: 33, nextAi: '21', nextTitle: 'SERIAL' },
      'AI (10) BATCH/LOT: a group separator (FNC1) is missing at character 33, before (21) SERIAL',
    ],
    ['missing_separator', '0109506000134352302410ABC', { ai: '30', position: 21, nextAi: '10' }],
    [
      'duplicate_ai',
      '(01)09506000134352(10)ABC123(10)ABC124',
      { ai: '10', title: 'BATCH/LOT', position: 29, first: 'ABC123', second: 'ABC124' },
      'AI (10) BATCH/LOT appears again at character 29 with different data: ABC123, then ABC124',
    ],
    ['duplicate_ai', `010950600013435210ABC${GS}10ABD`, { ai: '10', position: 23 }],
    [
      'conflicting_ai',
      '(01)09506000134352(02)09506000134352',
      { ai: '02', title: 'CONTENT', position: 19, otherAi: '01', otherTitle: 'GTIN' },
      'AI (02) CONTENT at character 19 cannot appear together with AI (01) GTIN',
    ],
    [
      'conflicting_ai',
      '(01)99506000134355(3102)001250(3103)012500',
      { ai: '3103', otherAi: '3102', position: 31 },
    ],
    ['conflicting_ai', '(01)09506000134352(21)XYZ(235)TPX0001', { ai: '235', otherAi: '21' }],
    ['conflicting_ai', '(01)09506000134352(422)250(426)250', { ai: '426', otherAi: '422' }],
    [
      'bad_brackets',
      '(01',
      { position: 1 },
      'Bracketed GS1 data: expected "(" and an application identifier at character 1',
    ],
    ['bad_brackets', '(GTIN)09506000134352', { position: 1 }],
    [
      'bad_digital_link',
      'https://shop.example/products/sneaker-42',
      {},
      'This web address is not a GS1 Digital Link: its path holds no GS1 key such as /01/ and a GTIN',
    ],
    ['bad_digital_link', 'https://id.gs1.org/01', {}],
    ['bad_digital_link', 'https://id.gs1.org/10/ABC123', {}],
    [
      'bad_percent_encoding',
      'https://id.gs1.org/01/09506000134352/10/AB%ZZ',
      { position: 43, text: '%ZZ' },
      'Web address: %ZZ at character 43 is not valid percent-encoding',
    ],
    ['bad_percent_encoding', 'https://id.gs1.org/01/09506000134352?10=%C3', { position: 41, text: '%C3' }],
    [
      'bad_qualifier',
      'https://id.gs1.org/01/09506000134352/17/261231',
      { ai: '17', title: 'USE BY OR EXPIRY', keyAi: '01', keyTitle: 'GTIN', position: 38 },
      'GS1 Digital Link: AI (17) USE BY OR EXPIRY at character 38 cannot follow AI (01) GTIN in the path; it belongs in the query string',
    ],
    [
      'qualifier_order',
      'https://id.gs1.org/01/09506000134352/21/XYZ/10/ABC123',
      { ai: '10', title: 'BATCH/LOT', previousAi: '21', previousTitle: 'SERIAL', position: 45 },
      'GS1 Digital Link: AI (10) BATCH/LOT at character 45 must come before AI (21) SERIAL in the path',
    ],
  ];

  it.each(cases)('gives %s for %j', (code, input, params, message) => {
    const error = errorOf(parse(input));
    expect(error.code).toBe(code);
    expect(error.params).toMatchObject(params);
    if (message !== undefined) expect(error.message).toBe(message);
    if (typeof params.ai === 'string') expect(error.ai).toBe(params.ai);
    if (typeof params.position === 'number') expect(error.position).toBe(params.position);
  });

  it('has an example for every code in the exported list', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(GS1_ERROR_CODES));
  });

  it('keeps one of two identical elements', () => {
    expect(elementsOf(parse('(01)09506000134352(10)ABC123(10)ABC123')).map(({ ai }) => ai)).toEqual([
      '01',
      '10',
    ]);
  });
});
