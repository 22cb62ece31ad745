import { describe, expect, it } from 'vitest';
import { toDigitalLink } from './digital-link.js';
import { parseGs1 } from './parse.js';

const parse = (input: string) => parseGs1(input, { referenceYear: 2026 });

function pairsOf(input: string) {
  const result = parse(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.elements.map(({ ai, value }) => [ai, value]);
}

describe('parseGs1: GS1 Digital Link', () => {
  it('reads key, qualifiers in the path and attributes in the query', () => {
    expect(parse('https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=261231')).toEqual({
      ok: true,
      form: 'digital_link',
      elements: [
        { ai: '01', title: 'GTIN', value: '09506000134352' },
        { ai: '10', title: 'BATCH/LOT', value: 'ABC123' },
        { ai: '21', title: 'SERIAL', value: 'XYZ' },
        { ai: '17', title: 'USE BY OR EXPIRY', value: '261231', date: '2026-12-31' },
      ],
      gtin: '09506000134352',
      serial: 'XYZ',
      batch: 'ABC123',
      expiry: '2026-12-31',
    });
  });

  it('accepts any domain and a path prefix before the key', () => {
    expect(pairsOf('https://brand.example/dl/products/01/09506000134352/21/SN-0001')).toEqual([
      ['01', '09506000134352'],
      ['21', 'SN-0001'],
    ]);
    expect(pairsOf('http://qr.brand.example:8080/01/09506000134352')).toEqual([['01', '09506000134352']]);
  });

  it('reads a link typed without https://', () => {
    expect(pairsOf('id.gs1.org/01/09506000134352/10/ABC123')).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
    ]);
    expect(parse('brand.example/01/09506000134355')).toMatchObject({
      error: { code: 'bad_check_digit', position: 18 },
    });
  });

  it('reads a code printed in upper case for a compact QR code, a trailing slash and a fragment', () => {
    expect(pairsOf('HTTPS://ID.GS1.ORG/01/09506000134352/')).toEqual([['01', '09506000134352']]);
    expect(pairsOf('https://id.gs1.org/01/09506000134352#details')).toEqual([['01', '09506000134352']]);
  });

  it('decodes percent-encoding in path and query', () => {
    expect(pairsOf('https://id.gs1.org/01/09506000134352/10/A%2FB%25C/21/%22X%26Y%22?91=a%3Db')).toEqual([
      ['01', '09506000134352'],
      ['10', 'A/B%C'],
      ['21', '"X&Y"'],
      ['91', 'a=b'],
    ]);
  });

  it('points at the character as written, before decoding', () => {
    expect(parse('https://id.gs1.org/01/09506000134352/10/A%2FB%20C')).toMatchObject({
      ok: false,
      error: { code: 'bad_characters', params: { character: ' ', position: 46 } },
    });
    expect(parse('https://id.gs1.org/01/9506000134355')).toMatchObject({
      ok: false,
      error: { code: 'bad_check_digit', position: 23 },
    });
  });

  it('pads a GTIN-13, -12 or -8 in the path to 14 digits', () => {
    expect(parse('https://id.gs1.org/01/9506000134352')).toMatchObject({ gtin: '09506000134352' });
    expect(parse('https://id.gs1.org/01/96385074')).toMatchObject({ gtin: '00000096385074' });
  });

  it('reads the convenience alphas of older Digital Links', () => {
    expect(pairsOf('https://brand.example/gtin/09506000134352/lot/ABC123/ser/XYZ?exp=ignored')).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['21', 'XYZ'],
    ]);
  });

  it('ignores query parameters that are not AIs, and reads qualifiers given in the query', () => {
    const link =
      'https://id.gs1.org/01/09506000134352?linkType=gs1:pip&utm_source=label&10=ABC123&20180101=x';
    expect(pairsOf(link)).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
    ]);
  });

  it('reads other primary keys: SSCC, GLN with extension, GIAI, GRAI, ITIP', () => {
    expect(pairsOf('https://id.gs1.org/00/106141412345678908')).toEqual([['00', '106141412345678908']]);
    expect(pairsOf('https://id.gs1.org/414/9506000000008/254/DOCK-3')).toEqual([
      ['414', '9506000000008'],
      ['254', 'DOCK-3'],
    ]);
    expect(pairsOf('https://id.gs1.org/8004/950600012345')).toEqual([['8004', '950600012345']]);
    expect(pairsOf('https://id.gs1.org/8003/09506000999999ABC1')).toEqual([['8003', '09506000999999ABC1']]);
    expect(pairsOf('https://id.gs1.org/8006/095060001343520102/10/L1')).toEqual([
      ['8006', '095060001343520102'],
      ['10', 'L1'],
    ]);
  });

  it('checks the data like any other form', () => {
    expect(parse('https://id.gs1.org/01/09506000134355')).toMatchObject({
      ok: false,
      error: { code: 'bad_check_digit', ai: '01', position: 23 },
    });
    expect(parse('https://id.gs1.org/01/09506000134352?17=261332')).toMatchObject({
      ok: false,
      error: { code: 'bad_date', ai: '17', position: 41 },
    });
    expect(parse('https://id.gs1.org/01/09506000134352/7241/P1')).toMatchObject({
      ok: false,
      error: { code: 'unknown_ai', ai: '7241', position: 38 },
    });
    expect(parse('https://id.gs1.org/01/09506000134352?7241=P1')).toMatchObject({
      ok: false,
      error: { code: 'unknown_ai', ai: '7241', position: 38 },
    });
    expect(parse('https://id.gs1.org/01/09506000134352/21/A/21/B')).toMatchObject({
      ok: false,
      error: { code: 'duplicate_ai', params: { first: 'A', second: 'B' } },
    });
    expect(parse('https://id.gs1.org/01/09506000134352/10/ABC?10=ABD')).toMatchObject({
      ok: false,
      error: { code: 'duplicate_ai', position: 45, params: { first: 'ABC', second: 'ABD' } },
    });
  });
});

