import { describe, expect, it } from 'vitest';
import { parseGs1 } from './parse.js';

const at2026 = { referenceYear: 2026 };

describe('parseGs1: the four forms', () => {
  it('reads a plain GTIN-13 as scanned from an EAN-13 and gives its 14-digit form', () => {
    const result = parseGs1('9506000134352', at2026);
    expect(result).toEqual({
      ok: true,
      form: 'gtin',
      elements: [{ ai: '01', title: 'GTIN', value: '09506000134352' }],
      gtin: '09506000134352',
      serial: null,
      batch: null,
      expiry: null,
    });
  });

  it('reads the bracketed form typed from a medicine pack', () => {
    const result = parseGs1('(01)09506000134352(17)261231(10)ABC123(21)XYZ', at2026);
    expect(result).toMatchObject({
      ok: true,
      form: 'bracketed',
      gtin: '09506000134352',
      serial: 'XYZ',
      batch: 'ABC123',
      expiry: '2026-12-31',
    });
  });

  it('reads a GS1 DataMatrix element string with its symbology identifier and group separator', () => {
    const result = parseGs1(']d201095060001343521726123110ABC123\x1d21XYZ', at2026);
    expect(result).toMatchObject({ ok: true, form: 'element_string', gtin: '09506000134352', serial: 'XYZ' });
  });

  it('reads a GS1 Digital Link', () => {
    const result = parseGs1('https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=261231', at2026);
    expect(result).toMatchObject({
      ok: true,
      form: 'digital_link',
      gtin: '09506000134352',
      batch: 'ABC123',
      serial: 'XYZ',
      expiry: '2026-12-31',
    });
  });
});
