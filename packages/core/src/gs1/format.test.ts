import { describe, expect, it } from 'vitest';
import { formatBracketed } from './bracketed.js';
import { formatElementString } from './element-string.js';
import { parseGs1 } from './parse.js';

const GS = '\x1d';
const pack = [
  { ai: '01', value: '09506000134352' },
  { ai: '17', value: '261231' },
  { ai: '10', value: 'ABC123' },
  { ai: '21', value: 'XYZ' },
];

describe('formatBracketed', () => {
  it('writes each AI in brackets before its data', () => {
    expect(formatBracketed(pack)).toBe('(01)09506000134352(17)261231(10)ABC123(21)XYZ');
  });

  it('escapes a bracket in data only where it would read as the next AI', () => {
    const written = formatBracketed([{ ai: '10', value: 'A(12)B(C)(123456)' }]);
    expect(written).toBe('(10)A\\(12)B(C)(123456)');
    expect(parseGs1(written)).toMatchObject({ ok: true, batch: 'A(12)B(C)(123456)' });
  });
});

describe('formatElementString', () => {
  it('puts a group separator after variable-length data only, and none after the last element', () => {
    expect(formatElementString(pack)).toBe(`01095060001343521726123110ABC123${GS}21XYZ`);
  });

  it('puts one after a fixed-length AI outside the predefined-length table', () => {
    expect(
      formatElementString([
        { ai: '422', value: '250' },
        { ai: '01', value: '09506000134352' },
      ]),
    ).toBe(`422250${GS}0109506000134352`);
  });

  it('gives an empty string for no elements', () => {
    expect(formatElementString([])).toBe('');
  });
});
