import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, gtinMatchesPrefix, gtinSchema, isValidGtin, parseGtin } from './gtin.js';

describe('gtinCheckDigit', () => {
  it.each([
    ['400638133393', 1],
    ['950600013435', 2],
    ['9638507', 4],
    ['03600029145', 2],
    ['1001234567890', 2],
    ['978030640615', 7],
    ['1950600013435', 9],
  ])('gives the GS1 check digit of %s: %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it('weights the rightmost digit of the body by 3', () => {
    expect(gtinCheckDigit('1')).toBe(7); // 1×3 = 3 → 7
    expect(gtinCheckDigit('10')).toBe(9); // 0×3 + 1×1 = 1 → 9
  });

  it('gives 0 when the weighted sum is already a multiple of ten', () => {
    expect(gtinCheckDigit('0000000')).toBe(0);
    expect(gtinCheckDigit('55')).toBe(0); // 5×3 + 5 = 20
  });

  it('is unchanged by leading zeros, so a code keeps its check digit when padded to 14 digits', () => {
    expect(gtinCheckDigit('00000400638133393')).toBe(gtinCheckDigit('400638133393'));
  });

  it.each(['', '12a4', '12 34', '١٢٣'])('refuses to compute over %j', (body) => {
    expect(() => gtinCheckDigit(body)).toThrow(RangeError);
  });
});

describe('parseGtin', () => {
  it.each([
    ['96385074', '00000096385074', 8],
    ['036000291452', '00036000291452', 12],
    ['4006381333931', '04006381333931', 13],
    ['9506000134352', '09506000134352', 13],
    ['10012345678902', '10012345678902', 14],
    ['09506000134352', '09506000134352', 14],
  ] as const)('reads %s as %s (GTIN-%i)', (input, gtin14, length) => {
    expect(parseGtin(input)).toEqual({ ok: true, gtin14, length });
  });

  it.each([
    ['  4006381333931\n', '04006381333931'],
    ['4 006381 333931', '04006381333931'],
    ['4006-3813-3393-1', '04006381333931'],
    ['0 36000 29145 2', '00036000291452'],
    ['9638 5074', '00000096385074'],
    ['1 00 12345 67890 2', '10012345678902'],
    ['4006381\u00a0333931', '04006381333931'],
  ])('accepts %j as typed by hand', (input, gtin14) => {
    const result = parseGtin(input);
    expect(result.ok && result.gtin14).toBe(gtin14);
  });

  it('keeps the typed length, not the normalised one', () => {
    expect(parseGtin('0 36000 29145 2')).toMatchObject({ length: 12 });
  });

  it('says what the check digit should be', () => {
    expect(parseGtin('4006381333934')).toEqual({
      ok: false,
      reason: 'bad_check_digit',
      message: 'Check digit should be 1, not 4',
      expectedCheckDigit: 1,
    });
  });

  it.each([
    ['96385075', 4, 5],
    ['036000291450', 2, 0],
    ['9506000134353', 2, 3],
    ['10012345678901', 2, 1],
  ])('refuses %s with the right check digit %i instead of %i', (input, expected, actual) => {
    expect(parseGtin(input)).toMatchObject({
      ok: false,
      reason: 'bad_check_digit',
      expectedCheckDigit: expected,
      message: `Check digit should be ${expected}, not ${actual}`,
    });
  });

  it('catches two swapped neighbouring digits', () => {
    expect(parseGtin('4003681333931')).toMatchObject({ ok: false, reason: 'bad_check_digit' });
  });

  it.each(['', '   ', '\t\n'])('calls %j empty', (input) => {
    expect(parseGtin(input)).toEqual({ ok: false, reason: 'empty', message: 'Enter a GTIN' });
  });

  it.each([
    '4006381333931x',
    'GTIN 4006381333931',
    '(01)09506000134352',
    '4006381.333931',
    '-4006381333931',
    '4006381333931-',
    '4006381333931 -',
    '+4006381333931',
    '４００６３８１３３３９３１',
    '1e13',
  ])('refuses %j as not digits', (input) => {
    expect(parseGtin(input)).toEqual({
      ok: false,
      reason: 'not_digits',
      message: 'A GTIN has digits only (spaces or hyphens between them are allowed)',
    });
  });

  it.each([
    ['1234567', 7],
    ['123456789', 9],
    ['1234567890', 10],
    ['12345678901', 11],
    ['123456789012345', 15],
    ['950600013435200000', 18],
    ['1', 1],
  ])('refuses %s: %i digits is not a GTIN length', (input, length) => {
    expect(parseGtin(input)).toEqual({
      ok: false,
      reason: 'bad_length',
      message: `A GTIN has 8, 12, 13 or 14 digits, not ${length}`,
    });
  });

  it('counts the digits, not the spaces, for the length', () => {
    expect(parseGtin('1234 5678 9')).toMatchObject({
      reason: 'bad_length',
      message: expect.stringMatching(/not 9$/),
    });
  });

  it('gives no expected check digit for problems other than the check digit', () => {
    expect(parseGtin('12345')).not.toHaveProperty('expectedCheckDigit');
  });
});