describe('toDigitalLink', () => {
  const pack = [
    { ai: '17', value: '261231' },
    { ai: '21', value: 'XYZ' },
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'ABC123' },
    { ai: '714', value: '1234567' },
  ];

  it('puts the key and its qualifiers in the path in the standard order, the rest in the query', () => {
    expect(toDigitalLink(pack)).toBe(
      'https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=261231&714=1234567',
    );
  });

  it('takes a domain with a path prefix', () => {
    expect(toDigitalLink(pack.slice(2, 3), 'https://brand.example/dl/')).toBe(
      'https://brand.example/dl/01/09506000134352',
    );
  });

  it('percent-encodes everything but unreserved characters', () => {
    const link = toDigitalLink([
      { ai: '01', value: '09506000134352' },
      { ai: '21', value: 'A/B(1)%' },
      { ai: '91', value: 'x=1&y=2' },
    ]);
    expect(link).toBe('https://id.gs1.org/01/09506000134352/21/A%2FB%281%29%25?91=x%3D1%26y%3D2');
    expect(pairsOf(link!)).toEqual([
      ['01', '09506000134352'],
      ['21', 'A/B(1)%'],
      ['91', 'x=1&y=2'],
    ]);
  });

  it('prefers the GTIN as key over the SSCC of a logistic unit, and uses TPX as qualifier when present', () => {
    expect(
      toDigitalLink([
        { ai: '00', value: '106141412345678908' },
        { ai: '01', value: '09506000134352' },
        { ai: '235', value: 'TPX-1' },
      ]),
    ).toBe('https://id.gs1.org/01/09506000134352/235/TPX-1?00=106141412345678908');
  });

  it('gives null without a primary key', () => {
    expect(toDigitalLink([{ ai: '10', value: 'ABC123' }])).toBeNull();
  });
});