describe('isValidGtin', () => {
  it.each(['4006381333931', '96385074', '036000291452', '10012345678902', ' 9506 0001 3435 2 '])(
    'accepts %j',
    (input) => expect(isValidGtin(input)).toBe(true),
  );

  it.each(['4006381333932', '', 'abc', '123456789', '96385070'])('refuses %j', (input) =>
    expect(isValidGtin(input)).toBe(false),
  );
});

describe('gtinMatchesPrefix', () => {
  it('finds the company prefix of a GTIN-13', () => {
    expect(gtinMatchesPrefix('09506000134352', '9506000')).toBe(true);
    expect(gtinMatchesPrefix('09506000134352', '950600013')).toBe(true);
    expect(gtinMatchesPrefix('04006381333931', '4006381')).toBe(true);
  });

  it('finds the same prefix in the GTIN-14 of a case (indicator digit 1 to 8)', () => {
    expect(gtinMatchesPrefix('19506000134359', '9506000')).toBe(true);
    expect(gtinMatchesPrefix('34006381333932', '4006381')).toBe(true);
    expect(gtinMatchesPrefix('10012345678902', '0012345')).toBe(true);
  });

  it('expects a U.P.C. company prefix in its GS1 form, with a leading zero', () => {
    expect(gtinMatchesPrefix('00036000291452', '0036000')).toBe(true);
    expect(gtinMatchesPrefix('00036000291452', '036000')).toBe(false);
  });

  it('refuses another company’s prefix', () => {
    expect(gtinMatchesPrefix('09506000134352', '9506001')).toBe(false);
    expect(gtinMatchesPrefix('04006381333931', '4006382')).toBe(false);
  });

  it('does not read the indicator digit as part of the prefix', () => {
    expect(gtinMatchesPrefix('19506000134359', '1950')).toBe(false);
    expect(gtinMatchesPrefix('09506000134352', '0950')).toBe(false);
  });

  it('accepts a prefix of 4 to 12 digits and nothing shorter or longer', () => {
    expect(gtinMatchesPrefix('04006381333931', '4006')).toBe(true);
    expect(gtinMatchesPrefix('04006381333931', '400638133393')).toBe(true);
    expect(gtinMatchesPrefix('04006381333931', '400')).toBe(false);
    expect(gtinMatchesPrefix('04006381333931', '4006381333931')).toBe(false);
    expect(gtinMatchesPrefix('04006381333931', '')).toBe(false);
  });

  it('refuses a prefix or GTIN that is not in normalised digits', () => {
    expect(gtinMatchesPrefix('04006381333931', '4006-381')).toBe(false);
    expect(gtinMatchesPrefix('4006381333931', '4006381')).toBe(false);
    expect(gtinMatchesPrefix('0400638133393x', '4006381')).toBe(false);
  });
});

describe('gtinSchema', () => {
  it('gives the 14-digit form', () => {
    expect(gtinSchema.parse(' 4006-381-333931 ')).toBe('04006381333931');
    expect(gtinSchema.parse('96385074')).toBe('00000096385074');
  });

  it('refuses a wrong check digit with the precise message, reason and expected digit', () => {
    const result = gtinSchema.safeParse('4006381333934');
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    expect(result.error!.issues[0]).toMatchObject({
      code: 'custom',
      message: 'Check digit should be 1, not 4',
      params: { reason: 'bad_check_digit', expectedCheckDigit: 1 },
      path: [],
    });
  });

  it('refuses a bad length with its message', () => {
    const result = gtinSchema.safeParse('123');
    expect(result.error!.issues[0]).toMatchObject({
      message: 'A GTIN has 8, 12, 13 or 14 digits, not 3',
      params: { reason: 'bad_length' },
    });
  });

  it('points at the field inside an object', () => {
    const result = gtinSchema.array().safeParse(['4006381333931', 'abc']);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([[1]]);
  });

  it('refuses what is not a string', () => {
    expect(gtinSchema.safeParse(4006381333931).success).toBe(false);
  });
});
